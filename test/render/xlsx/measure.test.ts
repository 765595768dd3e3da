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
});
