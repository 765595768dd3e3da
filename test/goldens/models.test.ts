/**
 * Goldens: every form's document model for every fixture, as JSON files under
 * test/goldens/models/. A change in wording, layout data or order shows as a
 * diff to review. Regenerate on purpose only: `npm run golden:update`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/document/model.js';
import { FORMS } from '../../src/forms/registry.js';
import type { FormContext } from '../../src/forms/types.js';

const FIXTURES = ['ayguli-junior', 'bater-initial', 'zhang-yue-intermediate'] as const;
const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../fixtures/dossiers/${name}.json`, import.meta.url), 'utf8'));
const unit = (JSON.parse(readFileSync(new URL('../fixtures/roster-unit.json', import.meta.url), 'utf8')) as { unit: unknown }).unit;

const ctx: FormContext = {
  now: new Date('2024-09-20T02:00:00Z'),
  options: {},
  settings: { watermarkText: '档案系列职称评审专用' },
  signer: { sign: () => ({ serial: 'RF-2024-GOLDEN00', code: 'golden-code' }) },
};

/** The model as stable JSON: dates as ISO strings, bytes as their length. */
function serialise(doc: Document): string {
  return `${JSON.stringify(
    doc,
    (_key, value: unknown) => (value instanceof Uint8Array ? { bytes: value.length } : value),
    2,
  )}\n`;
}

describe('document model goldens', () => {
  for (const form of FORMS) {
    const inputs: [string, unknown][] =
      form.id === 'roster' ? [['all', { unit, dossiers: FIXTURES.map(fixture) }]] : FIXTURES.map((name) => [name, fixture(name)]);
    for (const [name, raw] of inputs) {
      const parsed = form.accept(raw);
      // 附件4 exists only for an applicant who asks for the exemption.
      if (!parsed.ok || parsed.value.requires().length > 0) continue;
      const input = parsed.value;
      it(`${form.id} × ${name}`, async () => {
        const options = form.options ? form.options.parse({}) : {};
        const doc = input.build({ ...ctx, options });
        await expect(serialise(doc)).toMatchFileSnapshot(`./models/${form.id}--${name}.json`);
      });
    }
  }
});
