/**
 * Everything a form's input must pass before it is rendered, in one place for
 * the HTTP route and the command line: the schema (422 with every problem),
 * the query options, the form's own requirements (e.g. 公示 length), and the
 * printable-character check (422 GLYPH_MISSING).
 */
import { z } from 'zod';
import { AppError, type Problem } from '../errors.js';
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
  rejectUnknownOptions(form, query);
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
function rejectUnknownOptions(form: FormDefinition, query: unknown): void {
  if (query === null || typeof query !== 'object') return;
  const known = form.options instanceof z.ZodObject ? Object.keys(form.options.shape) : [];
  const unknown = Object.keys(query).filter((key) => !known.includes(key));
  if (unknown.length === 0) return;
  const takes = known.map((key) => `?${key}`);
  const details = unknown.map(
    (key): Problem => ({
      path: `/query/${key}`,
      code: 'UNKNOWN_KEY',
      ...(known.length === 0
        ? {
            message: `表单“${form.id}”不接受查询参数，请去掉“?${key}”`,
            messageEn: `Form "${form.id}" takes no query options; leave out "?${key}"`,
          }
        : {
            message: `不认识的查询参数“?${key}”（请检查拼写），此表单可用：${takes.join('、')}`,
            messageEn: `Unknown query option "?${key}" (check its spelling); this form takes ${takes.join(', ')}`,
          }),
    }),
  );
  throw new AppError('UNKNOWN_KEY', {
    details,
    zh: `请求地址中有 ${details.length} 个不认识的查询参数`,
    en: `${details.length} unknown query option${details.length === 1 ? '' : 's'} in the URL`,
  });
}
