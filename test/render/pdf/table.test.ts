/**
 * Tables across pages: header rows repeat, a row taller than a page splits
 * between its lines with nothing lost, row-spanned bands stay on one page.
 */
import { describe, expect, it } from 'vitest';
import type { TableRow } from '../../../src/document/model.js';
import { renderPdfWithLayout, type PlacedGlyph } from '../../../src/render/pdf/index.js';
import { compact, inkInBox, pdfInfo, pdfText, rasterise } from '../../helpers/pdf-tools.js';
import { tableDocument, textCell } from './sample-docs.js';

const MM = 72 / 25.4;

/** The page each occurrence of `text` (consecutive glyphs) starts on. */
function pagesOf(glyphs: readonly PlacedGlyph[], text: string): number[] {
  const chars = Array.from(text);
  const out: number[] = [];
  for (let i = 0; i + chars.length <= glyphs.length; i++) {
    if (chars.every((c, k) => glyphs[i + k]!.char === c)) out.push(glyphs[i]!.page);
  }
  return out;
}

describe('tables across pages', () => {
  it('splits a 60-row table over pages with the header row on each', async () => {
    const rows: TableRow[] = Array.from({ length: 60 }, (_, i) => ({
      cells: [
        textCell(String(i + 1)),
        textCell(`申报人${i + 1}号`),
        textCell(`巴音郭楞蒙古自治州档案局第${i + 1}科室`),
      ],
    }));
    const { bytes, glyphs } = await renderPdfWithLayout(tableDocument(rows));
    const { pages } = await pdfInfo(bytes);
    expect(pages).toBeGreaterThan(1);
    for (let p = 1; p <= pages; p++) {
      const text = compact(await pdfText(bytes, { first: p, last: p }));
      expect(text.split('序号姓名工作单位').length - 1, `page ${p}`).toBe(1);
    }
    const all = compact(await pdfText(bytes, { raw: true }));
    for (let i = 1; i <= 60; i++) expect(all).toContain(`申报人${i}号`);
    // Rows continue in order: row 60 is on the last page, row 1 on the first.
    expect(pagesOf(glyphs, '申报人1号')[0]).toBe(0);
    expect(pagesOf(glyphs, '申报人60号')[0]).toBe(pages - 1);
  }, 30_000);

  it('splits a cell of 3,000 characters over pages, losing nothing, every glyph inked', async () => {
    const alphabet = Array.from('档案职称评审申报材料推荐公示期继续教育考核合格等次人员情况专业技术资格');
    const long = Array.from({ length: 3000 }, (_, i) => alphabet[(i * 7 + (i >> 3)) % alphabet.length]).join('');
    const rows: TableRow[] = [
      { cells: [textCell('1'), textCell('甲'), textCell('短')] },
      { cells: [textCell('2'), textCell('乙'), textCell(long)] },
      { cells: [textCell('3'), textCell('丙'), textCell('末行')] },
    ];
    const { bytes, glyphs } = await renderPdfWithLayout(tableDocument(rows));
    const { pages } = await pdfInfo(bytes);
    expect(pages).toBeGreaterThanOrEqual(3);
    const inAlphabet = new Set(alphabet);
    const raw = Array.from(await pdfText(bytes, { raw: true }))
      .filter((c) => inAlphabet.has(c))
      .join('');
    expect(raw).toBe(long);
    expect(glyphs.filter((g) => inAlphabet.has(g.char))).toHaveLength(3000);
    // The header repeats on the pages the row continues on.
    expect(pagesOf(glyphs, '序号')).toEqual(Array.from({ length: pages }, (_, i) => i));
    // Every glyph is inside the page's type area and has ink.
    const raster = await rasterise(bytes, { dpi: 72 });
    const blank = glyphs.filter((g) => !/\s/.test(g.char) && inkInBox(raster[g.page]!, g) === 0);
    expect(blank).toEqual([]);
    for (const g of glyphs.filter((x) => inAlphabet.has(x.char))) {
      expect(g.y).toBeGreaterThan(35 * MM - 1);
      expect(g.y + g.height).toBeLessThan(297 * MM - 37 * MM + 1);
    }
  }, 60_000);

  it('moves a row that fits on a page whole; a row marked cantSplit: false breaks at the foot of the page', async () => {
    const build = (cantSplit?: boolean): TableRow[] => {
      const rows: TableRow[] = Array.from({ length: 22 }, (_, i) => ({
        cells: [textCell(String(i)), textCell(`短行${i}`), textCell('内容')],
      }));
      const long = `起${'档案职称评审申报材料推荐公示'.repeat(21)}止`;
      rows.push({
        cells: [textCell('26'), textCell('长行'), textCell(long)],
        ...(cantSplit === false ? { cantSplit } : {}),
      });
      for (let i = 0; i < 30; i++)
        rows.push({ cells: [textCell(String(27 + i)), textCell(`后行${i}号`), textCell('内容')] });
      return rows;
    };
    const whole = (await renderPdfWithLayout(tableDocument(build()))).glyphs;
    expect(pagesOf(whole, '起档案')).toEqual([1]);
    expect(pagesOf(whole, '示止')).toEqual([1]);
    expect(pagesOf(whole, '长行')).toEqual([1]);
    const split = (await renderPdfWithLayout(tableDocument(build(false)))).glyphs;
    expect(pagesOf(split, '起档案')).toEqual([0]);
    expect(pagesOf(split, '示止')).toEqual([1]);
    // A one-line row never splits: each short row's text is on one page.
    for (let i = 0; i < 30; i++) expect(pagesOf(split, `后行${i}号`)).toHaveLength(1);
  });

  it('keeps row-spanned bands on one page and col spans across their columns', async () => {
    const rows: TableRow[] = [];
    for (let i = 0; i < 20; i++) {
      rows.push({ cells: [textCell(`组${i}`, { rowSpan: 3 }), textCell(`第${i}组甲`), textCell(`说明${i}甲`)] });
      rows.push({ cells: [textCell(`第${i}组乙`), textCell(`说明${i}乙`)] });
      rows.push({ cells: [textCell(`第${i}组丙与说明合并`, { colSpan: 2 })] });
    }
    const { bytes, glyphs } = await renderPdfWithLayout(tableDocument(rows));
    expect((await pdfInfo(bytes)).pages).toBeGreaterThan(1);
    for (let i = 0; i < 20; i++) {
      const page = pagesOf(glyphs, `组${i}`)[0];
      expect(pagesOf(glyphs, `第${i}组甲`)).toEqual([page]);
      expect(pagesOf(glyphs, `第${i}组丙与说明合并`)).toEqual([page]);
    }
    // The col-spanned text starts in column 2 and may run past column 3's left edge.
    const typeW = 156 * MM;
    const spanStart = glyphs[glyphs.findIndex((g) => g.char === '第' && glyphs[glyphs.indexOf(g) + 3]?.char === '丙')]!;
    expect(spanStart.x).toBeLessThan(28 * MM + typeW / 2);
  }, 30_000);

  it('honours a row minimum height (room for handwriting)', async () => {
    const rows: TableRow[] = [
      { cells: [textCell('1'), textCell('签字'), textCell('')], minHeight: 60 },
      { cells: [textCell('2'), textCell('下一行'), textCell('内容')] },
    ];
    const { glyphs } = await renderPdfWithLayout(tableDocument(rows));
    const a = glyphs.find((g) => g.char === '签')!;
    const b = glyphs.find((g) => g.char === '下')!;
    expect(a.y - b.y).toBeGreaterThan((60 * MM) / 2);
    expect(a.y - b.y).toBeLessThan(60 * MM + 20);
  });
});

describe('tables that cannot fit', () => {
  it('a header taller than the page still lets a long row through (no endless page loop)', async () => {
    const tallHeader: TableRow = { cells: [textCell('号'), textCell('名'), textCell('单位')], minHeight: 220 };
    const long = '档案'.repeat(200);
    const doc = tableDocument([{ cells: [textCell('1'), textCell('甲'), textCell(long)] }]);
    const table = doc.blocks[0]!;
    if (table.type !== 'table') throw new Error('table expected');
    const { glyphs } = await renderPdfWithLayout({
      ...doc,
      blocks: [{ ...table, rows: [tallHeader, ...table.rows.slice(1)] }],
    });
    expect(glyphs.filter((g) => g.char === '档')).toHaveLength(200);
  }, 30_000);
});
