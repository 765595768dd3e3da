/**
 * Package parts written here instead of by the docx package: settings.xml
 * (the package has no option for w:mirrorMargins) and docProps/core.xml (the
 * package stamps the wall-clock time; the same model must give the same bytes).
 */
import type { DocumentMeta } from '../../document/model.js';

const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface SettingsOptions {
  /** Swap inner/outer margins on even pages (double-sided binding). */
  readonly mirrorMargins: boolean;
  readonly evenAndOddHeaders: boolean;
}

/** Elements in the order CT_Settings requires. */
export function settingsXml(opts: SettingsOptions): string {
  return (
    XML_DECL +
    '<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    (opts.mirrorMargins ? '<w:mirrorMargins/>' : '') +
    // Two characters of 五号, Chinese Word's default tab stop.
    '<w:defaultTabStop w:val="420"/>' +
    (opts.evenAndOddHeaders ? '<w:evenAndOddHeaders/>' : '') +
    // Full-width punctuation keeps its full width, so a GB/T 9704 line holds exactly 28 characters.
    '<w:characterSpacingControl w:val="doNotCompress"/>' +
    // Underline trailing spaces (fill-in blanks at a line end); a manual line break does not stretch a justified line.
    '<w:compat><w:ulTrailSpace/><w:doNotExpandShiftReturn/><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
    '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>' +
    '</w:settings>'
  );
}

/** W3C date-time without milliseconds, as Office writes it. */
function w3cdtf(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const CREATOR = 'zhicheng-docs';

export function corePropertiesXml(meta: DocumentMeta): string {
  const el = (name: string, value: string | undefined): string =>
    value ? `<${name}>${escapeXml(value)}</${name}>` : '';
  const when = w3cdtf(meta.createdAt);
  return (
    XML_DECL +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    el('dc:title', meta.title) +
    el('dc:subject', meta.subject) +
    el('dc:creator', CREATOR) +
    el('cp:keywords', meta.keywords?.join('; ')) +
    el('dc:language', 'zh-CN') +
    // The person or unit the document is for (the generator is the creator).
    el('cp:lastModifiedBy', meta.author ?? CREATOR) +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}
