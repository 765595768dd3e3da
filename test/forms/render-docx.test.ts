/**
 * Every form that offers DOCX renders for every fixture, and every text of the
 * model is in word/document.xml; one form goes through LibreOffice.
 */
import { describe, expect, it } from 'vitest';
import { render } from '../../src/render/index.js';
import { WORD_JOINER } from '../../src/render/docx/no-break.js';
import { officeToPdfText, zipPart } from '../helpers/office-tools.js';
import { publicityNoticeForm } from '../../src/forms/publicity-notice/index.js';
import { buildCase, renderCases, textsMissingFrom } from './render-inputs.js';
import { loadDossier, squeeze } from './model-walk.js';

/**
 * The text a reader sees: the runs' text without the word joiners that glue
 * names and dates (U+2060 draws nothing and LibreOffice's PDF leaves it out).
 */
function documentText(xml: string): string {
  const texts: string[] = [];
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)) texts.push(m[1] ?? '');
  return texts
    .join('')
    .replaceAll(WORD_JOINER, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

describe('forms as DOCX', () => {
  for (const { form, name, input } of renderCases('docx')) {
    it(`${form.id} (${name}) renders with all its text`, async () => {
      const doc = buildCase(form, input);
      const file = await render(doc, 'docx');
      expect(file.extension).toBe('docx');
      const xml = zipPart(file.bytes, 'word/document.xml');
      expect(textsMissingFrom(doc, documentText(xml))).toEqual([]);
      expect(xml).toContain('w:eastAsia');
    });
  }

  it('publicity-notice converts with LibreOffice and keeps its values', async () => {
    const dossier = loadDossier('zhang-yue-intermediate');
    const file = await render(
      publicityNoticeForm.build(dossier, { now: new Date(0), options: {}, settings: { watermarkText: '' } }),
      'docx',
    );
    const pdf = await officeToPdfText(file.bytes, 'docx');
    expect(pdf.pages).toBe(1);
    // Where LibreOffice wraps a value depends on its version (0996-7102345 may break after the hyphen),
    // and pdftotext drops a hyphen that ends a line: hyphens and white space are not compared.
    const loose = (text: string) => squeeze(text).replace(/-/g, '');
    const text = loose(pdf.text);
    for (const value of [
      dossier.applicant.name,
      dossier.applicant.idNumber,
      '推荐单位公示',
      dossier.recommendingUnit.phone,
      '2024年9月10日',
    ]) {
      expect(text).toContain(loose(value));
    }
  }, 180_000);
});
