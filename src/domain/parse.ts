/**
 * One call to validate input against the dossier rules and get either the
 * normalised value or every problem found (never only the first).
 */
import type { z } from 'zod';
import type { Problem } from '../errors.js';
import { DossierSchema, RosterInputSchema, type Dossier, type RosterInput } from './dossier.js';
import { problemsFromZodError } from './problems.js';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** Any schema: the parsed value, or every problem with its JSON pointer under `basePath`. */
export function parseWith<T>(schema: z.ZodType<T>, input: unknown, basePath = ''): ParseResult<T> {
  const result = schema.safeParse(input);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, problems: problemsFromZodError(result.error, basePath) };
}

export function parseDossier(input: unknown, basePath = ''): ParseResult<Dossier> {
  return parseWith(DossierSchema, input, basePath);
}

export function parseRosterInput(input: unknown, basePath = ''): ParseResult<RosterInput> {
  return parseWith(RosterInputSchema, input, basePath);
}
