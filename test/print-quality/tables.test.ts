/**
 * Print quality of tables and spreadsheets, checked the way a clerk sees the
 * paper: the roster's XLSX and DOCX printed through LibreOffice at a readable
 * size across the page, 附件4/6 at full size with room around the seal text,
 * short cells (names, 民族, 申报方式, 性别) never split across lines, no table
 * leaving a single row alone on a page, and DOCX tables shaped as the PDF's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Document, TableBlock } from '../../src/document/model.js';
import { DossierSchema, RosterInputSchema, type Dossier, type RosterInput } from '../../src/domain/dossier.js';
import { getFontLibrary } from '../../src/fonts/library.js';
import { ceExemptionForm } from '../../src/forms/ce-exemption/index.js';
import { materialsCatalogueForm } from '../../src/forms/materials-catalogue/index.js';
import { reviewForm } from '../../src/forms/review-form/index.js';
import { rosterForm } from '../../src/forms/roster/index.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { renderPdfWithLayout, type PlacedGlyph } from '../../src/render/pdf/index.js';
import { fontMeasure } from '../../src/render/text-measure.js';
import { renderXlsx } from '../../src/render/xlsx/index.js';
import { cellText, CTX } from '../forms/model-walk.js';
import { zipPart } from '../helpers/office-tools.js';
import { convertWithOffice } from '../helpers/libreoffice.js';
import { pdfWords, type PrintedPdf, type Word } from '../helpers/print-tools.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const NAMES = ['ayguli-junior', 'bater-initial', 'zhang-yue-intermediate', 'long-dossier', 'sparse-dossier'] as const;
const MM = 72 / 25.4;
const SLOW = 300_000;

function dossier(name: string): Dossier {
  return DossierSchema.parse(JSON.parse(readFileSync(join(FIXTURES, 'dossiers', `${name}.json`), 'utf8')));
}

/** The unit of the roster fixture with the given applicants, repeated up to `count`. */
function roster(count: number = NAMES.length): RosterInput {
  const { unit } = JSON.parse(readFileSync(join(FIXTURES, 'roster-unit.json'), 'utf8')) as { unit: unknown };
  const dossiers = Array.from({ length: count }, (_, i) => dossier(NAMES[i % NAMES.length]!));
  return RosterInputSchema.parse({ unit, dossiers });
}

/** The size text is printed at: its box width over its advance at 1 pt in the Noto face LibreOffice used. */
function effectiveSize(word: Word): number {
  const advance = fontMeasure(getFontLibrary())(word.text, { font: 'song', size: 1, bold: false });
  return (word.xMax - word.xMin) / advance;
}

function findWord(printed: PrintedPdf, text: string): Word {
  const word = printed.words.find((w) => w.text === text);
  if (!word) throw new Error(`"${text}" not printed as one word`);
  return word;
}

/** Width the words of the first page span, over the page's width less the document's side margins. */
function widthShare(printed: PrintedPdf, doc: Document): number {
  const first = printed.words.filter((w) => w.page === 0);
  const left = Math.min(...first.map((w) => w.xMin));
  const right = Math.max(...first.map((w) => w.xMax));
  const printable = printed.pages[0]!.width - (doc.page.margins.inner + doc.page.margins.outer) * MM;
  return (right - left) / printable;
}

/**
 * The printed lines of a cell holding `text`: the words that start at the same x
 * (the cell's left edge) one below the other and add up to `text`.
 */
function printedCellLines(printed: PrintedPdf, text: string): string[] {
  for (const start of printed.words) {
    if (!text.startsWith(start.text)) continue;
    const column = printed.words
      .filter((w) => w.page === start.page && Math.abs(w.xMin - start.xMin) < 1 && w.yMin >= start.yMin)
      .sort((a, b) => a.yMin - b.yMin);
    const lines: string[] = [];
    for (const word of column) {
      if (!text.startsWith(lines.join('') + word.text)) break;
      lines.push(word.text);
      if (lines.join('') === text) return lines;
    }
  }
  throw new Error(`"${text}" not printed as the lines of one cell`);
}

/** The long texts of a roster row (unit, school, exemption): each wraps at four characters a line or more. */
function rosterLongTexts(d: Dossier): string[] {
  return [d.applicant.employer, `${d.applicant.education.school}${d.applicant.education.major}专业`];
}

