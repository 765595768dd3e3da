/**
 * Dates as the documents print them (GB/T 9704: Arabic numerals, no leading
 * zeros: 2024年9月4日) and the small calendar arithmetic the rules need.
 *
 * Dates travel as strings: "YYYY-MM-DD" for days, "YYYY-MM" for months. A Date
 * object is read in China Standard Time (UTC+8, no daylight saving), so a date
 * parsed here (UTC midnight) and "now" in Xinjiang's offices name the same day.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEAR_MONTH = /^(\d{4})-(\d{2})$/;
const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True for an existing calendar day written "YYYY-MM-DD" (leap years included). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** True for an existing month written "YYYY-MM". */
export function isYearMonth(value: string): boolean {
  const m = YEAR_MONTH.exec(value);
  if (!m) return false;
  const month = Number(m[2]);
  return Number(m[1]) >= 1000 && month >= 1 && month <= 12;
}

/** "2024-09-04" → Date at 2024-09-04T00:00:00Z. Throws RangeError on anything else. */
export function parseIsoDate(value: string): Date {
  if (!isIsoDate(value)) throw new RangeError(`Not a date (YYYY-MM-DD): ${value}`);
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** A Date → "YYYY-MM-DD" of that instant in China Standard Time. */
export function toIsoDate(date: Date): string {
  const shifted = new Date(date.getTime() + CHINA_OFFSET_MS);
  const y = shifted.getUTCFullYear();
  const m = String(shifted.getUTCMonth() + 1).padStart(2, '0');
  const d = String(shifted.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** Today in China ("YYYY-MM-DD"). */
export function todayInChina(now: Date = new Date()): string {
  return toIsoDate(now);
}

/** "2024-09-04" or a Date → "2024年9月4日". */
export function formatChineseDate(value: string | Date): string {
  const iso = typeof value === 'string' ? value : toIsoDate(value);
  const [y, m, d] = parseIsoDate(iso).toISOString().slice(0, 10).split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
}

/** "2024-09" (or "2024-09-04") → "2024年9月". */
export function formatChineseYearMonth(value: string): string {
  const { year, month } = splitYearMonth(value);
  return `${year}年${month}月`;
}

/** "2024-09" (or "2024-09-04") → "2024.09", the style of 简历 columns. */
export function formatYearMonthDot(value: string): string {
  const { year, month } = splitYearMonth(value);
  return `${year}.${String(month).padStart(2, '0')}`;
}

function splitYearMonth(value: string): { year: number; month: number } {
  const ym = value.length === 10 && isIsoDate(value) ? value.slice(0, 7) : value;
  if (!isYearMonth(ym)) throw new RangeError(`Not a month (YYYY-MM): ${value}`);
  return { year: Number(ym.slice(0, 4)), month: Number(ym.slice(5, 7)) };
}

/** Months since year 0: "2024-09" → 2024 * 12 + 8. Handy for ordering and spans. */
export function monthIndex(value: string): number {
  const { year, month } = splitYearMonth(value);
  return year * 12 + (month - 1);
}

/** Inverse of monthIndex. */
function fromMonthIndex(index: number): string {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** "2024-11" + 3 → "2025-02". */
export function addMonths(yearMonth: string, n: number): string {
  return fromMonthIndex(monthIndex(yearMonth) + n);
}

/** Months from `from` to `to`, both counted: "2024-01".."2024-12" → 12; 0 when to < from. */
export function monthsInclusive(from: string, to: string): number {
  return Math.max(0, monthIndex(to) - monthIndex(from) + 1);
}

/** "2024-09-30" + 1 → "2024-10-01". */
export function addDays(iso: string, n: number): string {
  return new Date(parseIsoDate(iso).getTime() + n * DAY_MS).toISOString().slice(0, 10);
}

/** Day of week, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(iso: string): number {
  return parseIsoDate(iso).getUTCDay();
}

/** Whole days from start to end (end − start); negative when end is earlier. */
export function daysBetween(start: string, end: string): number {
  return Math.round((parseIsoDate(end).getTime() - parseIsoDate(start).getTime()) / DAY_MS);
}
