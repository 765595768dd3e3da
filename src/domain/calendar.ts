/**
 * Working days in 巴州: the national arrangement (holidays and make-up
 * workdays, from the chinese-days package's data) overlaid with Xinjiang's own
 * holidays from `data/regional-calendar.json` (or the file CALENDAR_FILE names),
 * which an operator extends each year without touching code. The regional layer
 * wins: it can add rest days, cancel a national make-up workday, or add a workday.
 *
 * The files are read once, on first use.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { z } from 'zod';
import type { Problem } from '../errors.js';
import { addDays, dayOfWeek, formatChineseDate, isIsoDate } from './dates.js';
// Bundled with the code (the build copies it along); CALENDAR_FILE replaces it.
import bundledRegional from './data/regional-calendar.json' with { type: 'json' };

/** The notice: 公示期不少于5个工作日. */
const MIN_PUBLICITY_WORKDAYS = 5;
/** Loops over days stop after this many, so a typo like 2204 cannot spin. */
const MAX_SPAN_DAYS = 3 * 366;

const IsoDay = z.string().refine(isIsoDate, 'YYYY-MM-DD');

const RegionalCalendarEntrySchema = z
  .object({
    name: z.string().min(1),
    kind: z.enum(['holiday', 'workday']),
    from: IsoDay,
    to: IsoDay,
    source: z.string().min(1),
  })
  .refine((e) => e.from <= e.to, 'from must not be after to');

export const RegionalCalendarSchema = z.object({
  region: z.string(),
  note: z.string().default(''),
  /** Years whose regional arrangement is entered; other years fall back to the national calendar alone. */
  knownYears: z.array(z.number().int()),
  entries: z.array(RegionalCalendarEntrySchema),
});
export type RegionalCalendar = z.infer<typeof RegionalCalendarSchema>;

/** chinese-days' data: date → "English,中文,n" for holidays and make-up workdays. */
interface NationalData {
  readonly holidays: Readonly<Record<string, string>>;
  readonly workdays: Readonly<Record<string, string>>;
}

interface DayInfo {
  readonly date: string;
  readonly workday: boolean;
  /** Holiday or make-up-day name when the day is not an ordinary weekday/weekend ("国庆节", "古尔邦节"). */
  readonly name: string | null;
  readonly source: 'national' | 'regional' | 'weekday' | 'weekend';
}

export interface WorkCalendar {
  /** Is this "YYYY-MM-DD" a working day in 巴州? */
  isWorkday(date: string): boolean;
  describe(date: string): DayInfo;
  /** Working days from start to end, both included; 0 when end < start. */
  countWorkdays(start: string, end: string): number;
  /** The n-th working day counting from start (start is the first if it is a working day). */
  nthWorkday(start: string, n: number): string;
  /** Years the national calendar covers. */
  coveredYears(): number[];
  /** Years whose regional (Xinjiang) arrangement is entered. */
  regionalYears(): number[];
  covers(year: number): boolean;
}

function loadNational(): NationalData {
  const require = createRequire(import.meta.url);
  return require('chinese-days/dist/chinese-days.json') as NationalData;
}

function loadRegional(): RegionalCalendar {
  const file = process.env.CALENDAR_FILE || undefined;
  const data: unknown = file === undefined ? bundledRegional : JSON.parse(readFileSync(file, 'utf8'));
  const parsed = RegionalCalendarSchema.safeParse(data);
  if (!parsed.success) {
    throw new Error(
      `Calendar file ${file ?? 'data/regional-calendar.json'} is invalid: ${z.prettifyError(parsed.error)}`,
    );
  }
  return parsed.data;
}

