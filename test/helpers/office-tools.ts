/**
 * Test helpers for OOXML output: read the parts of a DOCX/XLSX (a ZIP) and
 * read back the text of one printed by LibreOffice.
 */
import { unzipEntries } from '../../src/render/zip-reader.js';
import { convertWithOffice } from './libreoffice.js';
import { pdfInfo, pdfText } from './pdf-tools.js';

/** Every part of a ZIP archive by its path (stored or deflated entries). */
export function unzipParts(zip: Uint8Array): Map<string, Uint8Array> {
  return new Map(unzipEntries(zip));
}

/** The text (XML) of one part, e.g. "word/document.xml"; throws if it is missing. */
export function zipPart(zip: Uint8Array, path: string): string {
  const part = unzipParts(zip).get(path);
  if (!part) throw new Error(`no part ${path} in archive`);
  return new TextDecoder().decode(part);
}

/** The paths of every part whose path matches. */
export function zipPartNames(zip: Uint8Array, pattern: RegExp = /.*/): string[] {
  return [...unzipParts(zip).keys()].filter((name) => pattern.test(name));
}

export interface OfficePdf {
  /** pdftotext output (layout mode off). */
  readonly text: string;
  readonly pages: number;
}

/** The text and page count of a DOCX or XLSX printed by LibreOffice (convertWithOffice). */
export async function officeToPdfText(bytes: Uint8Array, ext: 'docx' | 'xlsx'): Promise<OfficePdf> {
  const [pdf] = await convertWithOffice([{ bytes, ext }]);
  return { text: await pdfText(pdf!), pages: (await pdfInfo(pdf!)).pages };
}

/** Page counts of several DOCX files printed by LibreOffice in one run (convertWithOffice). */
export async function officePageCounts(files: ReadonlyMap<string, Uint8Array>): Promise<Map<string, number>> {
  const pdfs = await convertWithOffice([...files.values()].map((bytes) => ({ bytes, ext: 'docx' as const })));
  const names = [...files.keys()];
  const counts = new Map<string, number>();
  for (const [i, pdf] of pdfs.entries()) counts.set(names[i]!, (await pdfInfo(pdf)).pages);
  return counts;
}
