/**
 * Tables as cell grids: spans merged, thin borders and wrapped text on every
 * cell of a merged range (Excel draws them per cell), label cells shaded and
 * bold, text as string cells ("@"), typed values as numbers and dates.
 */
import type ExcelJS from 'exceljs';
import type { TableBlock, TableCell } from '../../document/model.js';
import { H_ALIGN, PT_PER_MM, baseStyle, cellText, sumWidths, type SheetContext } from './context.js';
import { xlsxFont } from './fonts.js';
import { placeCells } from './grid.js';
import { lineCount, rowHeight } from './measure.js';
import { paragraphRow } from './rows.js';

/** Light grey of label cells, as in the PDF and DOCX. */
const LABEL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, bottom: THIN, left: THIN, right: THIN };

export function writeTable(t: TableBlock, ctx: SheetContext): void {
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

export function writeValue(cell: ExcelJS.Cell, model: TableCell, text: string): void {
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
