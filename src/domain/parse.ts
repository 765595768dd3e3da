/**
 * One call to validate input against the dossier rules and get either the
 * normalised value or every problem found (never only the first).
 */
import type { Problem } from '../errors.js';
import { DossierSchema, RosterInputSchema, type Dossier, type RosterInput } from './dossier.js';
import { problemsFromZodError } from './problems.js';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export function parseDossier(input: unknown, basePath = ''): ParseResult<Dossier> {
  const result = DossierSchema.safeParse(input);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, problems: problemsFromZodError(result.error, basePath) };
}

export function parseRosterInput(input: unknown, basePath = ''): ParseResult<RosterInput> {
  const result = RosterInputSchema.safeParse(input);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, problems: problemsFromZodError(result.error, basePath) };
}
