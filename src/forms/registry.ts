/**
 * The list of forms. Routes, OpenAPI and tests are generated from it, so a
 * form added here appears everywhere at once.
 */
import type { FormDefinition } from './types.js';

export const FORMS: readonly FormDefinition[] = [];

const BY_ID = new Map(FORMS.map((form) => [form.id, form]));

export function findForm(id: string): FormDefinition | undefined {
  return BY_ID.get(id);
}
