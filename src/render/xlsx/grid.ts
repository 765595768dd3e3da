/**
 * Places table cells on a grid the way HTML and the document model mean spans:
 * a cell with rowSpan > 1 takes its column in the rows below, whose own cells
 * move right past it.
 */
import type { TableBlock, TableCell } from '../../document/model.js';

export interface PlacedCell {
  readonly cell: TableCell;
  /** 0-based row and column of the top-left corner in the table's grid. */
  readonly row: number;
  readonly col: number;
  readonly rowSpan: number;
  readonly colSpan: number;
}

export function placeCells(table: TableBlock): PlacedCell[] {
  const taken = new Set<string>();
  const placed: PlacedCell[] = [];
  table.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells) {
      while (taken.has(`${r},${c}`)) c++;
      const rowSpan = Math.max(1, Math.min(cell.rowSpan ?? 1, table.rows.length - r));
      const colSpan = Math.max(1, cell.colSpan ?? 1);
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) taken.add(`${r + dr},${c + dc}`);
      placed.push({ cell, row: r, col: c, rowSpan, colSpan });
      c += colSpan;
    }
  });
  return placed;
}

/** Grid width of a table: its declared columns, or more if spans reach further. */
export function gridWidth(table: TableBlock, placed: readonly PlacedCell[]): number {
  return placed.reduce((max, p) => Math.max(max, p.col + p.colSpan), table.columns.length);
}
