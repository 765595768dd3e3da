/**
 * Shares a table's spare width out where it saves the most lines: the table
 * a clerk reads is short when its rows are, and a row is as tall as its
 * tallest cell. Starting from every column's minimum, the room left goes half
 * an em at a time to the column whose widening shortens the rows most for the
 * width it takes (a long unit name wrapped at three characters before an ID
 * column gets a millimetre it does not need; a column that needs a few steps
 * before any of its cells loses a line is judged by the whole widening). Pure arithmetic on measured
 * pieces, so the PDF, DOCX and XLSX share the result (table-widths.ts).
 */

/** One cell as the breaker sees it: the widths of its unbreakable units, per forced line. */
export interface CellUnits {
  readonly row: number;
  readonly lines: readonly (readonly number[])[];
  /** Width a line cannot use (padding, slack, indents). */
  readonly inset: number;
}

export interface BalanceColumn {
  /** Whether the column may take room beyond its minimum. */
  readonly grows: boolean;
  readonly cells: readonly CellUnits[];
}

/** Lines a cell takes at `width`: units fill a line until the next one does not fit. */
export function cellLines(cell: CellUnits, width: number): number {
  const room = width - cell.inset;
  let count = 0;
  for (const units of cell.lines) {
    count++;
    let x = 0;
    for (const w of units) {
      if (x > 0 && x + w > room + 1e-6) {
        count++;
        x = w;
      } else x += w;
    }
  }
  return count;
}

/** A row's height counts far more than the spread of its cells (which only breaks ties between columns). */
const ROW = 1000;

/**
 * Widths at least `min`, at most `max` for growing columns, adding up to no
 * more than `W`, chosen step by step to minimise the rows' heights in lines.
 */
export function balanceRows(
  columns: readonly BalanceColumn[],
  min: readonly number[],
  max: readonly number[],
  W: number,
  step: number,
): number[] {
  const n = columns.length;
  const w = [...min];
  let room = W - w.reduce((a, b) => a + b, 0);
  const rows = 1 + Math.max(-1, ...columns.flatMap((c) => c.cells.map((cell) => cell.row)));
  // Lines of each column in each row (its tallest cell there), and each row's two tallest columns.
  const at = new Float64Array(rows * n);
  const setColumn = (k: number, counts: readonly number[]): void => {
    for (let r = 0; r < rows; r++) at[r * n + k] = 0;
    columns[k]!.cells.forEach((cell, i) => {
      at[cell.row * n + k] = Math.max(at[cell.row * n + k]!, counts[i]!);
    });
  };
  const lines = columns.map((c, k) => c.cells.map((cell) => cellLines(cell, w[k]!)));
  for (const [k, counts] of lines.entries()) setColumn(k, counts);
  const first = new Float64Array(rows);
  const firstCol = new Int32Array(rows);
  const second = new Float64Array(rows);
  const rank = (): void => {
    for (let r = 0; r < rows; r++) {
      let a = 0;
      let ak = -1;
      let b = 0;
      for (let k = 0; k < n; k++) {
        const v = at[r * n + k]!;
        if (v > a) {
          b = a;
          a = v;
          ak = k;
        } else if (v > b) b = v;
      }
      first[r] = a;
      firstCol[r] = ak;
      second[r] = b;
    }
  };
  rank();
  while (room > 1e-6) {
    let best = -1;
    let bestRatio = 0;
    let bestWidth = 0;
    let bestLines: number[] = [];
    columns.forEach((c, k) => {
      // A column whose every cell is on as few lines as it can be gains nothing.
      if (!c.grows || c.cells.every((cell, i) => lines[k]![i]! <= cell.lines.length)) return;
      const cap = Math.min(max[k]!, w[k]! + room);
      // The next width, in steps, at which some cell of the column loses a line.
      for (let width = w[k]! + step; width - step < cap - 1e-6; width += step) {
        const tried = Math.min(width, cap);
        const next = c.cells.map((cell) => cellLines(cell, tried));
        let gain = 0;
        c.cells.forEach((cell, i) => {
          const before = lines[k]![i]!;
          const after = next[i]!;
          const other = firstCol[cell.row] === k ? second[cell.row]! : first[cell.row]!;
          gain += ROW * (Math.max(before, other) - Math.max(after, other)) + before * before - after * after;
        });
        if (gain <= 0) continue;
        const ratio = gain / (tried - w[k]!);
        if (ratio > bestRatio) {
          best = k;
          bestRatio = ratio;
          bestWidth = tried;
          bestLines = next;
        }
        break;
      }
    });
    if (best < 0) break;
    room -= bestWidth - w[best]!;
    w[best] = bestWidth;
    lines[best] = bestLines;
    setColumn(best, bestLines);
    rank();
  }
  return w;
}
