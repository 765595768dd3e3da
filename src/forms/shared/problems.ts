/**
 * Problems a form's `requires` reports: the same shape as validation problems.
 */
import type { Problem } from '../../errors.js';

export function problem(path: string, code: string, message: string, messageEn: string): Problem {
  return { path, code, message, messageEn };
}
