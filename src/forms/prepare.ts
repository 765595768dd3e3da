/**
 * Everything a form's input must pass before it is rendered, in one place for
 * the HTTP route and the command line: the schema (422 with every problem),
 * the query options, the form's own requirements (e.g. 公示 length), and the
 * printable-character check (422 GLYPH_MISSING).
 */
import { AppError, type Problem } from '../errors.js';
import { parseOrThrow, problemsError } from '../http/validate.js';
import type { FormDefinition } from './types.js';

export interface PreparedInput {
  readonly input: unknown;
  readonly options: Readonly<Record<string, unknown>>;
}

export type FindMissingGlyphs = (value: unknown, basePath?: string) => Promise<readonly Problem[]>;

export async function prepareFormInput(
  form: FormDefinition,
  body: unknown,
  query: unknown,
  findMissingGlyphs: FindMissingGlyphs,
): Promise<PreparedInput> {
  const input = parseOrThrow(form.input, body);
  const options = form.options === undefined ? {} : parseOrThrow(form.options, query ?? {}, '/query');
  const required = form.requires?.(input) ?? [];
  if (required.length > 0) throw problemsError(required);
  const missing = await findMissingGlyphs(input);
  if (missing.length > 0) throw new AppError('GLYPH_MISSING', { details: missing });
  return { input, options };
}
