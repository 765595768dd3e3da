import { describe, expect, it } from 'vitest';
import { balanceRows, cellLines, type BalanceColumn } from '../../src/render/row-balance.js';

/** A cell of `n` one-point characters on one forced line. */
const chars = (row: number, n: number) => ({ row, lines: [new Array<number>(n).fill(1)], inset: 0 });

describe('row balance', () => {
  it('counts the lines units fill at a width, forced lines included', () => {
    expect(cellLines(chars(0, 10), 3)).toBe(4);
    expect(cellLines(chars(0, 10), 10)).toBe(1);
    expect(cellLines({ row: 0, lines: [[1, 1], [1]], inset: 0 }, 1)).toBe(3);
    // A unit wider than the line takes a line of its own.
    expect(cellLines({ row: 0, lines: [[1, 5, 1]], inset: 0 }, 2)).toBe(3);
  });

  it('gives the room to the column that shortens the rows, not the one already short enough', () => {
    const columns: BalanceColumn[] = [
      { grows: true, cells: [chars(0, 12), chars(1, 12)] },
      { grows: true, cells: [chars(0, 3), chars(1, 2)] },
      { grows: false, cells: [chars(0, 9)] },
    ];
    const w = balanceRows(columns, [3, 3, 9], [12, 3, 9], 21, 1);
    expect(w).toEqual([6, 3, 9]);
    // Its cells now take 2 lines instead of 4; the 3 mm left would save none (12 would be 1 line).
    expect(cellLines(chars(0, 12), w[0]!)).toBe(2);
  });

  it('stops when no widening saves a line, leaving the rest of the room', () => {
    const columns: BalanceColumn[] = [{ grows: true, cells: [chars(0, 2)] }];
    expect(balanceRows(columns, [2], [10], 10, 1)).toEqual([2]);
  });
});
