/**
 * 答辩 exemption (notice 六): who need not defend in person, and why.
 *
 * 六（一）"在县级以下基层单位工作的专业技术人员" — we read 县级以下 as including
 * the county level itself: in Chinese legal drafting 以上/以下 include the stated
 * level (《刑法》第九十九条, 《民法典》第一千二百五十九条), and docs/domain.md and the
 * API's example (a 县级 archives with "县级以下基层单位") read it the same way. So
 * unitLevel "county" and "township" are exempt; "prefecture" is not.
 */
import type { Dossier } from './dossier.js';
import { titleLevel } from './titles.js';

const DEFENSE_REASON_JUNIOR = '申报初级专业技术职务任职资格';
const DEFENSE_REASON_GRASSROOTS = '在县级以下基层单位工作';

/** Postings of 六（一）: a keyword seen in a post or the CE exemption category → the reason printed. */
const POSTINGS: readonly (readonly [RegExp, string])[] = [
  [/访惠聚/u, '参加“访惠聚”驻村工作'],
  [/寺管会|管寺/u, '参加寺管会工作'],
  [/支教/u, '参加南疆学前教育支教工作'],
  [/第一书记/u, '担任深度贫困村第一书记'],
];

/** Counties whose staff are exempt by name (六（一）). */
const EXEMPT_COUNTIES = ['且末县', '若羌县'] as const;

type DefenseInput = Pick<Dossier, 'applicant' | 'application' | 'workHistory' | 'ceExemption'>;

/** Every reason that applies, in the notice's order of strength (初级 first). */
export function defenseExemptionReasons(dossier: DefenseInput): string[] {
  const reasons: string[] = [];
  if (titleLevel(dossier.application.targetTitle) === '初级') reasons.push(DEFENSE_REASON_JUNIOR);
  const postingTexts = [...dossier.workHistory.map((p) => p.post), dossier.ceExemption?.category ?? ''];
  for (const [pattern, reason] of POSTINGS) {
    if (postingTexts.some((t) => pattern.test(t))) reasons.push(reason);
  }
  const county = EXEMPT_COUNTIES.find((c) => dossier.applicant.county.includes(c));
  if (county) reasons.push(`在${county}工作`);
  if (dossier.applicant.unitLevel === 'county' || dossier.applicant.unitLevel === 'township') {
    reasons.push(DEFENSE_REASON_GRASSROOTS);
  }
  const stated = dossier.application.defenseExemption?.trim();
  if (stated && !reasons.includes(stated)) reasons.push(stated);
  return reasons;
}

/** The reason the forms print for 免于答辩, or null when the applicant must defend. */
export function defenseExemptionReason(dossier: DefenseInput): string | null {
  return defenseExemptionReasons(dossier)[0] ?? null;
}
