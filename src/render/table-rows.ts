/**
 * Estimated row heights of a table at given column widths, for renderers that
 * do not lay text out themselves (DOCX: which rows may split, whether a table
 * is short enough to keep whole; XLSX: row heights). The PDF lays out exactly.
 */
import type { TableBlock } from '../document/model.js';
import type { MeasureStyle, MeasureText } from './table-widths.js';

export interface RowEstimateOptions {
  readonly padding: number;
  readonly base: MeasureStyle;
  readonly measure: MeasureText;
  /** Line pitch as a multiple of the type size. */
  readonly leading: number;
  /** Vertical padding of a cell, top and bottom together. */
  readonly paddingY: number;
  /** Millimetres in the measure's unit (row minHeight is in mm). */
  readonly mm: number;
}

/** Height of each row (in the measure's unit); a row-spanning cell is counted in its first row. */
export function estimateRowHeights(t: TableBlock, widths: readonly number[], opts: RowEstimateOptions): number[] {
  const base = t.style
    ? { font: t.style.font ?? opts.base.font, size: t.style.size ?? opts.base.size, bold: t.style.bold ?? false }
    : opts.base;
  const heights = t.rows.map((row) =>
    Math.max((row.minHeight ?? 0) * opts.mm, base.size * opts.leading + opts.paddingY),
  );
  const taken: boolean[][] = t.rows.map(() => new Array<boolean>(widths.length).fill(false));
  t.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells) {
      while (c < widths.length && taken[r]![c]) c++;
      if (c >= widths.length) break;
      const span = Math.max(1, Math.min(cell.colSpan ?? 1, widths.length - c));
      const rowSpan = Math.max(1, Math.min(cell.rowSpan ?? 1, t.rows.length - r));
      for (let rr = r; rr < r + rowSpan; rr++) for (let cc = c; cc < c + span; cc++) taken[rr]![cc] = true;
      const inner = Math.max(1, widths.slice(c, c + span).reduce((a, b) => a + b, 0) - opts.padding);
      let h = opts.paddingY;
      for (const p of cell.paragraphs) {
        const size = p.runs[0]?.style?.size ?? base.size;
        const style = { ...base, size };
        const text = p.runs.map((x) => x.text).join('');
        for (const line of text.split('\n')) {
          const lines = Math.max(1, Math.ceil((opts.measure(line, style) * 1.05) / inner));
          h += lines * size * opts.leading;
        }
        h += (p.spaceBefore ?? 0) + (p.spaceAfter ?? 0);
      }
      if (cell.image) h = Math.max(h, cell.image.height * opts.mm + opts.paddingY);
      if (rowSpan === 1) heights[r] = Math.max(heights[r]!, h);
      c += span;
    }
  });
  return heights;
}
