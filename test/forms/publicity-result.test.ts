import { describe, expect, it } from 'vitest';
import { formatChineseDate } from '../../src/domain/dates.js';
import { DossierSchema } from '../../src/domain/dossier.js';
import { publicityResultForm } from '../../src/forms/publicity-result/index.js';
import { CTX, FIXTURE_NAMES, loadDossier, missingValues, modelText } from './model-walk.js';

describe('publicity-result (附件2 推荐单位公示结果)', () => {
  for (const name of FIXTURE_NAMES) {
    it(`builds for ${name} with the dates, the unit and the signing date`, () => {
      const dossier = loadDossier(name);
      const doc = publicityResultForm.build(dossier, CTX);
      const { applicant, publicity } = dossier;
      expect(
        missingValues(doc, [
          `${applicant.name}同志申报材料于${formatChineseDate(publicity.startDate)}至${formatChineseDate(publicity.endDate)}在本单位公示`,
          '公示无异议，未收到投诉、举报，申报材料真实、完整、有效',
          `同意推荐${applicant.name}同志申报档案系列档案专业`,
          `${dossier.recommendingUnit.name}（公章）`,
          formatChineseDate(dossier.signedOn),
        ]),
      ).toEqual([]);
      expect(publicityResultForm.requires?.(dossier)).toEqual([]);
    });
  }

  it('computes the days it ran: calendar days and working days', () => {
    // 2024-09-26 .. 2024-10-08: 13 days, of which 5 working days (national day week, 9/29 make-up day).
    expect(modelText(publicityResultForm.build(loadDossier('ayguli-junior'), CTX))).toContain(
      '公示13天（含5个工作日）',
    );
    // 2024-09-10 .. 2024-09-19: 10 days; 9/15–17 中秋 off, 9/14 a make-up workday → 7.
    expect(modelText(publicityResultForm.build(loadDossier('zhang-yue-intermediate'), CTX))).toContain(
      '公示10天（含7个工作日）',
    );
  });

  it('reports a result signed before the publicity ends at /signedOn', () => {
    const dossier = { ...loadDossier('ayguli-junior'), signedOn: '2024-10-07' };
    const problems = publicityResultForm.requires?.(dossier) ?? [];
    expect(problems.map((p) => p.path)).toEqual(['/signedOn']);
    expect(problems[0]?.message).toContain('2024-10-08');
  });

  it('reports a publicity shorter than 5 working days', () => {
    const base = loadDossier('ayguli-junior');
    const dossier = { ...base, publicity: { ...base.publicity, startDate: '2024-09-27' } };
    expect((publicityResultForm.requires?.(dossier) ?? []).map((p) => p.code)).toContain('PUBLICITY_TOO_SHORT');
  });

  it('has a valid sample and a readable file name', () => {
    const sample = DossierSchema.parse(publicityResultForm.sample());
    expect(publicityResultForm.requires?.(sample)).toEqual([]);
    expect(publicityResultForm.fileName(sample)).toBe('附件2-推荐单位公示结果-张玥');
  });
});
