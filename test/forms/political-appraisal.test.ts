import { describe, expect, it } from 'vitest';
import { formatChineseDate, formatChineseYearMonth } from '../../src/domain/dates.js';
import { DossierSchema } from '../../src/domain/dossier.js';
import { politicalAppraisalForm } from '../../src/forms/political-appraisal/index.js';
import { allCells, cellText, CTX, FIXTURE_NAMES, loadDossier, missingValues, modelText } from './model-walk.js';

describe('political-appraisal (现实表现鉴定)', () => {
  for (const name of FIXTURE_NAMES) {
    it(`builds for ${name} with the unit's text, the recommendation and the signatures`, () => {
      const dossier = loadDossier(name);
      const doc = politicalAppraisalForm.build(dossier, CTX);
      const { applicant } = dossier;
      expect(
        missingValues(doc, [
          `关于${applicant.name}同志现实表现的鉴定`,
          applicant.gender,
          applicant.ethnicity,
          formatChineseYearMonth(applicant.birthDate),
          applicant.politicalStatus,
          applicant.employer,
          applicant.currentTitle?.name ?? '无',
          dossier.politicalAppraisal,
          dossier.recommendingUnit.name,
          formatChineseDate(dossier.signedOn),
          `同意推荐${applicant.name}同志申报档案系列档案专业`,
          `（${dossier.application.targetTitle}）`,
        ]),
      ).toEqual([]);
      const text = modelText(doc);
      expect(text).toContain('单位主要领导（签字）');
      expect(text).toContain('派驻纪检组负责人（签字）');
      expect(text).toContain('（盖章）');
    });
  }

  it('prints "无" for an empty 行政职务 (ayguli)', () => {
    const cells = allCells(politicalAppraisalForm.build(loadDossier('ayguli-junior'), CTX)).map(cellText);
    expect(cells[cells.indexOf('行政职务') + 1]).toBe('无');
  });

  it('prints the level with the title: 初级（助理馆员）, 中级（馆员）', () => {
    expect(modelText(politicalAppraisalForm.build(loadDossier('ayguli-junior'), CTX))).toContain(
      '档案系列档案专业初级（助理馆员）',
    );
    expect(modelText(politicalAppraisalForm.build(loadDossier('zhang-yue-intermediate'), CTX))).toContain(
      '档案系列档案专业中级（馆员）',
    );
  });

  it("requires the unit's appraisal text", () => {
    expect(politicalAppraisalForm.requires?.(loadDossier('bater-initial'))).toEqual([]);
    const problems =
      politicalAppraisalForm.requires?.({ ...loadDossier('bater-initial'), politicalAppraisal: '  ' }) ?? [];
    expect(problems.map((p) => p.path)).toEqual(['/politicalAppraisal']);
  });

  it('has a valid sample and a readable file name', () => {
    const sample = DossierSchema.parse(politicalAppraisalForm.sample());
    expect(politicalAppraisalForm.fileName(sample)).toBe('现实表现鉴定-张玥');
  });
});
