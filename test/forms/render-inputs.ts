/**
 * Inputs for rendering every registered form (fixtures, or the roster of all
 * three), and the text a rendered file must contain.
 */
import { FORMS } from '../../src/forms/registry.js';
import type { AcceptedInput, FormDefinition, Format } from '../../src/forms/types.js';
import { FIXTURE_NAMES, loadDossier, loadRosterInput, modelTexts, squeeze, CTX } from './model-walk.js';
import type { Document } from '../../src/document/model.js';

/** The forms this project's tests render (the review form has its own tests). */
const RENDERED_FORMS: readonly FormDefinition[] = FORMS.filter((form) => form.id !== 'review-form');

export interface RenderCase {
  readonly form: FormDefinition;
  readonly name: string;
  readonly input: unknown;
}

export function renderCases(format: Format): RenderCase[] {
  return RENDERED_FORMS.filter((form) => form.formats.includes(format)).flatMap((form): RenderCase[] =>
    form.id === 'roster'
      ? [{ form, name: 'roster', input: loadRosterInput() }]
      : FIXTURE_NAMES.map((name) => ({ form, name, input: loadDossier(name) })),
  );
}

/** The input as the form accepts it; a test input the schema refuses is a broken test. */
export function acceptOrThrow(form: FormDefinition, input: unknown): AcceptedInput {
  const accepted = form.accept(input);
  if (!accepted.ok) throw new Error(`${form.id}: test input refused: ${JSON.stringify(accepted.problems)}`);
  return accepted.value;
}

export function buildCase(form: FormDefinition, input: unknown): Document {
  return acceptOrThrow(form, input).build(CTX);
}

/** Model texts (paragraphs, cells, signature lines) absent from `rendered` (whitespace ignored). */
export function textsMissingFrom(doc: Document, rendered: string): string[] {
  const haystack = squeeze(rendered);
  return modelTexts(doc)
    .map(squeeze)
    .filter((text) => text !== '' && !haystack.includes(text));
}
