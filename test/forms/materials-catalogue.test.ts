import { describe, expect, it } from 'vitest';
import { formatChineseYearMonth } from '../../src/domain/dates.js';
import { DossierSchema } from '../../src/domain/dossier.js';
import { materialsCatalogueForm } from '../../src/forms/materials-catalogue/index.js';
import { catalogueRows, CATALOGUE_ITEMS } from '../../src/forms/materials-catalogue/items.js';
import type { Document } from '../../src/document/model.js';
import { cellText, CTX, FIXTURE_NAMES, loadDossier, missingValues, modelText } from './model-walk.js';

/** The 序号/材料名称/件数 table as [name, count] pairs. */
function listRows(doc: Document): [string, string][] {
  const tables = doc.blocks.filter((b) => b.type === 'table');
  const list = tables[tables.length - 1];
  if (list?.type !== 'table') throw new Error('no list table');
  return list.rows.slice(1).map((r) => [cellText(r.cells[1]!), cellText(r.cells[2]!)]);
}

describe('materials-catalogue (附件6 申报材料目录)', () => {
  for (const name of FIXTURE_NAMES) {
    it(`builds for ${name} with the header fields and the 13 items`, () => {
      const dossier = loadDossier(name);
      const doc = materialsCatalogueForm.build(dossier, CTX);
      const { applicant } = dossier;
      expect(
        missingValues(doc, [
          applicant.prefecture,
          applicant.employer,
          applicant.name,
          applicant.gender,
          applicant.ethnicity,
          formatChineseYearMonth(applicant.birthDate),
          applicant.education.level,
          applicant.education.degree || '无',
          applicant.specialty,
          applicant.phone,
          applicant.currentTitle?.name ?? '无',
          dossier.application.targetTitle,
          `（${dossier.application.year}年度）`,
        ]),
      ).toEqual([]);
      const rows = listRows(doc);
      expect(rows).toHaveLength(13);
      expect(rows.map((r) => r[0])).toEqual(CATALOGUE_ITEMS.map((i) => i.name));
      const text = modelText(doc);
      for (const label of [
        '地州市',
        '单位',
        '最高学历（学位）',
        '联系电话（手机）',
        '拟评审职称',
        '序号',
        '材料名称',
        '件数',
      ]) {
        expect(text).toContain(label);
      }
      expect(text).toContain('第1—8项');
      expect(text).toContain('第9—12项');
    });
  }

  it('fills counts the notice fixes, counts from the dossier, and a handwriting space where unknown', () => {
    const dossier = loadDossier('zhang-yue-intermediate');
    const rows = new Map(listRows(materialsCatalogueForm.build(dossier, CTX)));
    expect(rows.get('专业技术职务任职资格评审表')).toBe('2');
    expect(rows.get('现实表现政治鉴定（原件）')).toBe('1');
    expect(rows.get('身份证复印件')).toBe('1');
    expect(rows.get('年度考核表')).toBe('3');
    expect(rows.get('论文、著作')).toBe(String(dossier.papers.length));
    expect(rows.get('任现职以来个人业务技术总结')).toBe('1');
    expect(rows.get('其他证明材料')).toBe('');
    const bater = new Map(listRows(materialsCatalogueForm.build(loadDossier('bater-initial'), CTX)));
    expect(bater.get('论文、著作')).toBe('无');
    // Only the notice's years (2021–2023 for 2024) count; an older 考核表 is not asked for.
    const older = {
      ...dossier,
      assessments: [
        { year: 2019, result: '合格' as const },
        { year: 2023, result: '合格' as const },
      ],
    };
    expect(new Map(listRows(materialsCatalogueForm.build(older, CTX))).get('年度考核表')).toBe('1');
  });

  it('prints no "无" for 张玥\'s 继续教育 (five years of records) and 学历证明 (a degree, a title, an award)', () => {
    const dossier = loadDossier('zhang-yue-intermediate');
    const doc = materialsCatalogueForm.build(dossier, CTX);
    const rows = listRows(doc);
    expect(rows[4]).toEqual(['继续教育合格证书', '']);
    expect(rows[10]).toEqual(['学历证明及职称、获奖证书', '']);
    // Left for the applicant's hand, and marked so (not an accidental blank).
    const list = doc.blocks.filter((b) => b.type === 'table').at(-1);
    if (list?.type !== 'table') throw new Error('no list table');
    expect(list.rows[5]!.cells[2]!.space).toBe('handwriting');
    expect(list.rows[11]!.cells[2]!.space).toBe('handwriting');
    // "无" only where the dossier shows there is none: no study records and no exemption.
    const none = { ...dossier, continuingEducation: [] };
    expect(listRows(materialsCatalogueForm.build(none, CTX))[4]).toEqual(['继续教育合格证书', '无']);
    // An exempt applicant's 附件4 stands for item 5.
    expect(listRows(materialsCatalogueForm.build(loadDossier('ayguli-junior'), CTX))[4]).toEqual([
      '继续教育合格证书',
      '1',
    ]);
    // Counts the dossier's materials give replace the blank.
    const counted = { ...dossier, materials: [{ name: '学历证书', count: 3 }] };
    expect(listRows(materialsCatalogueForm.build(counted, CTX))[10]).toEqual(['学历证明及职称、获奖证书', '3']);
  });

  it('takes counts from materials by name and appends unknown materials', () => {
    const dossier = loadDossier('ayguli-junior');
    const withMaterials = {
      ...dossier,
      materials: [
        { name: '评审表', count: 3 },
        { name: '继续教育培训合格证书', count: 4 },
        { name: '驻村工作证明', count: 1 },
      ],
    };
    const rows = catalogueRows(withMaterials);
    expect(rows.find((r) => r.name === '专业技术职务任职资格评审表')?.count).toBe(3);
    expect(rows.find((r) => r.name === '继续教育合格证书')?.count).toBe(4);
    expect(rows).toHaveLength(14);
    expect(rows[13]).toEqual({ name: '驻村工作证明', count: 1 });
    const doc = materialsCatalogueForm.build(withMaterials, CTX);
    expect(listRows(doc)[13]).toEqual(['驻村工作证明', '1']);
  });

  it('has a valid sample and a readable file name', () => {
    const sample = DossierSchema.parse(materialsCatalogueForm.sample());
    expect(materialsCatalogueForm.fileName(sample)).toBe('附件6-申报材料目录-张玥');
  });
});
