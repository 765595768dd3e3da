/** The state of one worksheet while blocks are written to it, and text helpers shared by the writers. */
import type ExcelJS from 'exceljs';
import type { Document, FontRole, Paragraph, TableBlock } from '../../document/model.js';

export const PT_PER_MM = 72 / 25.4;
export const PX_PER_MM = 96 / 25.4;

export type Horizontal = 'left' | 'center' | 'right' | 'justify';
export const H_ALIGN: Readonly<Record<NonNullable<Paragraph['align']>, Horizontal>> = {
  left: 'left',
  center: 'center',
  right: 'right',
  // Excel's "justify" spreads every line, the last one too; left reads better.
  justify: 'left',
};

export interface SheetContext {
  readonly doc: Document;
  readonly wb: ExcelJS.Workbook;
  readonly ws: ExcelJS.Worksheet;
  readonly columns: number;
  readonly widths: readonly number[];
  /** Per table: the sheet column (0-based) of each of its column edges. */
  readonly edges: ReadonlyMap<TableBlock, readonly number[]>;
  /** Per table: its cells as written (columns.ts). */
  readonly content: ReadonlyMap<TableBlock, TableBlock>;
  /** Next free row, 1-based. */
  row: number;
  /** Header rows of the first table, once placed. */
  titleRows?: { readonly from: number; readonly to: number };
}

export function paragraphText(p: Paragraph): string {
  return p.runs.map((r) => r.text).join('');
}

export function sumWidths(ctx: SheetContext, from: number, count: number): number {
  return ctx.widths.slice(from, from + count).reduce((a, b) => a + b, 0);
}

export function baseStyle(doc: Document): { font: FontRole; size: number; bold: boolean } {
  return { font: doc.base.font, size: doc.base.size, bold: false };
}
