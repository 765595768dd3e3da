/**
 * Everything a form's input must pass before it is rendered, in one place for
 * the HTTP route and the command line: the schema (422 with every problem),
 * the query options, the form's own requirements (e.g. 公示 length), and the
 * printable-character check (422 GLYPH_MISSING).
 */
import { z } from 'zod';
import { unknownKeyProblem } from '../domain/problems.js';
import { AppError, type Problem, validationError } from '../errors.js';
import type { AcceptedInput, FormDefinition } from '../forms/types.js';
import { parseOrThrow, problemsError } from './validate.js';

export interface PreparedInput {
  readonly input: AcceptedInput;
  readonly options: Readonly<Record<string, unknown>>;
}

export type FindMissingGlyphs = (value: unknown, basePath?: string) => Promise<readonly Problem[]>;

export async function prepareFormInput(
  form: FormDefinition,
  body: unknown,
  query: unknown,
  findMissingGlyphs: FindMissingGlyphs,
): Promise<PreparedInput> {
  const accepted = form.accept(body);
  if (!accepted.ok) throw problemsError(accepted.problems); // VALIDATION_FAILED, or ROSTER_EMPTY alone
  const input = accepted.value;
  rejectUnknownOptions(form.options, query);
  const options = form.options === undefined ? {} : parseOrThrow(form.options, query ?? {}, '/query');
  const required = input.requires();
  if (required.length > 0) throw problemsError(required);
  const missing = await findMissingGlyphs(input.value);
  if (missing.length > 0) throw new AppError('GLYPH_MISSING', { details: missing });
  return { input, options };
}

/**
 * A query option the form does not take (`?copy=1` for `?copies=1`, or any
 * option on a form without options) is a 422 UNKNOWN_KEY at /query/<name>,
 * never silently ignored.
 */
function rejectUnknownOptions(schema: FormDefinition['options'], query: unknown): void {
  if (query === null || typeof query !== 'object') return;
  const known = schema instanceof z.ZodObject ? new Set(Object.keys(schema.shape)) : new Set<string>();
  const unknown = Object.keys(query).filter((key) => !known.has(key));
  if (unknown.length > 0) throw validationError(unknown.map((key) => unknownKeyProblem(['query', key])));
}
