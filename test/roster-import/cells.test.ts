import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertCell, plainValue } from '../../src/roster-import/cells.js';
import { headerKey } from '../../src/roster-import/text.js';

const pad = (n: number) => String(n).padStart(2, '0');

describe('convertCell', () => {
  it('reads every way of typing a year-month as YYYY-MM', () => {
    const cases: [unknown, string][] = [
      ['1985-03', '1985-03'],
      ['1985-3', '1985-03'],
      ['1985/03', '1985-03'],
      ['1985.03', '1985-03'],
      ['1985年3月', '1985-03'],
      ['１９８５－０３', '1985-03'],
      ['198503', '1985-03'],
      ['1985-03-12', '1985-03'],
      [new Date(Date.UTC(1985, 2, 1)), '1985-03'],
      [new Date(Date.UTC(1985, 2, 31, 23, 59, 59, 999)), '1985-04'],
      [31107, '1985-03'],
      [{ formula: 'DATE(1985,3,1)', result: new Date(Date.UTC(1985, 2, 1)) }, '1985-03'],
    ];
    for (const [input, want] of cases) {
      expect(convertCell('yearMonth', input as never), String(input)).toEqual({ ok: true, value: want });
    }
  });

  it('round-trips any calendar day through text, Date cells and serial numbers', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date(Date.UTC(1955, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true }),
        (d) => {
          const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
          const iso = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
          const serial = day.getTime() / 86_400_000 + 25_569;
          expect(convertCell('date', iso)).toEqual({ ok: true, value: iso });
          expect(convertCell('date', day)).toEqual({ ok: true, value: iso });
          expect(convertCell('date', serial)).toEqual({ ok: true, value: iso });
          expect(convertCell('yearMonth', serial)).toEqual({ ok: true, value: iso.slice(0, 7) });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses dates it cannot read or that a number makes ambiguous', () => {
    expect(convertCell('yearMonth', 1985.1)).toMatchObject({ ok: false, issue: { code: 'DATE_AMBIGUOUS' } });
    expect(convertCell('yearMonth', '1985-13')).toMatchObject({ ok: false, issue: { code: 'DATE_FORMAT' } });
    expect(convertCell('date', '2024-09')).toMatchObject({ ok: false, issue: { code: 'DATE_FORMAT' } });
    expect(convertCell('date', '九月')).toMatchObject({ ok: false, issue: { code: 'DATE_FORMAT' } });
  });

  it('keeps an ID as text and refuses one Excel stored as a number past 15 digits', () => {
    expect(convertCell('id', ' 65280119850312002x ')).toEqual({ ok: true, value: '65280119850312002X' });
    expect(convertCell('id', '６５２８０１ １９８５０３１２００２０')).toEqual({
      ok: true,
      value: '652801198503120020',
    });
    expect(convertCell('id', 652801198503120000)).toMatchObject({ ok: false, issue: { code: 'ID_PRECISION_LOST' } });
    expect(convertCell('id', 6.52801e17)).toMatchObject({ ok: false, issue: { code: 'ID_PRECISION_LOST' } });
    // 15 digits survive as a number; the domain then judges the length.
    expect(convertCell('id', 652801850312002)).toEqual({ ok: true, value: '652801850312002' });
  });

  it('reads numbers with units, phones typed as numbers, rich text, hyperlinks and error values', () => {
    expect(convertCell('int', '2024年')).toEqual({ ok: true, value: 2024 });
    expect(convertCell('number', '30学时')).toEqual({ ok: true, value: 30 });
    expect(convertCell('number', '三十')).toMatchObject({ ok: false, issue: { code: 'NUMBER_FORMAT' } });
    expect(convertCell('phone', 13899012345)).toEqual({ ok: true, value: '13899012345' });
    expect(convertCell('text', { richText: [{ text: '阿依古丽' }, { text: '·买买提' }] })).toEqual({
      ok: true,
      value: '阿依古丽·买买提',
    });
    expect(convertCell('text', { text: '新疆大学', hyperlink: 'https://www.xju.edu.cn' })).toEqual({
      ok: true,
      value: '新疆大学',
    });
    expect(convertCell('text', { formula: 'A1&B1', result: '档案' })).toEqual({ ok: true, value: '档案' });
    expect(convertCell('text', { error: '#N/A' } as never)).toMatchObject({ ok: false, issue: { code: 'CELL_ERROR' } });
    expect(convertCell('text', '   ')).toEqual({ ok: true, value: undefined });
    expect(convertCell('text', null)).toEqual({ ok: true, value: undefined });
    expect(plainValue({ formula: 'X()' } as never)).toBeUndefined();
  });
});

describe('headerKey', () => {
  it('matches headers across full-width brackets, spaces, line breaks and required stars', () => {
    expect(headerKey('县 (市)')).toBe(headerKey('县（市）'));
    expect(headerKey(' 出生\n年月 ')).toBe(headerKey('出生年月'));
    expect(headerKey('*姓名')).toBe(headerKey('姓名'));
    expect(headerKey('职务／岗位')).toBe(headerKey('职务/岗位'));
    expect(headerKey('姓名')).not.toBe(headerKey('姓'));
  });
});
