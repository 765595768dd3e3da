import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  checkPublicityPeriod,
  createWorkCalendar,
  getWorkCalendar,
  RegionalCalendarSchema,
} from '../../src/domain/calendar.js';

const national = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json');
const nationalOnly = createWorkCalendar(national, { region: 'none', note: '', knownYears: [], entries: [] });

describe('national calendar', () => {
  it('counts 2024-09-26 … 2024-10-08 as 5 working days (9/29 Sunday is a make-up day)', () => {
    expect(nationalOnly.isWorkday('2024-09-29')).toBe(true);
    expect(nationalOnly.countWorkdays('2024-09-26', '2024-10-08')).toBe(5);
    expect(nationalOnly.countWorkdays('2024-09-27', '2024-10-08')).toBe(4);
  });

  it('finds the 5th working day', () => {
    expect(nationalOnly.nthWorkday('2024-09-12', 5)).toBe('2024-09-19');
    expect(nationalOnly.nthWorkday('2024-09-26', 5)).toBe('2024-10-08');
    expect(nationalOnly.nthWorkday('2025-09-26', 5)).toBe('2025-10-09');
    // A start on a rest day is not counted.
    expect(nationalOnly.nthWorkday('2024-09-15', 1)).toBe('2024-09-18');
  });

  it('covers the years of the package data and refuses malformed dates', () => {
    expect(nationalOnly.coveredYears()).toEqual(expect.arrayContaining([2022, 2023, 2024, 2025, 2026]));
    expect(() => nationalOnly.isWorkday('2024-9-1')).toThrow(RangeError);
    expect(nationalOnly.countWorkdays('2024-10-08', '2024-09-26')).toBe(0);
  });
});

describe('Xinjiang overlay', () => {
  const calendar = getWorkCalendar();

  it('makes 古尔邦节 2025 (6/6, 6/9, 6/10) rest days', () => {
    for (const d of ['2025-06-06', '2025-06-09', '2025-06-10']) expect(calendar.isWorkday(d)).toBe(false);
    expect(nationalOnly.countWorkdays('2025-06-06', '2025-06-12')).toBe(5);
    // 6/7–6/8 is a weekend, so 6/11 and 6/12 are the only working days of that week's stretch.
    expect(calendar.countWorkdays('2025-06-06', '2025-06-12')).toBe(2);
    expect(calendar.countWorkdays('2025-06-06', '2025-06-13')).toBe(3);
    expect(calendar.describe('2025-06-09')).toMatchObject({ name: '古尔邦节', source: 'regional' });
  });

  it('makes 肉孜节 2025-03-31 (Monday) a rest day', () => {
    expect(nationalOnly.isWorkday('2025-03-31')).toBe(true);
    expect(calendar.isWorkday('2025-03-31')).toBe(false);
  });

  it('has 2022, 2023 and 2025 and leaves the unsourced years out', () => {
    expect(calendar.regionalYears()).toEqual([2022, 2023, 2025]);
    expect(calendar.isWorkday('2023-04-21')).toBe(false);
    expect(calendar.isWorkday('2022-07-11')).toBe(false);
  });

  it('lets a regional holiday cancel a national make-up workday', () => {
    const c = createWorkCalendar(national, {
      region: 'test',
      note: '',
      knownYears: [2024],
      entries: [{ name: '测试节', kind: 'holiday', from: '2024-09-29', to: '2024-09-29', source: 'test' }],
    });
    expect(c.isWorkday('2024-09-29')).toBe(false);
    expect(c.countWorkdays('2024-09-26', '2024-10-08')).toBe(4);
  });

  it('validates the bundled data file', async () => {
    const { default: data } = await import('../../src/domain/data/regional-calendar.json', { with: { type: 'json' } });
    expect(RegionalCalendarSchema.safeParse(data).success).toBe(true);
  });
});

describe('CALENDAR_FILE', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('reads another file once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cal-'));
    const file = join(dir, 'calendar.json');
    writeFileSync(
      file,
      JSON.stringify({
        region: 'test',
        knownYears: [2024],
        entries: [{ name: '古尔邦节', kind: 'holiday', from: '2024-06-17', to: '2024-06-18', source: 'operator' }],
      }),
    );
    vi.stubEnv('CALENDAR_FILE', file);
    vi.resetModules();
    const mod = await import('../../src/domain/calendar.js');
    expect(mod.getWorkCalendar().isWorkday('2024-06-17')).toBe(false);
    expect(mod.getWorkCalendar().regionalYears()).toEqual([2024]);
  });
});

describe('checkPublicityPeriod', () => {
  it('accepts 5 working days', () => {
    expect(checkPublicityPeriod({ startDate: '2024-09-26', endDate: '2024-10-08' })).toBeNull();
  });

  it('reports 4 working days at /publicity/endDate with the earliest end', () => {
    expect(checkPublicityPeriod({ startDate: '2024-09-27', endDate: '2024-10-08' })).toEqual({
      path: '/publicity/endDate',
      code: 'PUBLICITY_TOO_SHORT',
      message: '公示期只有 4 个工作日，应不少于 5 个工作日，最早可于 2024年10月9日 结束',
      messageEn:
        'The publicity period has only 4 working days; it must have at least 5 and can end on 2024-10-09 at the earliest',
    });
  });

  it('uses the basePath and Xinjiang holidays', () => {
    const p = checkPublicityPeriod({ startDate: '2025-06-06', endDate: '2025-06-12' }, '/dossiers/2/publicity');
    expect(p?.path).toBe('/dossiers/2/publicity/endDate');
    expect(p?.message).toContain('只有 2 个工作日');
    expect(p?.message).toContain('2025年6月17日');
  });

  it('reports a year the calendar does not cover', () => {
    expect(checkPublicityPeriod({ startDate: '2031-09-01', endDate: '2031-09-30' })?.code).toBe(
      'CALENDAR_YEAR_UNKNOWN',
    );
  });
});
