/**
 * Document model → XLSX with exceljs: one worksheet; headings, paragraphs and
 * signature lines as rows merged across the sheet; tables as cell grids.
 *
 * Every text cell is a string cell formatted "@" (Excel keeps only 15 digits of
 * a number, so an 18-digit ID number must never become one); typed `value`s
 * (counts, dates) stay numbers and dates. Column widths come from the model's
 * relative widths scaled to the page, widened to fit the text (CJK counts two),
 * and the sheet prints A4, fit to one page wide, with the first table's header
 * rows repeated on every page. Zip entries and properties carry
 * `meta.createdAt`, so the same model gives the same bytes.
 */
import ExcelJS from 'exceljs';
import type { Block, BlockType, Document, FontRole, Paragraph, TableBlock, TableCell } from '../../document/model.js';
import { HEADING_STYLES } from '../../document/model.js';
import { placeCells, gridWidth, type PlacedCell } from './grid.js';
import { columnWidthFor, lineCount, longestAsciiToken, rowHeight, widestLine } from './measure.js';
import { sheetName } from './sheet-name.js';
import { xlsxFont } from './fonts.js';
import { qrPng } from '../docx/images.js';
import { stampZip } from '../docx/zip-stamp.js';

/** Light grey of label cells, as in the PDF and DOCX. */
const LABEL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, bottom: THIN, left: THIN, right: THIN };

/** Millimetres per Excel column-width unit (one "0" of 11 pt ≈ 7 px at 96 dpi). */
const MM_PER_WIDTH_UNIT = 1.9;
/**
 * A column grows to fit its widest text up to 16 display columns (8 CJK
 * characters: most names), and always fits a run of ASCII up to 20 (an ID or
 * phone number must not wrap); longer text wraps at the column's share of the
 * page. A roster has ~20 columns, and fit-to-width shrinks the print as the
 * sheet grows.
 */
const TEXT_CAP_DISPLAY = 16;
const TOKEN_CAP_DISPLAY = 20;
const PT_PER_MM = 72 / 25.4;
const PX_PER_MM = 96 / 25.4;

type Horizontal = 'left' | 'center' | 'right' | 'justify';
const H_ALIGN: Readonly<Record<NonNullable<Paragraph['align']>, Horizontal>> = {
  left: 'left',
  center: 'center',
  right: 'right',
  // Excel's "justify" spreads every line, the last one too; left reads better.
  justify: 'left',
};

interface SheetContext {
  readonly doc: Document;
  readonly wb: ExcelJS.Workbook;
  readonly ws: ExcelJS.Worksheet;
  readonly columns: number;
  readonly widths: readonly number[];
  /** Next free row, 1-based. */
  row: number;
  /** Header rows of the first table, once placed. */
  titleRows?: { readonly from: number; readonly to: number };
}

type Handler<K extends BlockType> = (block: Extract<Block, { type: K }>, ctx: SheetContext) => void | Promise<void>;

function paragraphText(p: Paragraph): string {
  return p.runs.map((r) => r.text).join('');
}

function cellText(cell: TableCell): string {
  return cell.paragraphs.map(paragraphText).join('\n');
}

function sumWidths(ctx: SheetContext, from: number, count: number): number {
  return ctx.widths.slice(from, from + count).reduce((a, b) => a + b, 0);
}

/** A row of text merged across all columns. */
function textRow(
  ctx: SheetContext,
  text: string,
  style: { font: FontRole; size: number; bold: boolean; underline?: boolean },
  align: Horizontal,
  indentChars = 0,
): void {
  const r = ctx.row++;
  const shown = '\u3000'.repeat(Math.max(0, Math.round(indentChars))) + text;
  if (ctx.columns > 1) ctx.ws.mergeCells(r, 1, r, ctx.columns);
  const c = ctx.ws.getCell(r, 1);
  if (shown !== '') {
    c.value = shown;
    c.numFmt = '@';
  }
  c.font = xlsxFont(style.font, style.size, style.bold, style.underline);
  c.alignment = { horizontal: align, vertical: 'middle', wrapText: true };
  ctx.ws.getRow(r).height = rowHeight(lineCount(shown, style.size, sumWidths(ctx, 0, ctx.columns)), style.size);
}

function paragraphRow(ctx: SheetContext, p: Paragraph, def: { font: FontRole; size: number; bold: boolean }, align: Horizontal): void {
  const first = p.runs[0]?.style;
  const style = {
    font: first?.font ?? def.font,
    size: first?.size ?? def.size,
    bold: p.runs.length > 0 && p.runs.every((r) => r.style?.bold ?? def.bold),
  };
  textRow(ctx, paragraphText(p), style, p.align ? H_ALIGN[p.align] : align, p.firstLineIndent ?? 0);
}

