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

/** Column widths: the widest table's relative widths scaled to the page, widened to fit text up to a cap. */
export function columnWidths(doc: Document, tables: readonly { t: TableBlock; placed: PlacedCell[] }[]): number[] {
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
