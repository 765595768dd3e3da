/**
 * Column widths of the sheet, from the same content-based column sizing as the
 * PDF and DOCX (table-widths.ts), measured by East-Asian display width at each
 * table's type size and laid out on the printable width, so the sheet prints
 * at full size (fit-to-width then only guards against a viewer's wider font).
 */
import type { Document, TableBlock } from '../../document/model.js';
import { breakBetweenWords, columnWidths as tableColumnWidths } from '../table-widths.js';
import { getFontLibrary } from '../../fonts/library.js';
import { spreadsheetMeasure } from '../text-measure.js';
import { PT_PER_MM } from './context.js';
import { gridWidth, type PlacedCell } from './grid.js';

/**
 * An Excel width of w characters is 7w + 5 px at 96 dpi (the Normal font's
 * digit is 7 px: 宋体 10 pt, see normal-font.ts; plus 5 px of padding):
 * w = (mm − 1.32) / 1.852.
 */
const MM_PER_WIDTH_UNIT = (7 * 25.4) / 96;
const MM_PER_COLUMN_PADDING = (5 * 25.4) / 96;
/** Horizontal room Excel and LibreOffice leave inside a cell, both sides together. */
export const XLSX_CELL_PADDING_MM = 1.6;

export function mmToWidthUnits(mm: number): number {
  return Math.max(0.5, (mm - MM_PER_COLUMN_PADDING) / MM_PER_WIDTH_UNIT);
}

export function widthUnitsToMm(units: number): number {
  return units * MM_PER_WIDTH_UNIT + MM_PER_COLUMN_PADDING;
}

/** The printable width of the page, mm. */
function printableWidthMm(doc: Document): number {
  return (doc.page.orientation === 'landscape' ? 297 : 210) - doc.page.margins.inner - doc.page.margins.outer;
}

/**
 * The sheet's columns for tables of different column counts (附件6 has a
 * 4-column header grid and a 3-column list): every table's column edges, as
 * fractions of the page width, are merged into one set of sheet columns, and
 * each table cell spans the sheet columns between its own edges, so every table
 * keeps its proportions across the full width.
 */
export interface SheetColumns {
  /** Excel width of each sheet column. */
  readonly widths: number[];
  /** Per table: sheet column (0-based) of each of its column edges (length = its grid width + 1). */
  readonly edges: ReadonlyMap<TableBlock, readonly number[]>;
  /** Per table: its cells as written, names broken between their parts where a column is narrower (table-widths.ts). */
  readonly content: ReadonlyMap<TableBlock, TableBlock>;
}

/** Edges closer than this (fraction of the width) are one edge. */
const EDGE_TOLERANCE = 0.004;

export function columnWidths(doc: Document, tables: readonly { t: TableBlock; placed: PlacedCell[] }[]): SheetColumns {
  const pageMm = printableWidthMm(doc);
  const sized = new Map(tables.map(({ t, placed }) => [t, sizeTable(doc, t, gridWidth(t, placed), pageMm)]));
  const fractionsOf = new Map([...sized].map(([t, s]) => [t, s.edges]));
  const content = new Map([...sized].map(([t, s]) => [t, s.content]));
  const all = [...fractionsOf.values()].flat().sort((a, b) => a - b);
  const sheetEdges: number[] = [];
  for (const edge of all.length > 0 ? all : [0, 1]) {
    if (sheetEdges.length === 0 || edge - sheetEdges[sheetEdges.length - 1]! > EDGE_TOLERANCE) sheetEdges.push(edge);
  }
  sheetEdges[sheetEdges.length - 1] = Math.max(1, sheetEdges[sheetEdges.length - 1]!);
  const nearest = (edge: number) =>
    sheetEdges.reduce((best, e, i) => (Math.abs(e - edge) < Math.abs(sheetEdges[best]! - edge) ? i : best), 0);
  const edges = new Map<TableBlock, number[]>([...fractionsOf].map(([t, fractions]) => [t, fractions.map(nearest)]));
  const widths = sheetEdges.slice(1).map((edge, i) => mmToWidthUnits((edge - sheetEdges[i]!) * pageMm));
  if (widths.length === 0) widths.push(mmToWidthUnits(pageMm));
  return { widths: widths.map((w) => Math.round(w * 100) / 100), edges, content };
}

/** A table's column edges as fractions of the printable width, 0 … 1, sized from content. */
function sizeTable(
  doc: Document,
  t: TableBlock,
  columns: number,
  pageMm: number,
): { edges: number[]; content: TableBlock } {
  // Columns beyond the declared widths (a span reaching further) share equally.
  const declared = Array.from({ length: columns }, (_, i) => t.columns[i] ?? (t.columns.length > 0 ? 0 : 1));
  const grid: TableBlock = { ...t, columns: declared };
  const options = {
    width: pageMm * PT_PER_MM,
    padding: XLSX_CELL_PADDING_MM * PT_PER_MM,
    base: { font: t.style?.font ?? doc.base.font, size: t.style?.size ?? doc.base.size, bold: t.style?.bold ?? false },
    measure: spreadsheetMeasure(getFontLibrary()),
    mm: PT_PER_MM,
    balanceRows: false,
  };
  const widths = tableColumnWidths(grid, options);
  const content = breakBetweenWords(t, widths, options);
  const sum = widths.reduce((a, b) => a + b, 0) || 1;
  const edges = [0];
  for (const w of widths) edges.push(edges[edges.length - 1]! + w / sum);
  edges[edges.length - 1] = 1;
  return { edges, content };
}
