/**
 * 从事档案专业技术工作年限: how long the applicant has worked, from the work
 * history. Months are counted inclusively (2008-03 … 2008-05 is 3 months) and a
 * month covered by two overlapping periods counts once.
 */
import { isIsoDate, isYearMonth, monthIndex } from './dates.js';

export interface Experience {
  readonly years: number;
  readonly months: number;
  readonly totalMonths: number;
}

/**
 * Experience over the given periods, up to and including `until` ("YYYY-MM" or
 * "YYYY-MM-DD"; default: no cap). The caller passes the periods that count
 * (usually the whole workHistory, every post of which is archives work).
 */
export function archivesExperience(
  workHistory: readonly { readonly from: string; readonly to: string }[],
  until?: string,
): Experience {
  const cap = until !== undefined && (isYearMonth(until) || isIsoDate(until)) ? monthIndex(until) : Infinity;
  const spans = workHistory
    .filter((p) => isYearMonth(p.from) && isYearMonth(p.to))
    .map((p) => [monthIndex(p.from), Math.min(monthIndex(p.to), cap)] as const)
    .filter(([from, to]) => from <= to)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let coveredTo = -Infinity;
  for (const [from, to] of spans) {
    const start = Math.max(from, coveredTo + 1);
    if (to >= start) total += to - start + 1;
    coveredTo = Math.max(coveredTo, to);
  }
  return { years: Math.floor(total / 12), months: total % 12, totalMonths: total };
}

/** "13年7个月" / "11个月" / "5年" for forms. */
export function formatExperience(e: Experience): string {
  if (e.years === 0) return `${e.months}个月`;
  return e.months === 0 ? `${e.years}年` : `${e.years}年${e.months}个月`;
}
