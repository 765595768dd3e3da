/** Rows that are not table cells: text merged across the sheet, blank space, pictures. */
import type ExcelJS from 'exceljs';
import type { FontRole, Paragraph } from '../../document/model.js';
import {
  PT_PER_MM,
  PX_PER_MM,
  paragraphText,
  sumWidths,
  H_ALIGN,
  type Horizontal,
  type SheetContext,
} from './context.js';
import { xlsxFont } from './fonts.js';
import { lineCount, rowHeight } from './measure.js';

/** A row of text merged across all columns. */
export function textRow(
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

export function paragraphRow(
  ctx: SheetContext,
  p: Paragraph,
  def: { font: FontRole; size: number; bold: boolean },
  align: Horizontal,
): void {
  const first = p.runs[0]?.style;
  const style = {
    font: first?.font ?? def.font,
    size: first?.size ?? def.size,
    bold: p.runs.length > 0 && p.runs.every((r) => r.style?.bold ?? def.bold),
  };
  textRow(ctx, paragraphText(p), style, p.align ? H_ALIGN[p.align] : align, p.firstLineIndent ?? 0);
}

export function spaceRow(ctx: SheetContext, heightMm: number): number {
  const r = ctx.row++;
  ctx.ws.getRow(r).height = Math.min(409, Math.max(1, heightMm * PT_PER_MM));
  return r;
}

export async function imageRows(
  ctx: SheetContext,
  png: Uint8Array,
  ext: 'png' | 'jpeg',
  widthMm: number,
  heightMm: number,
): Promise<void> {
  const r = spaceRow(ctx, heightMm + 2);
  const id = ctx.wb.addImage({ buffer: Buffer.from(png) as unknown as ExcelJS.Buffer, extension: ext });
  ctx.ws.addImage(id, {
    tl: { col: 0, row: r - 1 },
    ext: { width: widthMm * PX_PER_MM, height: heightMm * PX_PER_MM },
    editAs: 'oneCell',
  });
}
