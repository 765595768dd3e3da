import { describe, expect, it } from 'vitest';
import { FINDING_CODES, hasErrors, runChecks, type Finding } from '../../src/domain/checks.js';
import { ceExemptionCoverage, ceExemptionCovers } from '../../src/domain/ce-exemption.js';
import type { Dossier } from '../../src/domain/dossier.js';
import { parseDossier } from '../../src/domain/parse.js';
import { fixture } from './helpers.js';

function dossier(
  name: Parameters<typeof fixture>[0],
  edit: (d: ReturnType<typeof fixture>) => void = () => {},
): Dossier {
  const raw = fixture(name);
  edit(raw);
  const r = parseDossier(raw);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

const brief = (fs: Finding[]) => fs.map((f) => [f.severity, f.path, f.code]);

describe('fixtures', () => {
  it('bater-initial: the 2022 基本合格 postponement and the empty work summary', () => {
    const findings = runChecks(dossier('bater-initial'));
    expect(brief(findings)).toEqual(
      expect.arrayContaining([
        ['error', '/assessments/1/result', 'ASSESSMENT_POSTPONEMENT'],
        ['error', '/workSummary', 'WORK_SUMMARY_EMPTY'],
      ]),
    );
    const postponement = findings.find((f) => f.code === 'ASSESSMENT_POSTPONEMENT');
    expect(postponement?.message).toContain('2022');
    expect(postponement?.messageEn).toContain('1 year');
  });

  it('zhang-yue-intermediate: no error-severity finding', () => {
    const findings = runChecks(dossier('zhang-yue-intermediate'));
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(hasErrors(findings)).toBe(false);
    expect(findings).toContainEqual(
      expect.objectContaining({ code: 'DEFENSE_EXEMPT', message: '免于答辩：在若羌县工作' }),
    );
  });

  it('ayguli-junior: the 2024 专业 shortfall is covered by the exemption', () => {
    const findings = runChecks(dossier('ayguli-junior'));
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(brief(findings)).toContainEqual(['info', '/continuingEducation/1/professionalHours', 'CE_EXEMPTION_USED']);
  });

  it('every finding has a listed code and both messages', () => {
    for (const name of ['ayguli-junior', 'bater-initial', 'zhang-yue-intermediate'] as const) {
      for (const f of runChecks(dossier(name))) {
        expect(FINDING_CODES).toContain(f.code);
        expect(f.message.length).toBeGreaterThan(0);
        expect(f.messageEn.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('continuing education', () => {
  it('without an exemption the shortfall is an error at the entry', () => {
    const findings = runChecks(dossier('ayguli-junior', (d) => (d.ceExemption = null)));
    expect(brief(findings)).toContainEqual(['error', '/continuingEducation/1/professionalHours', 'CE_HOURS_SHORT']);
  });

  it('a missing window year is an error at /continuingEducation', () => {
    const findings = runChecks(dossier('zhang-yue-intermediate', (d) => d.continuingEducation.splice(0, 1)));
    const f = findings.find((x) => x.code === 'CE_YEAR_MISSING');
    expect(f).toMatchObject({ severity: 'error', path: '/continuingEducation' });
    expect(f?.message).toContain('2020');
    // 2020 and 2021 need only 公需 for 中级; their 0 专业 hours are fine.
    expect(findings.filter((x) => x.code === 'CE_HOURS_SHORT')).toEqual([]);
  });

  it('an exemption only covers the years and kinds its reason names', () => {
    const findings = runChecks(
      dossier('ayguli-junior', (d) => {
        d.continuingEducation[0].publicHours = 10;
      }),
    );
    expect(brief(findings)).toContainEqual(['error', '/continuingEducation/0/publicHours', 'CE_HOURS_SHORT']);
    const cov = ceExemptionCoverage({
      reason: '2019年3月至2021年12月驻村，申请免除2024年度专业科目继续教育学习',
      category: '访惠聚驻村',
    });
    expect(ceExemptionCovers(cov, 2024, 'professional')).toBe(true);
    expect(ceExemptionCovers(cov, 2020, 'professional')).toBe(true);
    expect(ceExemptionCovers(cov, 2023, 'professional')).toBe(false);
    expect(ceExemptionCovers(cov, 2024, 'public')).toBe(false);
    expect(ceExemptionCovers(ceExemptionCoverage({ reason: '驻村期间', category: '访惠聚' }), 2023, 'public')).toBe(
      true,
    );
  });
});

describe('other rules', () => {
  it('reports a 不合格 as two years of postponement', () => {
    const findings = runChecks(dossier('zhang-yue-intermediate', (d) => (d.assessments[2].result = '不合格')));
    const f = findings.find((x) => x.code === 'ASSESSMENT_POSTPONEMENT');
    expect(f).toMatchObject({ severity: 'error', path: '/assessments/2/result' });
    expect(f?.message).toBe('2023 年度考核为不合格，申报须顺延 2 年');
  });

  it('reports a missing assessment year, but not before the applicant started work', () => {
    const findings = runChecks(dossier('zhang-yue-intermediate', (d) => d.assessments.splice(1, 1)));
    expect(findings.filter((f) => f.code === 'ASSESSMENT_YEAR_MISSING').map((f) => f.message)).toEqual([
      '缺少 2022 年度考核结果',
    ]);
    const newcomer = runChecks(
      dossier('zhang-yue-intermediate', (d) => {
        d.applicant.workStartedOn = '2022-08';
        d.workHistory = [{ from: '2022-08', to: '2024-09', employer: '若羌县档案馆', post: '干部' }];
        d.assessments = [
          { year: 2022, result: '合格' },
          { year: 2023, result: '合格' },
        ];
      }),
    );
    expect(newcomer.filter((f) => f.code === 'ASSESSMENT_YEAR_MISSING')).toEqual([]);
  });

  it('reports a too-short publicity period as an error', () => {
    const findings = runChecks(dossier('ayguli-junior', (d) => (d.publicity.startDate = '2024-09-27')));
    expect(brief(findings)).toContainEqual(['error', '/publicity/endDate', 'PUBLICITY_TOO_SHORT']);
  });

  it('blind review: name or employer in the work summary', () => {
    const withName = runChecks(
      dossier('zhang-yue-intermediate', (d) => (d.workSummary = `本人张玥，${d.workSummary}`)),
    );
    expect(brief(withName)).toContainEqual(['error', '/workSummary', 'BLIND_REVIEW_NAME']);
    const withPart = runChecks(dossier('ayguli-junior', (d) => (d.workSummary = `我叫阿依古丽。${d.workSummary}`)));
    expect(brief(withPart)).toContainEqual(['error', '/workSummary', 'BLIND_REVIEW_NAME']);
    const withUnit = runChecks(dossier('zhang-yue-intermediate', (d) => (d.workSummary = `在若羌县档案馆工作。`)));
    expect(brief(withUnit)).toContainEqual(['error', '/workSummary', 'BLIND_REVIEW_EMPLOYER']);
  });

  it('work history gaps and overlaps are warnings', () => {
    const gap = runChecks(dossier('zhang-yue-intermediate', (d) => (d.workHistory[1].from = '2016-03')));
    expect(brief(gap)).toContainEqual(['warning', '/workHistory/1/from', 'WORK_HISTORY_GAP']);
    const overlap = runChecks(dossier('zhang-yue-intermediate', (d) => (d.workHistory[1].from = '2015-06')));
    expect(brief(overlap)).toContainEqual(['warning', '/workHistory/1/from', 'WORK_HISTORY_OVERLAP']);
    const none = runChecks(dossier('zhang-yue-intermediate', (d) => (d.workHistory = [])));
    expect(brief(none)).toContainEqual(['error', '/workHistory', 'WORK_HISTORY_EMPTY']);
  });

  it('re-applies the schema rules (title ladder) to a dossier that skipped them', () => {
    const d = dossier('ayguli-junior');
    const findings = runChecks({ ...d, application: { ...d.application, targetTitle: '馆员' } });
    expect(brief(findings)).toContainEqual(['error', '/application/targetTitle', 'TITLE_LADDER']);
  });

  it('an unsupported stated 答辩 exemption is a warning; a 地州级 中级 applicant must defend', () => {
    const findings = runChecks(
      dossier('zhang-yue-intermediate', (d) => {
        d.applicant.county = '库尔勒市';
        d.applicant.unitLevel = 'prefecture';
      }),
    );
    expect(brief(findings)).toEqual(
      expect.arrayContaining([['warning', '/application/defenseExemption', 'DEFENSE_EXEMPTION_UNSUPPORTED']]),
    );
    const plain = runChecks(
      dossier('zhang-yue-intermediate', (d) => {
        d.applicant.county = '库尔勒市';
        d.applicant.unitLevel = 'prefecture';
        d.application.defenseExemption = null;
      }),
    );
    expect(brief(plain)).toContainEqual(['info', '/application/defenseExemption', 'DEFENSE_REQUIRED']);
  });

  it('survives a dossier that lacks whole parts, reporting them as schema errors', () => {
    const d = dossier('zhang-yue-intermediate');
    const broken = { ...d, publicity: undefined } as unknown as Dossier;
    const findings = runChecks(broken);
    expect(brief(findings)).toContainEqual(['error', '/publicity', 'REQUIRED']);
    expect(findings.some((f) => f.code === 'DEFENSE_EXEMPT')).toBe(true);
  });

  it('sorts errors before warnings before infos', () => {
    const severities = runChecks(dossier('bater-initial')).map((f) => f.severity);
    expect(severities).toEqual(
      [...severities].sort((a, b) => ['error', 'warning', 'info'].indexOf(a) - ['error', 'warning', 'info'].indexOf(b)),
    );
  });
});
