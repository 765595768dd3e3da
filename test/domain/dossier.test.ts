import { describe, expect, it } from 'vitest';
import { DossierSchema } from '../../src/domain/dossier.js';
import { parseDossier, parseRosterInput } from '../../src/domain/parse.js';
import { VALIDATION_CODES } from '../../src/domain/problems.js';
import { fixture, FIXTURES } from './helpers.js';

function problemsOf(input: unknown) {
  const r = parseDossier(input);
  if (r.ok) throw new Error('expected problems, got a valid dossier');
  return r.problems;
}

function codesAt(input: unknown, path: string): string[] {
  return problemsOf(input)
    .filter((p) => p.path === path)
    .map((p) => p.code);
}

describe('fixture dossiers', () => {
  it.each(FIXTURES)('%s parses as valid', (name) => {
    const r = parseDossier(fixture(name));
    expect(r.ok ? [] : r.problems).toEqual([]);
  });

  it('applies the rules through a plain DossierSchema.safeParse', () => {
    const d = fixture('ayguli-junior');
    d.applicant.idNumber = '652801198503120021';
    const r = DossierSchema.safeParse(d);
    expect(r.success).toBe(false);
  });

  it('stores short ethnic group names in full', () => {
    const r = parseDossier(fixture('bater-initial'));
    expect(r.ok && r.value.applicant.ethnicity).toBe('蒙古族');
  });
});

describe('ID number', () => {
  it('rejects a changed check digit at /applicant/idNumber', () => {
    const d = fixture('ayguli-junior');
    d.applicant.idNumber = '652801198503120021';
    expect(codesAt(d, '/applicant/idNumber')).toEqual(['ID_CHECKSUM']);
  });

  it('reports a flipped gender at /applicant/gender', () => {
    const d = fixture('ayguli-junior');
    d.applicant.gender = '男';
    expect(problemsOf(d).map((p) => [p.path, p.code])).toEqual([['/applicant/gender', 'ID_GENDER_MISMATCH']]);
  });

  it('reports a birth month that disagrees with the ID at /applicant/birthDate', () => {
    const d = fixture('ayguli-junior');
    d.applicant.birthDate = '1985-04';
    expect(problemsOf(d).map((p) => [p.path, p.code])).toEqual([['/applicant/birthDate', 'ID_BIRTHDATE_MISMATCH']]);
  });

  it('rejects a 15-digit legacy number', () => {
    const d = fixture('ayguli-junior');
    d.applicant.idNumber = '652801850312002';
    expect(codesAt(d, '/applicant/idNumber')).toEqual(['ID_FORMAT']);
  });

  it('normalises a lower-case x and accepts non-Xinjiang numbers', () => {
    const d = fixture('ayguli-junior');
    // GB 11643's own example: born 1949-12-31, female (sequence 002).
    d.applicant.idNumber = ' 110105 19491231 002x';
    d.applicant.birthDate = '1949-12';
    const r = parseDossier(d);
    expect(r.ok ? r.value.applicant.idNumber : r.problems).toBe('11010519491231002X');
  });

  it('rejects an unknown province code and an impossible birth date', () => {
    const d = fixture('ayguli-junior');
    d.applicant.idNumber = '991234199002300013';
    expect(codesAt(d, '/applicant/idNumber')).toEqual(expect.arrayContaining(['ID_PROVINCE', 'ID_BIRTHDATE_INVALID']));
  });
});