/** Builds a calendar from explicit data (tests, or another region). */
export function createWorkCalendar(national: NationalData, regional: RegionalCalendar): WorkCalendar {
  const regionalDays = new Map<string, { workday: boolean; name: string }>();
  for (const e of regional.entries) {
    for (let d = e.from; d <= e.to; d = addDays(d, 1))
      regionalDays.set(d, { workday: e.kind === 'workday', name: e.name });
  }
  const years = new Set<number>();
  for (const d of Object.keys(national.holidays)) years.add(Number(d.slice(0, 4)));
  const covered = [...years].sort((a, b) => a - b);
  const regionalYears = [...new Set(regional.knownYears)].sort((a, b) => a - b);

  const check = (date: string): void => {
    if (!isIsoDate(date)) throw new RangeError(`Not a date (YYYY-MM-DD): ${date}`);
  };
  const nameOf = (label: string | undefined): string | null => (label ? (label.split(',')[1] ?? label) : null);

  const describe = (date: string): DayInfo => {
    check(date);
    const regionalDay = regionalDays.get(date);
    if (regionalDay) return { date, workday: regionalDay.workday, name: regionalDay.name, source: 'regional' };
    const makeUp = national.workdays[date];
    if (makeUp !== undefined) return { date, workday: true, name: nameOf(makeUp), source: 'national' };
    const holiday = national.holidays[date];
    if (holiday !== undefined) return { date, workday: false, name: nameOf(holiday), source: 'national' };
    const dow = dayOfWeek(date);
    return dow === 0 || dow === 6
      ? { date, workday: false, name: null, source: 'weekend' }
      : { date, workday: true, name: null, source: 'weekday' };
  };
  const isWorkday = (date: string): boolean => describe(date).workday;

  return {
    isWorkday,
    describe,
    countWorkdays(start, end) {
      check(start);
      check(end);
      let count = 0;
      for (let d = start, i = 0; d <= end; d = addDays(d, 1), i++) {
        if (i > MAX_SPAN_DAYS) throw new RangeError(`Range too long: ${start}..${end}`);
        if (isWorkday(d)) count++;
      }
      return count;
    },
    nthWorkday(start, n) {
      check(start);
      if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`);
      let count = 0;
      for (let d = start, i = 0; i <= MAX_SPAN_DAYS; d = addDays(d, 1), i++) {
        if (isWorkday(d) && ++count === n) return d;
      }
      throw new RangeError(`No ${n}th working day within ${MAX_SPAN_DAYS} days of ${start}`);
    },
    coveredYears: () => [...covered],
    regionalYears: () => [...regionalYears],
    covers: (year) => years.has(year),
  };
}

let cached: WorkCalendar | undefined;

/** The process's calendar (national data + regional file), built once. */
export function getWorkCalendar(): WorkCalendar {
  cached ??= createWorkCalendar(loadNational(), loadRegional());
  return cached;
}

/**
 * The notice's 公示期不少于5个工作日: a Problem at `<basePath>/endDate` when the
 * period is shorter, naming the earliest lawful end date; a Problem when a date
 * lies in a year the calendar does not know; null when the period is fine or the
 * dates are malformed (the schema reports those).
 */
export function checkPublicityPeriod(
  publicity: { startDate: string; endDate: string },
  basePath = '/publicity',
): Problem | null {
  const { startDate, endDate } = publicity;
  if (!isIsoDate(startDate) || !isIsoDate(endDate) || endDate < startDate) return null;
  const calendar = getWorkCalendar();
  for (const [key, date] of [
    ['startDate', startDate],
    ['endDate', endDate],
  ] as const) {
    const year = Number(date.slice(0, 4));
    if (!calendar.covers(year)) {
      const years = calendar.coveredYears();
      const span = `${years[0]}–${years[years.length - 1]}`;
      return {
        path: `${basePath}/${key}`,
        code: 'CALENDAR_YEAR_UNKNOWN',
        message: `工作日历没有 ${year} 年的节假日安排（已有 ${span} 年），无法核对公示期`,
        messageEn: `The working-day calendar has no holiday arrangement for ${year} (it covers ${span}); the publicity period cannot be checked`,
      };
    }
  }
  const workdays = calendar.countWorkdays(startDate, endDate);
  if (workdays >= MIN_PUBLICITY_WORKDAYS) return null;
  const earliest = calendar.nthWorkday(startDate, MIN_PUBLICITY_WORKDAYS);
  return {
    path: `${basePath}/endDate`,
    code: 'PUBLICITY_TOO_SHORT',
    message: `公示期只有 ${workdays} 个工作日，应不少于 ${MIN_PUBLICITY_WORKDAYS} 个工作日，最早可于 ${formatChineseDate(earliest)} 结束`,
    messageEn: `The publicity period has only ${workdays} working day${workdays === 1 ? '' : 's'}; it must have at least ${MIN_PUBLICITY_WORKDAYS} and can end on ${earliest} at the earliest`,
  };
}
