/**
 * 18-digit 公民身份号码 (GB 11643-1999): 6-digit address code, 8-digit birth
 * date, 3-digit sequence (17th digit odd = 男, even = 女), ISO 7064 MOD 11-2
 * check character. People are born all over China, so any valid province code
 * is accepted, not only Xinjiang's 65.
 */
import { isIsoDate } from './dates.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** First two digits of GB/T 2260 codes; 71 台湾, 81/82 港澳 and 83 (Taiwan residents' permits) included. */
const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);

/** Drops whitespace (numbers are often pasted in groups) and upper-cases the check character x → X. */
export function normaliseIdNumber(raw: string): string {
  return raw.replace(/[\s\u3000]+/gu, '').toUpperCase();
}

/** The check character for the first 17 digits. */
export function idCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('Expected 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** True when the string has the 17-digits-plus-check-character shape. */
export function hasIdShape(id: string): boolean {
  return /^\d{17}[\dX]$/.test(id);
}

export function hasValidCheckChar(id: string): boolean {
  return hasIdShape(id) && idCheckChar(id.slice(0, 17)) === id[17];
}

/** Birth date in the ID as "YYYY-MM-DD" (not checked for existence). */
export function idBirthDate(id: string): string {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/** 性别 from the 17th digit. */
export function idGender(id: string): '男' | '女' {
  return Number(id[16]) % 2 === 1 ? '男' : '女';
}

export type IdProblem = 'ID_FORMAT' | 'ID_PROVINCE' | 'ID_BIRTHDATE_INVALID' | 'ID_CHECKSUM';

/**
 * What is wrong with an (already normalised) ID number; empty when it is valid.
 * `today` ("YYYY-MM-DD") bounds the birth date.
 */
export function idNumberProblems(id: string, today: string): IdProblem[] {
  if (!hasIdShape(id)) return ['ID_FORMAT'];
  const problems: IdProblem[] = [];
  if (!PROVINCE_CODES.has(id.slice(0, 2))) problems.push('ID_PROVINCE');
  const birth = idBirthDate(id);
  if (!isIsoDate(birth) || birth < '1900-01-01' || birth > today) problems.push('ID_BIRTHDATE_INVALID');
  if (!hasValidCheckChar(id)) problems.push('ID_CHECKSUM');
  return problems;
}
