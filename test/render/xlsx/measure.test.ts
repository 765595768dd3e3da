import { describe, expect, it } from 'vitest';
import { mmToWidthUnits } from '../../../src/render/xlsx/columns.js';
import { displayWidth, lineCount, rowHeight } from '../../../src/render/xlsx/measure.js';

describe('xlsx text measurement', () => {
  it('counts CJK and full-width characters as two columns, ASCII as one, Ext-B as one character', () => {
    expect(displayWidth('张悦')).toBe(4);
    expect(displayWidth('652801198503120020')).toBe(18);
    expect(displayWidth('（公章）')).toBe(8);
    expect(displayWidth('𠀋')).toBe(2);
    expect(displayWidth('a·b')).toBe(3);
  });

  it('estimates wrapped lines and row heights that grow with the text', () => {
    // 24 mm: ten characters of 11 pt (3.9 mm each) do not fit on one line, five do.
    const width = mmToWidthUnits(24);
    expect(lineCount('一二三四五', 11, width)).toBe(1);
    expect(lineCount('一二三四五六七八九十', 11, width)).toBe(2);
    expect(lineCount('短', 11, width)).toBe(1);
    expect(lineCount('一二三四五六七八九十一二三四五六七八九十', 11, width)).toBeGreaterThanOrEqual(4);
    expect(lineCount('第一行\n第二行', 11, width)).toBe(2);
    expect(rowHeight(3, 11)).toBeGreaterThan(rowHeight(1, 11));
    expect(rowHeight(1000, 11)).toBe(409);
  });

  it('wraps as an office suite does: numbers whole, a gap where Chinese meets digits', () => {
    // 12 mm at 9 pt leaves room for about 3.3 ideographs: counting characters alone, "2023年合格"
    // (5 em) takes 2 lines; an office keeps "2023" whole with a gap before 年 and prints 3.
    const narrow = mmToWidthUnits(12);
    expect(lineCount('2023年合格', 9, narrow)).toBe(3);
    expect(lineCount('2021年合格\n2022年基本合格\n2023年合格', 9, narrow)).toBe(9);
    // An 18-digit ID wider than its box still wraps inside (and is counted so).
    expect(lineCount('652801198503120020', 9, narrow)).toBe(3);
    // Plain Chinese is unchanged: 24 mm at 11 pt holds five ideographs a line.
    expect(lineCount('一二三四五六七八九十', 11, mmToWidthUnits(24))).toBe(2);
  });
});
