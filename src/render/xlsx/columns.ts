/** Column widths of the sheet. */
import type { Document, TableBlock } from '../../document/model.js';
import { cellText } from './context.js';
import { gridWidth, type PlacedCell } from './grid.js';
import { columnWidthFor, longestAsciiToken, widestLine } from './measure.js';

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
}

/** Edges closer than this (fraction of the width) are one edge. */
const EDGE_TOLERANCE = 0.004;

export function columnWidths(doc: Document, tables: readonly { t: TableBlock; placed: PlacedCell[] }[]): SheetColumns {
  const pageUnits =
    ((doc.page.orientation === 'landscape' ? 297 : 210) - doc.page.margins.inner - doc.page.margins.outer) /
    MM_PER_WIDTH_UNIT;
  const fractionsOf = new Map(tables.map(({ t, placed }) => [t, tableEdges(t, gridWidth(t, placed))]));
  const all = [...fractionsOf.values()].flat().sort((a, b) => a - b);
  const sheetEdges: number[] = [];
  for (const edge of all.length > 0 ? all : [0, 1]) {
    if (sheetEdges.length === 0 || edge - sheetEdges[sheetEdges.length - 1]! > EDGE_TOLERANCE) sheetEdges.push(edge);
  }
  const nearest = (edge: number) =>
    sheetEdges.reduce((best, e, i) => (Math.abs(e - edge) < Math.abs(sheetEdges[best]! - edge) ? i : best), 0);
  const edges = new Map<TableBlock, number[]>([...fractionsOf].map(([t, fractions]) => [t, fractions.map(nearest)]));
  const widths = sheetEdges.slice(1).map((edge, i) => (edge - sheetEdges[i]!) * pageUnits);
  if (widths.length === 0) widths.push(pageUnits);
  for (const { t, placed } of tables) {
    const size = t.style?.size ?? doc.base.size;
    const tableEdges = edges.get(t)!;
    for (const p of placed) {
      const first = tableEdges[p.col]!;
      // Only a cell that falls on one sheet column widens it to fit its text.
      if (tableEdges[p.col + p.colSpan]! - first !== 1) continue;
      const text = cellText(p.cell);
      const display = Math.max(
        Math.min(widestLine(text), TEXT_CAP_DISPLAY),
        Math.min(longestAsciiToken(text), TOKEN_CAP_DISPLAY),
      );
      widths[first] = Math.max(widths[first]!, columnWidthFor(display, size));
    }
  }
  return { widths: widths.map((w) => Math.round(Math.max(w, 2) * 100) / 100), edges };
}

/** A table's column edges as fractions of its width, 0 … 1 (columns beyond the declared widths share equally). */
function tableEdges(t: TableBlock, columns: number): number[] {
  const relative = Array.from({ length: columns }, (_, i) => t.columns[i] ?? (t.columns.length > 0 ? 0 : 1));
  const sum = relative.reduce((a, b) => a + b, 0) || 1;
  const edges = [0];
  for (const w of relative) edges.push(edges[edges.length - 1]! + w / sum);
  edges[edges.length - 1] = 1;
  return edges;
}
