import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  formatChineseDate,
  formatChineseYearMonth,
  formatYearMonthDot,
  isIsoDate,
  monthsInclusive,
  parseIsoDate,
  toIsoDate,
} from '../../src/domain/dates.js';

describe('Chinese dates', () => {
  it('formats without leading zeros', () => {
    expect(formatChineseDate('2024-09-04')).toBe('2024年9月4日');
    expect(formatChineseDate('2024-10-14')).toBe('2024年10月14日');
    expect(formatChineseDate(parseIsoDate('2024-09-04'))).toBe('2024年9月4日');
    expect(formatChineseYearMonth('2024-09')).toBe('2024年9月');
    expect(formatYearMonthDot('2024-09')).toBe('2024.09');
  });

  it('reads a Date in China time', () => {
    // 2024-09-03T20:00Z is 04:00 on 4 September in Xinjiang's offices (UTC+8).
    expect(formatChineseDate(new Date('2024-09-03T20:00:00Z'))).toBe('2024年9月4日');
    expect(toIsoDate(new Date('2024-09-03T15:59:00Z'))).toBe('2024-09-03');
  });

  it('parses real dates as UTC midnight and refuses others', () => {
    expect(parseIsoDate('2024-02-29').toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(() => parseIsoDate('2023-02-29')).toThrow(RangeError);
    expect(isIsoDate('2024-9-4')).toBe(false);
    expect(() => formatChineseYearMonth('2024-13')).toThrow(RangeError);
  });

  it('does month and day arithmetic', () => {
    expect(addMonths('2024-11', 3)).toBe('2025-02');
    expect(addMonths('2024-01', -1)).toBe('2023-12');
    expect(monthsInclusive('2024-01', '2024-12')).toBe(12);
    expect(monthsInclusive('2024-05', '2024-04')).toBe(0);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
  });
});
