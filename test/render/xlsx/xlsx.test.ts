import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Document, TableBlock, TableRow } from '../../../src/document/model.js';
import { renderXlsx } from '../../../src/render/xlsx/index.js';
import { widthUnitsToMm } from '../../../src/render/xlsx/columns.js';
import { PT_PER_MM } from '../../../src/render/xlsx/context.js';
import { displayWidth } from '../../../src/render/xlsx/measure.js';
import { sheetName } from '../../../src/render/xlsx/sheet-name.js';

const CREATED = new Date('2024-09-04T08:30:00Z');
const text = (t: string) => ({ paragraphs: [{ runs: [{ text: t }] }] });
const label = (t: string) => ({ label: true, ...text(t) });
const LONG_NAME = '阿依古丽·买买提';

function roster(rows: number): TableBlock {
  const body: TableRow[] = Array.from({ length: rows }, (_, i) => ({
    cells: [
      { value: i + 1, ...text(String(i + 1)) },
      text(i === 0 ? LONG_NAME : `张悦${i}`),
      text(i % 2 === 0 ? '652801198503120020' : '65280119900101001X'),
      { value: new Date(Date.UTC(1985, 2, 1)), numFmt: 'yyyy-mm', ...text('1985年3月') },
      text('巴音郭楞蒙古自治州档案馆'),
    ],
  }));
  return {
    type: 'table',
    columns: [1, 1, 3, 2, 6],
    headerRows: 2,
    style: { font: 'song', size: 11 },
    rows: [
      { cells: [label('序号'), label('姓名'), label('身份证号'), label('出生年月'), label('工作单位')] },
      { cells: [{ colSpan: 5, ...label('（按单位排序）') }] },
      ...body,
    ],
  };
}

function rosterDoc(rows: number): Document {
  return {
    meta: { title: '档案系列职称申报人员花名册：2024/巴州', subject: '花名册', createdAt: CREATED },
    page: { size: 'A4', orientation: 'landscape', margins: { top: 20, bottom: 20, inner: 20, outer: 15 } },
    base: { font: 'song', size: 12, lineHeight: 20 },
    pageNumbers: 'of-total',
    blocks: [
      { type: 'heading', level: 0, runs: [{ text: '档案系列职称申报人员花名册' }] },
      { type: 'paragraph', runs: [{ text: '推荐单位（盖章）：巴州档案局' }] },
      roster(rows),
      {
        type: 'table',
        columns: [1, 1],
        rows: [{ cells: [{ rowSpan: 2, ...label('备注') }, text('无')] }, { cells: [text('无')] }],
      },
      { type: 'signature', lines: [{ text: '填表人：', blank: 8 }, { text: '2024年9月20日' }] },
    ],
  };
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('no worksheet');
  return ws;
}

