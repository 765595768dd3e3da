/**
 * The notice's paper materials (四（四）1–13) under short names, with the
 * count the notice fixes where it fixes one, whether the notice requires the
 * item, and the dossier's `materials` matched onto them by name.
 *
 * A count is a number of pieces; 0 means the dossier shows there is none
 * (printed "无"); null means this service cannot know (left as a marked
 * handwriting space, never "无": on an envelope "无" reads as "not submitted").
 */
import type { Dossier } from '../../domain/dossier.js';
import { assessmentYears } from '../../domain/windows.js';

export interface CatalogueItem {
  readonly name: string;
  /** Parts of a material's name that identify this item ("评审表" → item 4). */
  readonly aliases: readonly string[];
  /** The count the notice fixes, or one the dossier determines; 0 when it shows none; null when unknown. */
  readonly defaultCount: (dossier: Dossier) => number | null;
  /** Whether the notice requires this item of this applicant. */
  readonly required: (dossier: Dossier) => boolean;
}

const fixed = (count: number) => () => count;

function assessedYears(dossier: Dossier): number {
  const window = new Set(assessmentYears(dossier.application.year));
  return new Set(dossier.assessments.map((a) => a.year).filter((year) => window.has(year))).size;
}
const unknown = () => null;
const always = () => true;

/** 继续教育: 附件4 stands for it when the applicant is exempt; study records mean certificates of unknown number. */
function continuingEducationCount(d: Dossier): number | null {
  if (d.ceExemption !== null) return 1;
  return d.continuingEducation.length > 0 ? null : 0;
}

export const CATALOGUE_ITEMS: readonly CatalogueItem[] = [
  { name: '现实表现政治鉴定（原件）', aliases: ['政治鉴定', '现实表现'], defaultCount: fixed(1), required: always },
  { name: '所在单位性质证明', aliases: ['单位性质'], defaultCount: fixed(1), required: always },
  // "评审人员公示及公示结果各1份".
  { name: '推荐单位公示及公示结果', aliases: ['公示'], defaultCount: fixed(2), required: always },
  { name: '专业技术职务任职资格评审表', aliases: ['评审表'], defaultCount: fixed(2), required: always },
  { name: '继续教育合格证书', aliases: ['继续教育'], defaultCount: continuingEducationCount, required: always },
  { name: '身份证复印件', aliases: ['身份证'], defaultCount: fixed(1), required: always },
  { name: '任现职以来个人业务技术总结', aliases: ['总结'], defaultCount: fixed(1), required: always },
  // The service makes this certificate from the work history; without one it cannot know.
  {
    name: '从事档案专业技术工作经历证明',
    aliases: ['工作经历', '经历证明'],
    defaultCount: (d) => (d.workHistory.length > 0 ? 1 : null),
    required: always,
  },
  // Required of those whose dossier lists papers: the 评审条件 weigh them.
  {
    name: '论文、著作',
    aliases: ['论文', '著作'],
    defaultCount: (d) => d.papers.length,
    required: (d) => d.papers.length > 0,
  },
  // One 考核表 for each of the notice's three years (2021–2023 for 2024) the dossier lists.
  { name: '年度考核表', aliases: ['考核'], defaultCount: assessedYears, required: always },
  // Every applicant has a 学历; how many certificates (degree, titles, awards) only the applicant knows.
  {
    name: '学历证明及职称、获奖证书',
    aliases: ['学历', '学信', '职称证书', '获奖', '证书'],
    defaultCount: unknown,
    required: always,
  },
  { name: '个人承诺书（原件）', aliases: ['承诺书'], defaultCount: fixed(1), required: always },
  { name: '其他证明材料', aliases: ['其他'], defaultCount: unknown, required: () => false },
];

export interface CatalogueRow {
  readonly name: string;
  readonly count: number | null;
}

function matchItem(materialName: string): number {
  const name = materialName.trim();
  const exact = CATALOGUE_ITEMS.findIndex((item) => item.name === name);
  if (exact >= 0) return exact;
  return CATALOGUE_ITEMS.findIndex((item) => item.aliases.some((alias) => name.includes(alias)));
}

/** The dossier's `materials` matched onto the 13 items (undefined where it lists none), and the rest by name. */
export function declaredMaterials(dossier: Dossier): { byItem: (number | undefined)[]; extra: Map<string, number> } {
  const byItem: (number | undefined)[] = CATALOGUE_ITEMS.map(() => undefined);
  const extra = new Map<string, number>();
  for (const material of dossier.materials) {
    const index = matchItem(material.name);
    if (index < 0) {
      const name = material.name.trim();
      extra.set(name, (extra.get(name) ?? 0) + material.count);
      continue;
    }
    // Several entries for one item add up.
    byItem[index] = (byItem[index] ?? 0) + material.count;
  }
  return { byItem, extra };
}

/** The 13 items with their counts, then materials that match none of them. */
export function catalogueRows(dossier: Dossier): CatalogueRow[] {
  const declared = declaredMaterials(dossier);
  return [
    // The dossier's own figures replace the default.
    ...CATALOGUE_ITEMS.map((item, index) => ({
      name: item.name,
      count: declared.byItem[index] ?? item.defaultCount(dossier),
    })),
    ...[...declared.extra].map(([name, count]) => ({ name, count })),
  ];
}