/** Lines of a wrapped text shorter than four characters, but its last. */
function crampedLines(lines: readonly string[]): string[] {
  return lines.slice(0, -1).filter((line) => Array.from(line).length < 4);
}

/** Lines (page and baseline) on which the glyphs of `text` sit, for each place it is printed. */
function linesOf(glyphs: readonly PlacedGlyph[], text: string): string[][] {
  const chars = Array.from(text);
  const out: string[][] = [];
  for (let i = 0; i + chars.length <= glyphs.length; i++) {
    if (chars.every((c, k) => glyphs[i + k]!.char === c)) {
      out.push([...new Set(chars.map((_, k) => `${glyphs[i + k]!.page}:${glyphs[i + k]!.y.toFixed(1)}`))]);
    }
  }
  return out;
}

/**
 * Page of each body row of each table, found in print order by the text of all
 * its cells (a band's cells are drawn row by row, each cell's lines in turn).
 */
function rowPages(doc: Document, glyphs: readonly PlacedGlyph[]): { table: TableBlock; pages: number[] }[] {
  const ink = glyphs.filter((g) => g.char.trim() !== '');
  const text = ink.map((g) => g.char).join('');
  let from = 0;
  const out: { table: TableBlock; pages: number[] }[] = [];
  for (const block of doc.blocks) {
    if (block.type !== 'table') continue;
    const pages: number[] = [];
    block.rows.forEach((row, r) => {
      const probe = row.cells.map((c) => cellText(c).replace(/\s+/g, '')).join('');
      if (probe === '') return;
      const at = text.indexOf(probe, from);
      expect(at, `row ${r} of a table: ${probe.slice(0, 20)}`).toBeGreaterThanOrEqual(0);
      from = at + probe.length;
      if (r >= (block.headerRows ?? 0)) pages.push(ink[at]!.page);
    });
    out.push({ table: block, pages });
  }
  return out;
}

