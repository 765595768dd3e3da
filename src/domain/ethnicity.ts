/**
 * 族别: the 56 groups of GB/T 3304-1991, in code order (01 汉族 … 56 基诺族).
 * Forms print the full name with 族; the short form ("维吾尔", "蒙古") and the
 * old spelling 毛难族 are accepted on input and stored in full.
 */

export const ETHNIC_GROUPS = [
  '汉族',
  '蒙古族',
  '回族',
  '藏族',
  '维吾尔族',
  '苗族',
  '彝族',
  '壮族',
  '布依族',
  '朝鲜族',
  '满族',
  '侗族',
  '瑶族',
  '白族',
  '土家族',
  '哈尼族',
  '哈萨克族',
  '傣族',
  '黎族',
  '傈僳族',
  '佤族',
  '畲族',
  '高山族',
  '拉祜族',
  '水族',
  '东乡族',
  '纳西族',
  '景颇族',
  '柯尔克孜族',
  '土族',
  '达斡尔族',
  '仫佬族',
  '羌族',
  '布朗族',
  '撒拉族',
  '毛南族',
  '仡佬族',
  '锡伯族',
  '阿昌族',
  '普米族',
  '塔吉克族',
  '怒族',
  '乌孜别克族',
  '俄罗斯族',
  '鄂温克族',
  '德昂族',
  '保安族',
  '裕固族',
  '京族',
  '塔塔尔族',
  '独龙族',
  '鄂伦春族',
  '赫哲族',
  '门巴族',
  '珞巴族',
  '基诺族',
] as const;

export type EthnicGroup = (typeof ETHNIC_GROUPS)[number];

const FULL: ReadonlySet<string> = new Set(ETHNIC_GROUPS);
const ALIASES: Readonly<Record<string, EthnicGroup>> = { 毛难族: '毛南族', 毛难: '毛南族' };

/** The full GB/T 3304 name for a full or short form, or null when it is not one of the 56. */
export function canonicalEthnicity(raw: string): EthnicGroup | null {
  const value = raw.replace(/\s+/gu, '');
  if (FULL.has(value)) return value as EthnicGroup;
  const alias = ALIASES[value];
  if (alias) return alias;
  // "土" is a group name in its own right (土族), so the short form is always name + 族.
  if (value !== '' && FULL.has(`${value}族`)) return `${value}族` as EthnicGroup;
  return null;
}
