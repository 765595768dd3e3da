import { describe, expect, it } from 'vitest';
import { formatChineseYearMonth } from '../../src/domain/dates.js';
import { DossierSchema } from '../../src/domain/dossier.js';
import { ceExemptionForm } from '../../src/forms/ce-exemption/index.js';
import { allCells, cellText, CTX, FIXTURE_NAMES, loadDossier, missingValues, modelText } from './model-walk.js';

describe('ce-exemption (附件4 免除继续教育学习申请表)', () => {
  for (const name of FIXTURE_NAMES) {
    it(`builds for ${name} with every value in the grid`, () => {
      const dossier = loadDossier(name);
      const doc = ceExemptionForm.build(dossier, CTX);
      const { applicant } = dossier;
      const expected = [
        applicant.name,
        applicant.gender,
        formatChineseYearMonth(applicant.birthDate),
        applicant.idNumber,
        applicant.education.level,
        applicant.education.degree || '无',
        applicant.education.school,
        applicant.education.major,
        formatChineseYearMonth(applicant.education.graduatedOn),
        applicant.employer,
        formatChineseYearMonth(applicant.workStartedOn),
        applicant.currentTitle?.name ?? '无',
        dossier.application.targetTitle,
      ];
      if (dossier.ceExemption) expected.push(dossier.ceExemption.reason, dossier.ceExemption.category);
      expect(missingValues(doc, expected)).toEqual([]);
      const text = modelText(doc);
      for (const label of ['姓名', '身份证号', '何时何学校何专业毕业', '免学理由', '审核意见', '公章', '年月日']) {
        expect(text).toContain(label);
      }
      expect(text).toContain('免除继续教育学习申请表');
      expect(text).toContain('注：1.');
      expect(text).toContain('3.各地各部门不得私自设置');
    });
  }

  it('prints "无" for ayguli\'s missing degree', () => {
    const doc = ceExemptionForm.build(loadDossier('ayguli-junior'), CTX);
    const cells = allCells(doc).map(cellText);
    const degreeLabel = cells.indexOf('学位');
    expect(cells[degreeLabel + 1]).toBe('无');
  });

  it('prints the form for handwriting when the dossier asks for no exemption', () => {
    expect(ceExemptionForm.requires?.(loadDossier('bater-initial')) ?? []).toEqual([]);
    const doc = ceExemptionForm.build(loadDossier('bater-initial'), CTX);
    const table = doc.blocks.find((b) => b.type === 'table');
    const reasonRow =
      table?.type === 'table'
        ? table.rows.find((row) => row.cells[0]?.paragraphs[0]?.runs[0]?.text === '免学理由')
        : undefined;
    expect(reasonRow?.cells[1]).toMatchObject({ paragraphs: [], space: 'handwriting' });
    expect(modelText(doc)).not.toContain('免学类别');
    expect(modelText(doc)).toContain('巴特尔');
  });

  it('has a valid sample the form accepts and a readable file name', () => {
    const sample = DossierSchema.parse(ceExemptionForm.sample());
    expect(ceExemptionForm.requires?.(sample) ?? []).toEqual([]);
    expect(ceExemptionForm.fileName(sample)).toBe('附件4-免除继续教育学习申请表-阿依古丽·买买提');
  });
});