describe('print quality: the roster (附件5)', () => {
  const input = roster();
  const doc = rosterForm.build(input, CTX);

  it(
    'prints from XLSX on A4 landscape at 9 pt or more, the table across the page, header repeated',
    async () => {
      const sheets = [NAMES.length, 50].map((count) => rosterForm.build(roster(count), CTX));
      // One LibreOffice start for both workbooks.
      const pdfs = await convertWithOffice(
        await Promise.all(sheets.map(async (sheet) => ({ bytes: await renderXlsx(sheet), ext: 'xlsx' as const }))),
      );
      for (const [index, sheet] of sheets.entries()) {
        const printed = await pdfWords(pdfs[index]!);
        // Unit and school names four characters a line or more, not stacked a character a line.
        for (const d of input.dossiers)
          for (const text of rosterLongTexts(d))
            expect(crampedLines(printedCellLines(printed, text)), text).toEqual([]);
        expect(printed.pages[0]!.width).toBeGreaterThan(printed.pages[0]!.height);
        const id = findWord(printed, input.dossiers[0]!.applicant.idNumber);
        expect(effectiveSize(id)).toBeGreaterThanOrEqual(8.95);
        expect(widthShare(printed, sheet)).toBeGreaterThanOrEqual(0.9);
        // Print titles: every page starts with the header row.
        for (let p = 0; p < printed.pages.length; p++)
          expect(printed.words.some((w) => w.page === p && w.text.includes('身份证号'))).toBe(true);
      }
    },
    SLOW,
  );

  it(
    'prints from DOCX at 9 pt or more; three applicants and the 填报单位 line on one page',
    async () => {
      const three = rosterForm.build(roster(3), CTX);
      const [pdf] = await convertWithOffice([{ bytes: await renderDocx(three), ext: 'docx' }]);
      const printed = await pdfWords(pdf!);
      expect(printed.pages).toHaveLength(1);
      expect(printed.words.some((w) => w.text.includes('填报单位'))).toBe(true);
      for (const d of input.dossiers.slice(0, 3))
        for (const text of rosterLongTexts(d)) expect(crampedLines(printedCellLines(printed, text)), text).toEqual([]);
      expect(effectiveSize(findWord(printed, input.dossiers[0]!.applicant.idNumber))).toBeGreaterThanOrEqual(8.95);
      expect(widthShare(printed, three)).toBeGreaterThanOrEqual(0.9);
    },
    SLOW,
  );

  it('never splits a name part, 民族, 申报方式 or 性别 across lines in the PDF; one line per year of 继续教育', async () => {
    const { glyphs } = await renderPdfWithLayout(doc);
    for (const d of input.dossiers) {
      const words = [
        ...d.applicant.name.split('·'),
        d.applicant.ethnicity,
        d.application.route,
        d.applicant.gender,
        // 近三年考核 wraps after a year at most (2022年 | 基本合格).
        ...d.assessments.map((a) => a.result),
      ];
      for (const word of words) {
        const found = linesOf(glyphs, word);
        expect(found.length, word).toBeGreaterThan(0);
        for (const lines of found) expect(lines, word).toHaveLength(1);
      }
      for (const ce of d.continuingEducation) {
        const item = `${ce.year}年${ce.publicHours}/${ce.professionalHours}`;
        for (const lines of linesOf(glyphs, item)) expect(lines, item).toHaveLength(1);
      }
      for (const lines of linesOf(glyphs, d.applicant.idNumber)) expect(lines).toHaveLength(1);
      for (const text of rosterLongTexts(d)) {
        const perLine = new Map<string, string>();
        const at = glyphs.findIndex((_, i) => Array.from(text).every((c, k) => glyphs[i + k]?.char === c));
        expect(at, text).toBeGreaterThanOrEqual(0);
        Array.from(text).forEach((c, k) => {
          const key = `${glyphs[at + k]!.page}:${glyphs[at + k]!.y.toFixed(1)}`;
          perLine.set(key, (perLine.get(key) ?? '') + c);
        });
        expect(crampedLines([...perLine.values()]), text).toEqual([]);
      }
    }
  });

  it(
    'shares the width where it saves lines: 50 applicants on fewer pages than one per three, as PDF and as DOCX printed',
    async () => {
      const fifty = rosterForm.build(roster(50), CTX);
      const pdfPages = new Set((await renderPdfWithLayout(fifty)).glyphs.map((g) => g.page)).size;
      // The long dossier's 29-character unit name and the exemption reasons set the rows' heights.
      expect(pdfPages).toBeLessThan(50 / 3);
      // LibreOffice sets the DOCX rows a little taller (its own CJK breaking, cell margins): not the same count.
      const [pdf] = await convertWithOffice([{ bytes: await renderDocx(fifty), ext: 'docx' }]);
      const printed = await pdfWords(pdf!);
      expect(printed.pages.length).toBeLessThan(50 / 3);
    },
    SLOW,
  );

  it('gives the ID column what 18 digits need, not more', async () => {
    const { glyphs } = await renderPdfWithLayout(doc);
    const header = glyphs.filter((g) => g.char === '身' || g.char === '证');
    expect(header.length).toBeGreaterThan(0);
    const id = input.dossiers[0]!.applicant.idNumber;
    const digits = linesOf(glyphs, id);
    expect(digits[0]).toHaveLength(1);
    // Column edges: the ID's own width plus padding; the neighbouring 政治面貌 value starts right after.
    const at = glyphs.findIndex((_, i) => Array.from(id).every((c, k) => glyphs[i + k]?.char === c));
    const idWidth = glyphs[at + id.length - 1]!.x + glyphs[at + id.length - 1]!.width - glyphs[at]!.x;
    const political = glyphs[at + id.length]!;
    expect(political.x - glyphs[at]!.x).toBeLessThan(idWidth + 4 * MM);
  });
});

describe('print quality: 附件4 and 附件6 spreadsheets', () => {
  it(
    'print at 90 % or more, across the page, with room around 公章 and 年 月 日',
    async () => {
      const d = dossier('ayguli-junior');
      const ce = ceExemptionForm.build(d, CTX);
      const catalogue = materialsCatalogueForm.build(d, CTX);
      const [cePdf, cataloguePdf] = await convertWithOffice([
        { bytes: await renderXlsx(ce), ext: 'xlsx' },
        { bytes: await renderXlsx(catalogue), ext: 'xlsx' },
      ]);
      const printedCe = await pdfWords(cePdf!);
      // 小四 (12 pt) at 90 % or more.
      expect(effectiveSize(findWord(printedCe, d.applicant.idNumber)) / 12).toBeGreaterThanOrEqual(0.9);
      expect(widthShare(printedCe, ce)).toBeGreaterThanOrEqual(0.9);
      const seal = findWord(printedCe, '公章');
      const page = printedCe.pages[0]!;
      // Two characters and more between 公章 and the table's right edge (the printable area's).
      expect(page.width - ce.page.margins.outer * MM - seal.xMax).toBeGreaterThanOrEqual(2 * 12 * 0.9);
      const day = printedCe.words.filter((w) => w.text === '日').at(-1)!;
      expect(day.xMax).toBeLessThan(page.width - ce.page.margins.outer * MM - 12);

      const printedCat = await pdfWords(cataloguePdf!);
      const label = findWord(printedCat, '材料名称');
      expect((label.xMax - label.xMin) / 4 / 12).toBeGreaterThanOrEqual(0.9);
      expect(widthShare(printedCat, catalogue)).toBeGreaterThanOrEqual(0.9);
    },
    SLOW,
  );

  it('sets 拟申报专业技术职务 on two lines at most in the PDF', async () => {
    const { glyphs } = await renderPdfWithLayout(ceExemptionForm.build(dossier('ayguli-junior'), CTX));
    const lines = linesOf(glyphs, '拟申报专业技术职务');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.length).toBeLessThanOrEqual(2);
  });
});