describe('names, ethnic groups, political status', () => {
  it('turns U+30FB and spaces into one U+00B7', () => {
    const d = fixture('ayguli-junior');
    d.applicant.name = ' 阿依古丽 ・ 买买提 ';
    const r = parseDossier(d);
    expect(r.ok && r.value.applicant.name).toBe('阿依古丽\u00B7买买提');
  });

  it.each(['\u2022', '\u2027', '\u2219', '\u22C5', '\uFF65', '\uFF0E'])('normalises %s', (dot) => {
    const d = fixture('ayguli-junior');
    d.applicant.name = `阿依古丽${dot}买买提`;
    const r = parseDossier(d);
    expect(r.ok && r.value.applicant.name).toBe('阿依古丽·买买提');
  });

  it('reads an ASCII full stop between Chinese characters as the name dot, but keeps Latin initials', () => {
    const d = fixture('ayguli-junior');
    d.applicant.name = '阿依古丽 . 买买提';
    const r = parseDossier(d);
    expect(r.ok && r.value.applicant.name).toBe('阿依古丽·买买提');
    d.applicant.name = 'J.K.罗琳';
    const latin = parseDossier(d);
    expect(latin.ok ? latin.value.applicant.name : latin.problems.map((p) => p.path)).not.toContain('·');
  });

  it('rejects digits, a leading dot and more than 50 code points', () => {
    const d = fixture('ayguli-junior');
    d.applicant.name = '张3';
    expect(codesAt(d, '/applicant/name')).toEqual(['NAME_DIGITS']);
    d.applicant.name = '·买买提';
    expect(codesAt(d, '/applicant/name')).toEqual(['NAME_DOT_POSITION']);
    d.applicant.name = '𠀀'.repeat(51); // Ext-B: 51 code points, 102 UTF-16 units
    expect(codesAt(d, '/applicant/name')).toEqual(['NAME_TOO_LONG']);
    d.applicant.name = '𠀀'.repeat(50);
    expect(parseDossier(d).ok).toBe(true);
  });

  it('stores "维吾尔" as 维吾尔族 and 毛难族 as 毛南族', () => {
    const d = fixture('ayguli-junior');
    d.applicant.ethnicity = '维吾尔';
    let r = parseDossier(d);
    expect(r.ok && r.value.applicant.ethnicity).toBe('维吾尔族');
    d.applicant.ethnicity = '毛难族';
    r = parseDossier(d);
    expect(r.ok && r.value.applicant.ethnicity).toBe('毛南族');
  });

  it('rejects an ethnic group outside the 56', () => {
    const d = fixture('ayguli-junior');
    d.applicant.ethnicity = '穿青人';
    expect(codesAt(d, '/applicant/ethnicity')).toEqual(['ETHNICITY_UNKNOWN']);
  });

  it('accepts the long political status and stores the short form', () => {
    const d = fixture('ayguli-junior');
    d.applicant.politicalStatus = '中国共产主义青年团团员';
    const r = parseDossier(d);
    expect(r.ok && r.value.applicant.politicalStatus).toBe('共青团员');
    d.applicant.politicalStatus = '党外人士';
    expect(codesAt(d, '/applicant/politicalStatus')).toEqual(['POLITICAL_STATUS_UNKNOWN']);
  });
});

describe('phones, dates, ranges, titles', () => {
  it.each(['0996-2012345', '09962012345', '010-12345678', '0996-2012345-801', '13899012345'])(
    'accepts phone %s',
    (phone) => {
      const d = fixture('ayguli-junior');
      d.applicant.phone = phone;
      expect(parseDossier(d).ok).toBe(true);
    },
  );

  it.each(['123', '12899012345', '2012345', '0996-201'])('rejects phone %s', (phone) => {
    const d = fixture('ayguli-junior');
    d.applicant.phone = phone;
    expect(codesAt(d, '/applicant/phone')).toEqual(['PHONE_INVALID']);
  });

  it('reports a range whose end precedes its start at the end', () => {
    const d = fixture('zhang-yue-intermediate');
    d.workHistory[1].to = '2015-11';
    d.achievements[0].to = '2019-01';
    d.publicity.endDate = '2024-09-09';
    const problems = problemsOf(d).map((p) => [p.path, p.code]);
    expect(problems).toEqual(
      expect.arrayContaining([
        ['/workHistory/1/to', 'DATE_RANGE_ORDER'],
        ['/achievements/0/to', 'DATE_RANGE_ORDER'],
        ['/publicity/endDate', 'DATE_RANGE_ORDER'],
      ]),
    );
  });

  it('rejects months and days that do not exist', () => {
    const d = fixture('zhang-yue-intermediate');
    d.applicant.birthDate = '1988-13';
    d.publicity.startDate = '2023-02-29';
    expect(codesAt(d, '/applicant/birthDate')).toEqual(['YEAR_MONTH_INVALID']);
    expect(codesAt(d, '/publicity/startDate')).toEqual(['DATE_INVALID']);
  });

  it('enforces the title ladder', () => {
    const d = fixture('ayguli-junior');
    d.application.targetTitle = '馆员';
    expect(codesAt(d, '/application/targetTitle')).toEqual(['TITLE_LADDER']);
    const b = fixture('bater-initial');
    b.application.route = '评审';
    expect(codesAt(b, '/applicant/currentTitle')).toEqual(['CURRENT_TITLE_REQUIRED']);
  });

  it('lists the allowed values of an enum in Chinese', () => {
    const d = fixture('ayguli-junior');
    d.application.targetTitle = '研究馆员';
    const [p] = problemsOf(d).filter((x) => x.path === '/application/targetTitle');
    expect(p?.code).toBe('INVALID_VALUE');
    expect(p?.message).toContain('管理员、助理馆员、馆员');
  });

  it('rejects an implausible application year and a duplicate assessment year', () => {
    const d = fixture('ayguli-junior');
    d.application.year = 1024;
    d.assessments[1].year = 2021;
    expect(codesAt(d, '/application/year')).toEqual(['YEAR_IMPLAUSIBLE']);
    expect(codesAt(d, '/assessments/1/year')).toEqual(['YEAR_DUPLICATE']);
  });
});

