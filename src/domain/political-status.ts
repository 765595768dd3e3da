/**
 * 政治面貌: the 13 values of GB/T 4762-1984. Forms print the usual short form;
 * the standard's full names (and a few everyday variants) are accepted on input
 * and stored as the short form.
 */

export const POLITICAL_STATUSES = [
  '中共党员',
  '中共预备党员',
  '共青团员',
  '民革会员',
  '民盟盟员',
  '民建会员',
  '民进会员',
  '农工党党员',
  '致公党党员',
  '九三学社社员',
  '台盟盟员',
  '无党派人士',
  '群众',
] as const;

export type PoliticalStatus = (typeof POLITICAL_STATUSES)[number];

/** GB/T 4762 full names and common variants → the short form. */
const LONG_FORMS: Readonly<Record<string, PoliticalStatus>> = {
  中国共产党党员: '中共党员',
  共产党员: '中共党员',
  中国共产党预备党员: '中共预备党员',
  预备党员: '中共预备党员',
  中国共产主义青年团团员: '共青团员',
  共青团团员: '共青团员',
  中国国民党革命委员会会员: '民革会员',
  中国民主同盟盟员: '民盟盟员',
  中国民主建国会会员: '民建会员',
  中国民主促进会会员: '民进会员',
  中国农工民主党党员: '农工党党员',
  中国致公党党员: '致公党党员',
  台湾民主自治同盟盟员: '台盟盟员',
  无党派民主人士: '无党派人士',
};

const SHORT: ReadonlySet<string> = new Set(POLITICAL_STATUSES);

/** The short form for any accepted spelling, or null. */
export function canonicalPoliticalStatus(raw: string): PoliticalStatus | null {
  const value = raw.replace(/\s+/gu, '');
  if (SHORT.has(value)) return value as PoliticalStatus;
  return LONG_FORMS[value] ?? null;
}