function spaceRow(ctx: SheetContext, heightMm: number): number {
  const r = ctx.row++;
  ctx.ws.getRow(r).height = Math.min(409, Math.max(1, heightMm * PT_PER_MM));
  return r;
}

function writeTable(t: TableBlock, ctx: SheetContext): void {
  if (t.caption) paragraphRow(ctx, t.caption, baseStyle(ctx.doc), 'center');
  const font = t.style?.font ?? ctx.doc.base.font;
  const size = t.style?.size ?? ctx.doc.base.size;
  const top = ctx.row;
  const placed = placeCells(t);
  const heights = t.rows.map((row) => (row.minHeight ? row.minHeight * PT_PER_MM : 0));
  for (const p of placed) {
    const r = top + p.row;
    const c = p.col + 1;
    if (c > ctx.columns) continue;
    const right = Math.min(ctx.columns, c + p.colSpan - 1);
    const bottom = r + p.rowSpan - 1;
    if (right > c || bottom > r) ctx.ws.mergeCells(r, c, bottom, right);
    const label = Boolean(p.cell.label);
    const text = cellText(p.cell);
    const align = p.cell.paragraphs[0]?.align ?? t.align ?? (label ? 'center' : 'left');
    const bold = label || (p.cell.paragraphs.length > 0 && p.cell.paragraphs.every((q) => q.runs.every((run) => run.style?.bold ?? t.style?.bold)));
    const master = ctx.ws.getCell(r, c);
    writeValue(master, p.cell, text);
    // Excel draws a merged range's border and fill from each of its cells.
    for (let rr = r; rr <= bottom; rr++) {
      for (let cc = c; cc <= right; cc++) {
        const cell = ctx.ws.getCell(rr, cc);
        cell.border = BORDER;
        cell.font = xlsxFont(font, size, bold);
        cell.alignment = { horizontal: H_ALIGN[align], vertical: p.cell.vAlign ?? 'middle', wrapText: true };
        if (label) cell.fill = LABEL_FILL;
      }
    }
    if (p.rowSpan === 1 && text !== '') {
      const need = rowHeight(lineCount(text, size, sumWidths(ctx, c - 1, right - c + 1)), size);
      heights[p.row] = Math.max(heights[p.row] ?? 0, need);
    }
  }
  heights.forEach((h, i) => {
    ctx.ws.getRow(top + i).height = Math.min(409, Math.max(h, rowHeight(1, size)));
  });
  const headerRows = Math.min(t.headerRows ?? 0, t.rows.length);
  if (!ctx.titleRows && headerRows > 0) ctx.titleRows = { from: top, to: top + headerRows - 1 };
  ctx.row = top + t.rows.length;
}

function writeValue(cell: ExcelJS.Cell, model: TableCell, text: string): void {
  if (model.value instanceof Date) {
    cell.value = model.value;
    cell.numFmt = model.numFmt ?? 'yyyy-mm-dd';
  } else if (typeof model.value === 'number') {
    cell.value = model.value;
    if (model.numFmt) cell.numFmt = model.numFmt;
  } else if (text !== '') {
    cell.value = text;
    cell.numFmt = '@';
  }
}

async function imageRows(ctx: SheetContext, png: Uint8Array, ext: 'png' | 'jpeg', widthMm: number, heightMm: number): Promise<void> {
  const r = spaceRow(ctx, heightMm + 2);
  const id = ctx.wb.addImage({ buffer: Buffer.from(png) as unknown as ExcelJS.Buffer, extension: ext });
  ctx.ws.addImage(id, { tl: { col: 0, row: r - 1 }, ext: { width: widthMm * PX_PER_MM, height: heightMm * PX_PER_MM }, editAs: 'oneCell' });
}

function baseStyle(doc: Document): { font: FontRole; size: number; bold: boolean } {
  return { font: doc.base.font, size: doc.base.size, bold: false };
}

