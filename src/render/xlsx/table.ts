/**
 * Tables as cell grids: spans merged, thin borders and wrapped text on every
 * cell of a merged range (Excel draws them per cell), label cells shaded and
 * bold, text as string cells ("@"), typed values as numbers and dates.
 */
import type ExcelJS from 'exceljs';
import type { TableBlock, TableCell } from '../../document/model.js';
import { H_ALIGN, PT_PER_MM, baseStyle, paragraphText, sumWidths, type SheetContext } from './context.js';
import { xlsxFont } from './fonts.js';
import { placeCells, type PlacedCell } from './grid.js';
import { lineCount, linesHeight, rowHeight } from './measure.js';
import { paragraphRow } from './rows.js';

/** Light grey of label cells, as in the PDF and DOCX. */
const LABEL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, bottom: THIN, left: THIN, right: THIN };

/** Excel's tallest row, in pt. */
const MAX_ROW_PT = 409;

export function writeTable(t: TableBlock, ctx: SheetContext): void {
  if (t.caption) paragraphRow(ctx, t.caption, baseStyle(ctx.doc), 'center');
  const font = t.style?.font ?? ctx.doc.base.font;
  const size = t.style?.size ?? ctx.doc.base.size;
  const top = ctx.row;
  const placed = placeCells(ctx.content.get(t) ?? t);
  const edges = ctx.edges.get(t) ?? Array.from({ length: ctx.columns + 1 }, (_, i) => i);
  const columnsOf = (p: PlacedCell) => {
    const c = edges[p.col]! + 1;
    return { c, right: Math.max(c, edges[Math.min(p.col + p.colSpan, edges.length - 1)]!) };
  };

  // Heights first: a row taller than Excel allows becomes several sheet rows with its cells merged
  // down over them, so long text is shown whole instead of cut at 409 pt.
  const need = t.rows.map((row) => (row.minHeight ? row.minHeight * PT_PER_MM : 0));
  for (const p of placed) {
    const text = sheetCellText(p.cell);
    if (p.rowSpan !== 1 || text === '') continue;
    const { c, right } = columnsOf(p);
    need[p.row] = Math.max(need[p.row]!, estimatedHeight(text, size, sumWidths(ctx, c - 1, right - c + 1)));
  }
  const split = need.map((h) => Math.max(1, Math.ceil(h / MAX_ROW_PT)));
  const firstRow: number[] = [];
  let next = top;
  for (const count of split) {
    firstRow.push(next);
    next += count;
  }
  const lastRow = (i: number) => firstRow[i]! + split[i]! - 1;

  for (const p of placed) {
    const { c, right } = columnsOf(p);
    if (c > ctx.columns) continue;
    const r = firstRow[p.row]!;
    const bottom = lastRow(p.row + p.rowSpan - 1);
    if (right > c || bottom > r) ctx.ws.mergeCells(r, c, bottom, right);
    const label = Boolean(p.cell.label);
    const text = sheetCellText(p.cell);
    const align = p.cell.paragraphs[0]?.align ?? t.align ?? (label ? 'center' : 'left');
    const bold =
      label ||
      (p.cell.paragraphs.length > 0 &&
        p.cell.paragraphs.every((q) => q.runs.every((run) => run.style?.bold ?? t.style?.bold)));
    writeValue(ctx.ws.getCell(r, c), p.cell, text);
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
  }
  need.forEach((h, i) => {
    const each = Math.max(h / split[i]!, rowHeight(1, size));
    for (let r = firstRow[i]!; r <= lastRow(i); r++)
      ctx.ws.getRow(r).height = Math.min(MAX_ROW_PT, Math.round(each * 4) / 4);
  });
  const headerRows = Math.min(t.headerRows ?? 0, t.rows.length);
  if (!ctx.titleRows && headerRows > 0) ctx.titleRows = { from: top, to: lastRow(headerRows - 1) };
  ctx.row = t.rows.length > 0 ? lastRow(t.rows.length - 1) + 1 : top;
}

/**
 * The cell's text as the sheet shows it: a paragraph's right or left indent as
 * ideographic spaces (Excel has one indent per cell, not per line), and a
 * blank line under text set at the bottom of a tall cell, so "公章" and
 * "年　月　日" keep clear of the borders as on paper.
 */
function sheetCellText(cell: TableCell): string {
  const lines = cell.paragraphs.map((p) => {
    const text = paragraphText(p);
    if (text === '') return text;
    const right = p.align === 'right' ? Math.round(p.indentRight ?? 0) : 0;
    const left = p.align === 'right' ? 0 : Math.round(p.indentLeft ?? 0);
    return '\u3000'.repeat(left) + text + '\u3000'.repeat(right);
  });
  const text = lines.join('\n');
  return cell.vAlign === 'bottom' && text !== '' ? `${text}\n` : text;
}

/** Height in pt that `text` needs in a box `widthUnits` wide, uncapped. */
function estimatedHeight(text: string, size: number, widthUnits: number): number {
  return linesHeight(lineCount(text, size, widthUnits), size);
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
