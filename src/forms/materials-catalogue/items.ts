/**
 * The notice's paper materials (五（四）1–13) under short names, with the
 * count the notice fixes where it fixes one, and the dossier's `materials`
 * matched onto them by name.
 */
import type { Dossier } from '../../domain/dossier.js';
import { assessmentYears } from '../../domain/windows.js';

export interface CatalogueItem {
  readonly name: string;
  /** Parts of a material's name that identify this item ("评审表" → item 4). */
  readonly aliases: readonly string[];
  /** The count the notice fixes, or one the dossier determines; null when unknown. */
  readonly defaultCount: (dossier: Dossier) => number | null;
}

const fixed = (count: number) => () => count;

function assessedYears(dossier: Dossier): number {
  const window = new Set(assessmentYears(dossier.application.year));
  return new Set(dossier.assessments.map((a) => a.year).filter((year) => window.has(year))).size;
}
const unknown = () => null;

export const CATALOGUE_ITEMS: readonly CatalogueItem[] = [
  { name: '现实表现政治鉴定（原件）', aliases: ['政治鉴定', '现实表现'], defaultCount: fixed(1) },
  { name: '所在单位性质证明', aliases: ['单位性质'], defaultCount: fixed(1) },
  // "评审人员公示及公示结果各1份".
  { name: '推荐单位公示及公示结果', aliases: ['公示'], defaultCount: fixed(2) },
  { name: '专业技术职务任职资格评审表', aliases: ['评审表'], defaultCount: fixed(2) },
  { name: '继续教育合格证书', aliases: ['继续教育'], defaultCount: unknown },
  { name: '身份证复印件', aliases: ['身份证'], defaultCount: fixed(1) },
  { name: '任现职以来个人业务技术总结', aliases: ['总结'], defaultCount: fixed(1) },
  // The service makes this certificate from the work history.
  {
    name: '从事档案专业技术工作经历证明',
    aliases: ['工作经历', '经历证明'],
    defaultCount: (d) => (d.workHistory.length > 0 ? 1 : null),
  },
  { name: '论文、著作', aliases: ['论文', '著作'], defaultCount: (d) => d.papers.length || null },
  // One 考核表 for each of the notice's three years (2021–2023 for 2024) the dossier lists.
  { name: '年度考核表', aliases: ['考核'], defaultCount: (d) => assessedYears(d) || null },
  { name: '学历证明及职称、获奖证书', aliases: ['学历', '学信', '职称证书', '获奖', '证书'], defaultCount: unknown },
  { name: '个人承诺书（原件）', aliases: ['承诺书'], defaultCount: fixed(1) },
  { name: '其他证明材料', aliases: ['其他'], defaultCount: unknown },
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

/** The 13 items with their counts, then materials that match none of them. */
export function catalogueRows(dossier: Dossier): CatalogueRow[] {
  const counts = CATALOGUE_ITEMS.map((item) => item.defaultCount(dossier));
  const given = CATALOGUE_ITEMS.map(() => false);
  const extra = new Map<string, number>();
  for (const material of dossier.materials) {
    const index = matchItem(material.name);
    if (index < 0) {
      const name = material.name.trim();
      extra.set(name, (extra.get(name) ?? 0) + material.count);
      continue;
    }
    // The dossier's own figures replace the default; several entries for one item add up.
    counts[index] = (given[index] ? (counts[index] ?? 0) : 0) + material.count;
    given[index] = true;
  }
  return [
    ...CATALOGUE_ITEMS.map((item, index) => ({ name: item.name, count: counts[index] ?? null })),
    ...[...extra].map(([name, count]) => ({ name, count })),
  ];
}