describe('print quality: the tables of the 评审表', () => {
  for (const name of NAMES) {
    it(`${name}: no table leaves a single row alone on a page (PDF)`, async () => {
      const doc = reviewForm.build(dossier(name), { ...CTX, options: { copies: 1 } });
      const { glyphs } = await renderPdfWithLayout(doc);
      for (const { pages } of rowPages(doc, glyphs)) {
        const counts = new Map<number, number>();
        for (const p of pages) counts.set(p, (counts.get(p) ?? 0) + 1);
        // A table spread over several pages has at least two of its rows on each.
        if (counts.size > 1) for (const n of counts.values()) expect(n).toBeGreaterThanOrEqual(2);
      }
    });

    it(`${name}: DOCX tables have the PDF's shapes (columns, rows, spans)`, async () => {
      const doc = reviewForm.build(dossier(name), { ...CTX, options: { copies: 1 } });
      const xml = zipPart(await renderDocx(doc), 'word/document.xml');
      const tables = doc.blocks.filter((b): b is TableBlock => b.type === 'table');
      const docxTables = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((m) => m[1]!);
      expect(docxTables).toHaveLength(tables.length);
      tables.forEach((t, i) => {
        const x = docxTables[i]!;
        expect((x.match(/<w:gridCol /g) ?? []).length).toBe(t.columns.length);
        const rows = x.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? [];
        expect(rows).toHaveLength(t.rows.length);
        rows.forEach((row, r) => {
          // Cells the row itself starts (vMerge continuations are the spans from above).
          const own = (row.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).filter(
            (c) => !c.includes('w:vMerge w:val="continue"'),
          );
          expect(own.length).toBe(t.rows[r]!.cells.length);
          const spans = own.map((c) => Number(/<w:gridSpan w:val="(\d+)"/.exec(c)?.[1] ?? 1));
          expect(spans).toEqual(t.rows[r]!.cells.map((c) => c.colSpan ?? 1));
        });
        // Rows that fit on a page never split; header rows repeat.
        for (const row of rows) expect(row).toContain('<w:cantSplit/>');
        for (let r = 0; r < (t.headerRows ?? 0); r++) expect(rows[r]).toContain('<w:tblHeader/>');
      });
    });
  }

  it(
    'keeps the 继续教育 table on one page in the DOCX as printed',
    async () => {
      const names = ['zhang-yue-intermediate', 'long-dossier'];
      const dossiers = names.map((name) => dossier(name));
      // One LibreOffice start for both documents.
      const pdfs = await convertWithOffice(
        await Promise.all(
          dossiers.map(async (d) => ({
            bytes: await renderDocx(reviewForm.build(d, { ...CTX, options: { copies: 1 } })),
            ext: 'docx' as const,
          })),
        ),
      );
      for (const [index, name] of names.entries()) {
        const d = dossiers[index]!;
        const printed = await pdfWords(pdfs[index]!);
        const header = findWord(printed, '公需科目（学时）');
        const afterHeader = printed.words.filter(
          (w) => w.page > header.page || (w.page === header.page && w.yMin > header.yMin),
        );
        for (const ce of d.continuingEducation) {
          // LibreOffice may set a space between 2020 and 年.
          const row = afterHeader.find((w) => w.text === `${ce.year}年` || w.text === String(ce.year));
          expect(row?.page, `${name} ${ce.year}`).toBe(header.page);
        }
      }
    },
    SLOW,
  );
});