describe('renderXlsx', () => {
  it('keeps 18-digit ID numbers, with or without X, as the exact strings in text cells', async () => {
    const ws = await load(await renderXlsx(rosterDoc(3)));
    // Title row 1, unit row 2, header rows 3–4, data from row 5; ID numbers in column C.
    const first = ws.getCell('C5');
    const second = ws.getCell('C6');
    expect(first.value).toBe('652801198503120020');
    expect(first.type).toBe(ExcelJS.ValueType.String);
    expect(first.numFmt).toBe('@');
    expect(second.value).toBe('65280119900101001X');
    expect(second.type).toBe(ExcelJS.ValueType.String);
  });

  it('writes typed values as numbers and dates with their formats', async () => {
    const ws = await load(await renderXlsx(rosterDoc(3)));
    expect(ws.getCell('A6').value).toBe(2);
    expect(ws.getCell('A6').type).toBe(ExcelJS.ValueType.Number);
    const date = ws.getCell('D5');
    expect(date.value).toBeInstanceOf(Date);
    expect((date.value as Date).toISOString()).toBe('1985-03-01T00:00:00.000Z');
    expect(date.numFmt).toBe('yyyy-mm');
  });

  it('merges headings across the sheet and table spans, and shades bold label cells', async () => {
    const ws = await load(await renderXlsx(rosterDoc(3)));
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    // The roster's 5 columns and the second table's two halves share one grid of 6 sheet columns
    // (the half-way edge falls inside the roster's 4th column, which spans D:E).
    expect(ws.columnCount).toBe(6);
    expect(merges).toEqual(expect.arrayContaining(['A1:F1', 'A2:F2', 'A4:F4', 'D3:E3']));
    // The second table: its left half merged down two rows, at the rows after the roster (5 + 3 = 8).
    expect(merges).toContain('A8:D9');
    expect(merges).toContain('E8:F8');
    expect(ws.getCell('A1').value).toBe('档案系列职称申报人员花名册');
    const header = ws.getCell('C3');
    expect(header.value).toBe('身份证号');
    expect(header.font.bold).toBe(true);
    expect(header.font.name).toBe('宋体');
    expect(header.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } });
    expect(header.border.top?.style).toBe('thin');
    expect(ws.getCell('C5').alignment.wrapText).toBe(true);
    expect(ws.getCell('C5').fill).not.toMatchObject({ pattern: 'solid' });
  });

  it('freezes the first table header rows and repeats them when printing A4 landscape, fit to width', async () => {
    const ws = await load(await renderXlsx(rosterDoc(3)));
    expect(ws.views[0]?.state).toBe('frozen');
    expect((ws.views[0] as { ySplit?: number }).ySplit).toBe(4);
    const ps = ws.pageSetup;
    expect(ps.paperSize).toBe(9);
    expect(ps.orientation).toBe('landscape');
    expect(ps.fitToPage).toBe(true);
    expect(ps.fitToWidth).toBe(1);
    expect(ps.fitToHeight).toBe(0);
    expect(ps.horizontalCentered).toBe(true);
    expect(ps.printTitlesRow).toBe('3:4');
    expect(ps.margins?.left).toBeCloseTo(20 / 25.4, 2);
    expect(ws.headerFooter.oddFooter).toContain('&P');
    expect(ws.headerFooter.oddFooter).toContain('&N');
  });

  it('makes a CJK column at least as wide as its text (CJK counts two) and heights fit wrapped text', async () => {
    const ws = await load(await renderXlsx(rosterDoc(3)));
    // A name may break after its dot, never inside a part: "阿依古丽·" fits on a line (11 pt, 1.6 mm padding).
    const mmOf = (text: string) => (displayWidth(text) * 11) / 2 / PT_PER_MM + 1.6;
    expect(widthUnitsToMm(ws.getColumn(2).width ?? 0)).toBeGreaterThanOrEqual(mmOf(`${LONG_NAME.split('·')[0]!}·`));
    // The ID column fits 18 digits.
    expect(widthUnitsToMm(ws.getColumn(3).width ?? 0)).toBeGreaterThanOrEqual(mmOf('652801198503120020'));
    // The date column (typed values) is not widened past its share: 2 of 13 of 257 mm.
    expect(ws.getColumn(4).width ?? 0).toBeLessThan(25);
    for (let r = 1; r <= 10; r++) expect(ws.getRow(r).height ?? 0).toBeGreaterThan(0);
  });

  it('writes the signature labels as rows and leaves the spaces empty', async () => {
    const ws = await load(await renderXlsx(rosterDoc(3)));
    expect(ws.getCell('A10').value).toBe('填表人：');
    expect(ws.getCell('A10').alignment.horizontal).toBe('right');
    expect(ws.getCell('A11').value).toBe('2024年9月20日');
  });

  it('sets the sheet name and the document properties', async () => {
    const bytes = await renderXlsx(rosterDoc(1));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets[0]?.name).toBe('档案系列职称申报人员花名册：2024 巴州');
    expect(wb.creator).toBe('zhicheng-docs');
    expect(wb.title).toBe('档案系列职称申报人员花名册：2024/巴州');
    expect(wb.created?.toISOString()).toBe(CREATED.toISOString());
  });

  it('dates the package with meta.createdAt, so the same model gives the same bytes', async () => {
    const a = await renderXlsx(rosterDoc(2));
    const b = await renderXlsx(rosterDoc(2));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const view = new DataView(a.buffer, a.byteOffset, a.byteLength);
    // The first local header's DOS date: 2024-09-04.
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    expect(view.getUint16(12, true)).toBe((44 << 9) | (9 << 5) | 4);
  });

  it('renders a 500-row roster', async () => {
    const started = performance.now();
    const bytes = await renderXlsx(rosterDoc(500));
    const ms = performance.now() - started;
    console.log(`renderXlsx: 500-row roster in ${ms.toFixed(0)} ms, ${bytes.length} bytes`);
    const ws = await load(bytes);
    expect(ws.getCell('C504').value).toBe('65280119900101001X');
    expect(ws.getCell('B504').value).toBe('张悦499');
  });
});

describe('sheetName', () => {
  it('drops the characters Excel forbids and keeps at most 31 code points', () => {
    expect(sheetName('a[b]c:d*e?f/g\\h')).toBe('a b c d e f g h');
    expect(Array.from(sheetName('𠀋'.repeat(40)))).toHaveLength(31);
    expect(sheetName("'报表'")).toBe('报表');
    expect(sheetName('')).toBe('Sheet1');
  });
});
