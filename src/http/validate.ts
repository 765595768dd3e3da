/**
 * Request validation: zod schemas in, AppErrors with JSON-pointer problems out.
 */
import type { z } from 'zod';
import { problemsFromZodError } from '../domain/problems.js';
import { AppError, ERROR_CODES, validationError, type ErrorCode, type Problem } from '../errors.js';

/**
 * Parses `value` or throws 422 listing every problem, paths under `basePath`:
 * VALIDATION_FAILED, or the problem's own code when it is the only one and has
 * its own entry in the error table (ROSTER_EMPTY).
 */
export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, basePath = ''): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw problemsError(problemsFromZodError(result.error, basePath));
}

/**
 * A 422 for problems found beyond the schema. A single problem whose code is in
 * the error table (e.g. PUBLICITY_TOO_SHORT) lends the response its code, so a
 * caller can switch on it; otherwise it is VALIDATION_FAILED with every problem.
 */
export function problemsError(problems: readonly Problem[]): AppError {
  const [only] = problems;
  if (problems.length === 1 && only !== undefined && isErrorCode(only.code) && ERROR_CODES[only.code].status === 422) {
    return new AppError(only.code, { details: problems, zh: only.message, en: only.messageEn });
  }
  return validationError(problems);
}

function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_CODES, code);
}
