import { describe, expect, it } from 'vitest';
import { formatChineseDate, formatChineseYearMonth } from '../../src/domain/dates.js';
import { DossierSchema } from '../../src/domain/dossier.js';
import { workExperienceCertificateForm } from '../../src/forms/work-experience-certificate/index.js';
import { CTX, FIXTURE_NAMES, loadDossier, missingValues, modelText } from './model-walk.js';

describe('work-experience-certificate (工作经历证明)', () => {
  for (const name of FIXTURE_NAMES) {
    it(`builds for ${name} with every period of the work history`, () => {
      const dossier = loadDossier(name);
      const doc = workExperienceCertificateForm.build(dossier, CTX);
      const periods = dossier.workHistory.flatMap((p) => [
        `${formatChineseYearMonth(p.from)}—${formatChineseYearMonth(p.to)}`,
        p.employer,
        p.post,
      ]);
      expect(
        missingValues(doc, [
          `兹证明${dossier.applicant.name}同志（身份证号：${dossier.applicant.idNumber}）`,
          '在我单位从事档案专业技术工作',
          '特此证明。',
          `${dossier.recommendingUnit.name}（公章）`,
          formatChineseDate(dossier.signedOn),
          ...periods,
        ]),
      ).toEqual([]);
    });
  }

  it('adds the years and months up from the work history', () => {
    // 2008-03 .. 2024-09, continuous: 16 years 7 months.
    expect(modelText(workExperienceCertificateForm.build(loadDossier('ayguli-junior'), CTX))).toContain(
      '自2008年3月至2024年9月在我单位从事档案专业技术工作，累计16年7个月',
    );
    // 2011-09 .. 2024-09: 13 years 1 month.
    expect(modelText(workExperienceCertificateForm.build(loadDossier('zhang-yue-intermediate'), CTX))).toContain(
      '自2011年9月至2024年9月在我单位从事档案专业技术工作，累计13年1个月',
    );
  });

  it('does not claim periods at other units as "在我单位"', () => {
    const dossier = loadDossier('zhang-yue-intermediate');
    const moved = {
      ...dossier,
      workHistory: [{ ...dossier.workHistory[0]!, employer: '且末县档案馆', to: '2014-12' }, dossier.workHistory[1]!],
    };
    const text = modelText(workExperienceCertificateForm.build(moved, CTX));
    expect(text).toContain('自2011年9月至2024年9月从事档案专业技术工作');
    expect(text).not.toContain('在我单位');
    expect(text).toContain('且末县档案馆');
  });

  it('requires a work history', () => {
    const dossier = { ...loadDossier('bater-initial'), workHistory: [] };
    const problems = workExperienceCertificateForm.requires?.(dossier) ?? [];
    expect(problems.map((p) => p.path)).toEqual(['/workHistory']);
    expect(workExperienceCertificateForm.requires?.(loadDossier('bater-initial'))).toEqual([]);
  });

  it('has a valid sample and a readable file name', () => {
    const sample = DossierSchema.parse(workExperienceCertificateForm.sample());
    expect(workExperienceCertificateForm.fileName(sample)).toBe('工作经历证明-阿依古丽·买买提');
  });
});
