/**
 * What a 免除继续教育学习 application (附件4) covers. Its reason is free text
 * such as "……申请免除2024年度专业科目继续教育学习": we take the years it names
 * ("2019年3月至2021年12月" counts as 2019–2021) and the kinds it names (公需,
 * 专业); a reason that names no year covers every year, one that names neither
 * kind covers both.
 */

export type CeKind = 'public' | 'professional';

export interface CeCoverage {
  /** null: every year. */
  readonly years: ReadonlySet<number> | null;
  readonly kinds: ReadonlySet<CeKind>;
}

export function ceExemptionCoverage(exemption: { readonly reason: string; readonly category: string }): CeCoverage {
  const text = `${exemption.reason} ${exemption.category}`;
  const years = new Set<number>();
  for (const m of text.matchAll(/((?:19|20)\d{2})\s*年[^至到—–-]{0,8}?(?:至|到|—|–|-)\s*((?:19|20)\d{2})\s*年/gu)) {
    const [from, to] = [Number(m[1]), Number(m[2])];
    for (let y = Math.min(from, to); y <= Math.max(from, to); y++) years.add(y);
  }
  for (const m of text.matchAll(/((?:19|20)\d{2})\s*年/gu)) years.add(Number(m[1]));
  const kinds = new Set<CeKind>();
  if (/公需/u.test(text)) kinds.add('public');
  if (/专业/u.test(text)) kinds.add('professional');
  if (kinds.size === 0) {
    kinds.add('public');
    kinds.add('professional');
  }
  return { years: years.size > 0 ? years : null, kinds };
}

export function ceExemptionCovers(coverage: CeCoverage, year: number, kind: CeKind): boolean {
  return (coverage.years === null || coverage.years.has(year)) && coverage.kinds.has(kind);
}
