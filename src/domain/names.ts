/**
 * Personal names. The separator of minority and transliterated names is
 * U+00B7 "·" (2018 国家民委 rule on name collection; W3C clreq 间隔号).
 * Legacy GB2312 data brings U+30FB, typing brings •, ‧, ∙, ⋅, ･ or ．, often with
 * spaces around: all of them become one U+00B7 with no spaces.
 */

export const NAME_DOT = '\u00B7';
/** The rule asks systems to take at least 50 characters; longer is refused. */
export const NAME_MAX_CODE_POINTS = 50;

// U+0387 (Greek ano teleia) and U+2E31 (word separator middle dot) render the same and arrive by copy-paste too.
const DOT_LIKE = /\s*[\u00B7\u0387\u2022\u2027\u2219\u22C5\u2E31\u30FB\uFF65]\s*/gu;
// A full-width full stop is a separator, except after a single Latin initial (clreq: "Ｂ．盖茨").
const FULLWIDTH_STOP = /(^|[^A-Za-zＡ-Ｚａ-ｚ])\s*\uFF0E\s*/gu;
/** An ASCII full stop typed between two Chinese characters (阿依古丽.买买提) means the name dot. */
const HAN_STOP_HAN = /(\p{Script=Han})\s*\.\s*(?=\p{Script=Han})/gu;

/** Normalises separators and whitespace; does not judge validity. */
export function normaliseName(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(FULLWIDTH_STOP, (_m, before: string) => before + NAME_DOT)
    .replace(HAN_STOP_HAN, `$1${NAME_DOT}`)
    .replace(DOT_LIKE, NAME_DOT)
    .replace(/\s+/gu, ' ')
    .trim();
}

export type NameProblem = 'NAME_EMPTY' | 'NAME_TOO_LONG' | 'NAME_DIGITS' | 'NAME_DOT_POSITION';

/** What is wrong with a normalised name; empty when it is acceptable. */
export function nameProblems(name: string): NameProblem[] {
  const chars = Array.from(name);
  if (chars.length === 0) return ['NAME_EMPTY'];
  const problems: NameProblem[] = [];
  if (chars.length > NAME_MAX_CODE_POINTS) problems.push('NAME_TOO_LONG');
  if (/\p{Nd}/u.test(name)) problems.push('NAME_DIGITS');
  if (name.startsWith(NAME_DOT) || name.endsWith(NAME_DOT) || name.includes(NAME_DOT + NAME_DOT)) {
    problems.push('NAME_DOT_POSITION');
  }
  return problems;
}