describe('generic problems', () => {
  it('reports a missing applicant.name as REQUIRED', () => {
    const d = fixture('ayguli-junior');
    delete d.applicant.name;
    const [p] = problemsOf(d);
    expect(p).toEqual({
      path: '/applicant/name',
      code: 'REQUIRED',
      message: '必填项缺失',
      messageEn: 'This field is required',
    });
  });

  it('treats blank required text as missing and trims text', () => {
    const d = fixture('ayguli-junior');
    d.applicant.employer = '   ';
    expect(codesAt(d, '/applicant/employer')).toEqual(['REQUIRED']);
    d.applicant.employer = '  库尔勒市城市建设档案馆 ';
    const r = parseDossier(d);
    expect(r.ok && r.value.applicant.employer).toBe('库尔勒市城市建设档案馆');
  });

  it('reports a wrong type as INVALID_TYPE', () => {
    const d = fixture('ayguli-junior');
    d.application.year = '2024';
    expect(codesAt(d, '/application/year')).toEqual(['INVALID_TYPE']);
  });

  it('reports every unknown key, at any depth, as UNKNOWN_KEY at its own path', () => {
    const d = fixture('ayguli-junior');
    d.workSumary = d.workSummary;
    d.applicant.nickname = 'x';
    d.applicant.education.schol = 'x';
    d.workHistory[0].postt = 'x';
    const parsed = parseDossier(d);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => `${p.code} ${p.path}`).sort()).toEqual([
      'UNKNOWN_KEY /applicant/education/schol',
      'UNKNOWN_KEY /applicant/nickname',
      'UNKNOWN_KEY /workHistory/0/postt',
      'UNKNOWN_KEY /workSumary',
    ]);
    expect(parsed.problems.find((p) => p.path === '/workSumary')?.message).toContain('workSumary');
  });

  it('reports many problems at once, each with zh and en messages', () => {
    const d = fixture('ayguli-junior');
    delete d.applicant.name;
    d.applicant.idNumber = '652801198503120021';
    d.applicant.phone = '12';
    d.applicant.ethnicity = '火星族';
    d.workHistory[2].to = '2021-01';
    d.publicity.startDate = 'soon';
    const problems = problemsOf(d);
    expect(problems.map((p) => p.path)).toEqual(
      expect.arrayContaining([
        '/applicant/name',
        '/applicant/idNumber',
        '/applicant/phone',
        '/applicant/ethnicity',
        '/workHistory/2/to',
        '/publicity/startDate',
      ]),
    );
    expect(problems).toHaveLength(6);
    for (const p of problems) {
      expect(VALIDATION_CODES).toContain(p.code);
      expect(p.message).toMatch(/[\u4e00-\u9fff]/u);
      expect(p.messageEn).toMatch(/^[\x20-\x7e\u00b7\u4e00-\u9fff“”"]+$/u);
    }
  });

  it('prefixes basePath and addresses roster dossiers by index', () => {
    const d = fixture('ayguli-junior');
    d.applicant.phone = 'x';
    const r = parseRosterInput({
      unit: { name: '某单位', date: '2024-10-14' },
      dossiers: [fixture('bater-initial'), d],
    });
    expect(r.ok ? [] : r.problems.map((p) => p.path)).toEqual(['/dossiers/1/applicant/phone']);
    const s = parseDossier(d, '/dossier');
    expect(s.ok ? [] : s.problems.map((p) => p.path)).toEqual(['/dossier/applicant/phone']);
  });
});

describe('pasted text', () => {
  it('drops invisible characters a paste brings along and keeps every visible one', () => {
    // biome-ignore lint/suspicious/noExplicitAny: raw JSON that the test reads and edits freely
    const raw = structuredClone(fixture('zhang-yue-intermediate')) as Record<string, any>;
    raw.workSummary = '\uFEFF任现职以来，\u200B本人\u2060主要从事档案工作。\u2028今后继续学习。';
    raw.recommendingUnit.office = '办公\u200B室';
    const parsed = DossierSchema.parse(raw);
    expect(parsed.workSummary).toBe('任现职以来，本人主要从事档案工作。\n今后继续学习。');
    expect(parsed.recommendingUnit.office).toBe('办公室');
  });
});
