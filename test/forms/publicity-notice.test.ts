import { describe, expect, it } from 'vitest';
import { formatChineseDate } from '../../src/domain/dates.js';
import { DossierSchema } from '../../src/domain/dossier.js';
import { publicityNoticeForm } from '../../src/forms/publicity-notice/index.js';
import { CTX, FIXTURE_NAMES, loadDossier, missingValues, modelText } from './model-walk.js';

describe('publicity-notice (附件1 推荐单位公示)', () => {
  for (const name of FIXTURE_NAMES) {
    it(`builds for ${name} with every value of the template filled`, () => {
      const dossier = loadDossier(name);
      const doc = publicityNoticeForm.build(dossier, CTX);
      const { applicant, publicity, recommendingUnit } = dossier;
      expect(
        missingValues(doc, [
          `现对${applicant.name}同志申报档案系列档案专业`,
          `（${dossier.application.targetTitle}）专业技术任职资格进行公示`,
          `性别：${applicant.gender}`,
          `族别：${applicant.ethnicity}`,
          `政治面貌：${applicant.politicalStatus}`,
          `身份证号：${applicant.idNumber}`,
          `现任专业技术职务任职资格：${applicant.currentTitle?.name ?? '无'}`,
          `思想政治条件：${publicity.politicalSummary || '无'}`,
          `业绩成果：${publicity.achievementSummary || '无'}`,
          `公示时间从${formatChineseDate(publicity.startDate)}起至${formatChineseDate(publicity.endDate)}止`,
          `反映至${recommendingUnit.office}`,
          `监督电话：${recommendingUnit.phone}`,
          `${recommendingUnit.name}（公章）`,
          '单位负责人签字',
        ]),
      ).toEqual([]);
      // The date of the notice is the first day of the publicity.
      const signature = doc.blocks.filter((b) => b.type === 'signature').flatMap((b) => b.lines.map((l) => l.text));
      expect(signature).toContain(formatChineseDate(publicity.startDate));
    });
  }

  it('prints the level and title: 初级（助理馆员）, 中级（馆员）', () => {
    expect(modelText(publicityNoticeForm.build(loadDossier('ayguli-junior'), CTX))).toContain(
      '档案系列档案专业初级（助理馆员）',
    );
    expect(modelText(publicityNoticeForm.build(loadDossier('zhang-yue-intermediate'), CTX))).toContain(
      '档案系列档案专业中级（馆员）',
    );
  });

  it('prints "无" for bater\'s empty achievement summary and missing current title', () => {
    const text = modelText(publicityNoticeForm.build(loadDossier('bater-initial'), CTX));
    expect(text).toContain('业绩成果：无');
    expect(text).toContain('现任专业技术职务任职资格：无');
  });

  it("accepts ayguli's publicity as given: 5 working days (9/29 is a make-up workday)", () => {
    const dossier = loadDossier('ayguli-junior');
    expect(publicityNoticeForm.requires?.(dossier)).toEqual([]);
    expect(modelText(publicityNoticeForm.build(dossier, CTX))).toContain('（共5个工作日）');
  });

  it("rejects ayguli's publicity moved to start 2024-09-27: 4 working days", () => {
    const dossier = loadDossier('ayguli-junior');
    const moved = { ...dossier, publicity: { ...dossier.publicity, startDate: '2024-09-27' } };
    const problems = publicityNoticeForm.requires?.(moved) ?? [];
    expect(problems).toHaveLength(1);
    expect(problems[0]?.code).toBe('PUBLICITY_TOO_SHORT');
    expect(problems[0]?.path).toBe('/publicity/endDate');
    expect(problems[0]?.message).toMatch(/4\s*个工作日/);
    expect(problems[0]?.messageEn).toMatch(/\b4\b/);
  });

  it('has a valid sample the form accepts and a readable file name', () => {
    const sample = DossierSchema.parse(publicityNoticeForm.sample());
    expect(publicityNoticeForm.requires?.(sample)).toEqual([]);
    expect(publicityNoticeForm.fileName(sample)).toBe('附件1-推荐单位公示-阿依古丽·买买提');
  });
});
