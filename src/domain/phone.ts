/**
 * Phone numbers as the forms take them: a mainland mobile (1[3-9] + 9 digits)
 * or a landline with its area code (0 + 2–3 digits, optional hyphen, 7–8
 * digits), optionally with an extension ("-123", "转123").
 */

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}(?:(?:-|转|#)\d{1,6})?$/;

/** Drops the spaces people type inside numbers ("138 9901 2345"). */
export function normalisePhone(raw: string): string {
  return raw.replace(/[\s\u3000]+/gu, '');
}

export function isValidPhone(phone: string): boolean {
  return MOBILE.test(phone) || LANDLINE.test(phone);
}