const BLOCKS: { readonly [K in BlockType]: Handler<K> } = {
  heading: (b, ctx) => {
    const def = HEADING_STYLES[b.level];
    paragraphRow(ctx, b, { font: def.font, size: def.size, bold: def.bold }, b.level === 0 ? 'center' : 'left');
  },
  paragraph: (b, ctx) => paragraphRow(ctx, b, baseStyle(ctx.doc), 'left'),
  table: (b, ctx) => writeTable(b, ctx),
  signature: (b, ctx) => {
    if (b.sealSpace) spaceRow(ctx, b.sealSpace);
    const align = b.align ?? 'right';
    // Labels only: the spaces after them are for handwriting and stay empty.
    for (const line of b.lines) textRow(ctx, line.text, baseStyle(ctx.doc), align);
  },
  image: (b, ctx) => imageRows(ctx, b.data, b.format, b.width, b.height),
  qr: async (b, ctx) => {
    await imageRows(ctx, await qrPng(b.text, b.size), 'png', b.size, b.size);
    if (b.caption) textRow(ctx, b.caption, { ...baseStyle(ctx.doc), size: Math.min(ctx.doc.base.size, 10.5) }, 'left');
  },
  spacer: (b, ctx) => {
    spaceRow(ctx, b.height);
  },
  pageBreak: (_b, ctx) => {
    if (ctx.row > 1) ctx.ws.getRow(ctx.row - 1).addPageBreak();
  },
};

/** Column widths: the widest table's relative widths scaled to the page, widened to fit text up to a cap. */
function columnWidths(doc: Document, tables: readonly { t: TableBlock; placed: PlacedCell[] }[]): number[] {
  const columns = Math.max(1, ...tables.map(({ t, placed }) => gridWidth(t, placed)));
  const pageMm = (doc.page.orientation === 'landscape' ? 297 : 210) - doc.page.margins.inner - doc.page.margins.outer;
  const primary = tables.find(({ t }) => t.columns.length === columns)?.t.columns ?? Array.from({ length: columns }, () => 1);
  const sum = primary.reduce((a, b) => a + b, 0) || 1;
  const widths = Array.from({ length: columns }, (_, i) => ((primary[i] ?? 0) / sum) * (pageMm / MM_PER_WIDTH_UNIT));
  for (const { t, placed } of tables) {
    const size = t.style?.size ?? doc.base.size;
    for (const p of placed) {
      if (p.colSpan !== 1 || p.col >= columns) continue;
      const text = cellText(p.cell);
      const display = Math.max(Math.min(widestLine(text), TEXT_CAP_DISPLAY), Math.min(longestAsciiToken(text), TOKEN_CAP_DISPLAY));
      widths[p.col] = Math.max(widths[p.col]!, columnWidthFor(display, size));
    }
  }
  return widths.map((w) => Math.round(Math.max(w, 2) * 100) / 100);
}

export async function renderXlsx(doc: Document): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'zhicheng-docs';
  wb.lastModifiedBy = doc.meta.author ?? 'zhicheng-docs';
  wb.title = doc.meta.title;
  if (doc.meta.subject) wb.subject = doc.meta.subject;
  if (doc.meta.keywords) wb.keywords = doc.meta.keywords.join('; ');
  wb.created = doc.meta.createdAt;
  wb.modified = doc.meta.createdAt;

  const tables = doc.blocks
    .filter((b): b is TableBlock => b.type === 'table')
    .map((t) => ({ t, placed: placeCells(t) }));
  const widths = columnWidths(doc, tables);
  const m = doc.page.margins;
  const inch = (mm: number) => Math.round((mm / 25.4) * 100) / 100;
  const ws = wb.addWorksheet(sheetName(doc.meta.title), {
    pageSetup: {
      paperSize: 9,
      orientation: doc.page.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: inch(m.inner), right: inch(m.outer), top: inch(m.top), bottom: inch(m.bottom), header: 0.3, footer: 0.3 },
    },
    headerFooter: doc.pageNumbers === 'none' ? {} : { oddFooter: '&C&P / &N' },
    properties: { defaultRowHeight: rowHeight(1, doc.base.size) },
  });
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  const ctx: SheetContext = { doc, wb, ws, columns: widths.length, widths, row: 1 };
  for (const block of doc.blocks) {
    await (BLOCKS[block.type] as Handler<BlockType>)(block as never, ctx);
  }
  if (ctx.titleRows) {
    ws.views = [{ state: 'frozen', xSplit: 0, ySplit: ctx.titleRows.to, topLeftCell: `A${ctx.titleRows.to + 1}`, activeCell: `A${ctx.titleRows.to + 1}` }];
    ws.pageSetup.printTitlesRow = `${ctx.titleRows.from}:${ctx.titleRows.to}`;
  }
  const buffer = await wb.xlsx.writeBuffer();
  // exceljs zips with the wall-clock time; the model's time makes the same model give the same bytes.
  return stampZip(new Uint8Array(buffer as ArrayBuffer), doc.meta.createdAt);
}
