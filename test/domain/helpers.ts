import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const FIXTURES = ['ayguli-junior', 'bater-initial', 'zhang-yue-intermediate'] as const;

/** A fresh, mutable copy of a fixture dossier as raw JSON. */
// biome-ignore lint/suspicious/noExplicitAny: raw JSON that the tests read and edit freely
export function fixture(name: (typeof FIXTURES)[number]): any {
  const url = new URL(`../fixtures/dossiers/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(fileURLToPath(url), 'utf8'));
}
