/**
 * Every form that offers PDF renders for every fixture:
 * - rasterised under an empty fontconfig, every glyph's em box has ink (a broken
 *   embedded font prints blanks while text extraction still passes);
 * - pdftotext -raw (content-stream order, so a cell's wrapped lines read as one
 *   piece) finds all of the model's text; fonts are embedded subsets;
 * - ID numbers are never split across lines;
 * - the one-page forms stay on one page;
 * and a 500-row roster renders (time printed, not asserted).
 */
import { describe, expect, it } from 'vitest';
import { rosterForm } from '../../src/forms/roster/index.js';
import { renderPdfWithLayout, type PlacedGlyph } from '../../src/render/pdf/index.js';
import { render } from '../../src/render/index.js';
import { inkInBox, pdfFonts, pdfInfo, pdfText, rasterise, type GrayPage } from '../helpers/pdf-tools.js';
import { buildCase, renderCases, textsMissingFrom } from './render-inputs.js';
import { bigRoster, CTX } from './model-walk.js';

/** Glyphs whose em box has no dark pixel. */
function blankGlyphs(pages: readonly GrayPage[], glyphs: readonly PlacedGlyph[]): string[] {
  return glyphs
    .filter((g) => !/\s/.test(g.char) && inkInBox(pages[g.page]!, g) === 0)
    .map((g) => `${g.char} p${g.page + 1} (${g.x.toFixed(0)}, ${g.y.toFixed(0)})`);
}

/** ID numbers whose 18 characters do not sit on one line (a split ID is misread). */
function splitIds(glyphs: readonly PlacedGlyph[], ids: readonly string[]): string[] {
  const chars = glyphs.map((g) => g.char).join('');
  const split: string[] = [];
  for (const id of ids) {
    for (let at = chars.indexOf(id); at >= 0; at = chars.indexOf(id, at + 1)) {
      const run = glyphs.slice(at, at + id.length);
      if (new Set(run.map((g) => `${g.page}:${g.y.toFixed(1)}`)).size !== 1) split.push(id);
    }
  }
  return split;
}

function idNumbersOf(input: unknown): string[] {
  const x = input as { dossiers?: { applicant: { idNumber: string } }[]; applicant?: { idNumber: string } };
  return x.dossiers ? x.dossiers.map((d) => d.applicant.idNumber) : [x.applicant!.idNumber];
}

/** The forms the notice has on one sheet (the roster of three fits one landscape page). */
const ONE_PAGE = new Set([
  'publicity-notice',
  'publicity-result',
  'pledge',
  'ce-exemption',
  'materials-catalogue',
  'political-appraisal',
  'work-experience-certificate',
  'roster',
]);

describe('forms as PDF', () => {
  for (const { form, name, input } of renderCases('pdf')) {
    it(`${form.id} (${name}): every glyph inked, all text extractable, fonts embedded`, async () => {
      const doc = buildCase(form, input);
      const { bytes, glyphs } = await renderPdfWithLayout(doc);
      expect(glyphs.length).toBeGreaterThan(20);
      const pages = await rasterise(bytes, { dpi: 100 });
      expect(blankGlyphs(pages, glyphs)).toEqual([]);
      expect(splitIds(glyphs, idNumbersOf(input))).toEqual([]);
      expect(textsMissingFrom(doc, await pdfText(bytes, { raw: true }))).toEqual([]);
      const fonts = await pdfFonts(bytes);
      expect(fonts.length).toBeGreaterThan(0);
      for (const font of fonts) expect(font).toMatchObject({ embedded: true, subset: true });
      const info = await pdfInfo(bytes);
      if (ONE_PAGE.has(form.id)) expect(info.pages).toBe(1);
    }, 60_000);
  }

  it('renders a 500-row roster across pages with the header on every page', async () => {
    const input = bigRoster(500);
    const started = performance.now();
    const file = await render(rosterForm.build(input, CTX), 'pdf');
    console.log(`roster 500 rows → PDF: ${(performance.now() - started).toFixed(0)} ms, ${file.bytes.length} bytes`);
    const { pages } = await pdfInfo(file.bytes);
    expect(pages).toBeGreaterThan(10);
    const text = await pdfText(file.bytes, { raw: true });
    const compact = text.replace(/\s+/g, '');
    for (const d of input.dossiers.slice(0, 3)) expect(compact).toContain(d.applicant.idNumber);
    expect(text.split('身份证号').length - 1).toBe(pages);
  }, 120_000);
});
