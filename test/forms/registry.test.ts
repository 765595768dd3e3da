/**
 * Checks over every registered form: metadata, samples, file names, and the
 * notice's "no blank field" rule (only signature/seal/thumbprint/photo spaces
 * may be empty, and they must say so).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMS, type FormId, findForm } from '../../src/forms/registry.js';
import { FORMATS } from '../../src/forms/types.js';
import { acceptOrThrow } from './render-inputs.js';
import { allCells, cellText, CTX, FIXTURE_NAMES, loadDossier, loadRosterInput } from './model-walk.js';
import type { Document } from '../../src/document/model.js';

const API_ORDER = [
  'publicity-notice',
  'publicity-result',
  'pledge',
  'ce-exemption',
  'roster',
  'materials-catalogue',
  'review-form',
  'political-appraisal',
  'work-experience-certificate',
] as const satisfies readonly FormId[];

function inputsFor(formId: string): [string, unknown][] {
  if (formId === 'roster') return [['roster', loadRosterInput()]];
  return FIXTURE_NAMES.map((name) => [name, loadDossier(name)]);
}

function blankCells(doc: Document): string[] {
  return allCells(doc)
    .filter((cell) => cellText(cell).trim() === '' && !cell.image && !cell.space)
    .map((cell) => JSON.stringify(cell));
}

describe('form registry', () => {
  it('lists the forms in docs/api.md order, each once', () => {
    const ids: string[] = FORMS.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => (API_ORDER as readonly string[]).includes(id))).toEqual(API_ORDER);
    for (const id of API_ORDER.filter((id) => id !== 'review-form')) expect(findForm(id)?.id).toBe(id);
  });

  for (const form of FORMS) {
    describe(form.id, () => {
      it('has sound metadata, a valid sample, and a readable Chinese file name', () => {
        expect(form.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
        expect(form.formats.length).toBeGreaterThan(0);
        for (const f of form.formats) expect(FORMATS).toContain(f);
        const sample = acceptOrThrow(form, form.sample());
        expect(sample.requires()).toEqual([]);
        const name = sample.fileName();
        expect(name).toMatch(/[\u4e00-\u9fff]/);
        expect(name).not.toMatch(/[\\/:*?"<>|]/);
        if (form.attachment !== null) expect(name.startsWith(`附件${form.attachment}-`)).toBe(true);
      });

      if (form.id !== 'review-form') {
        it('has its wording in templates/<form-id>/', () => {
          expect(existsSync(join(import.meta.dirname, '..', '..', 'templates', form.id))).toBe(true);
        });
      }

      for (const [name, input] of inputsFor(form.id)) {
        it(`leaves no table cell blank except marked signature, seal, photo and handwriting spaces (${name})`, () => {
          const doc = acceptOrThrow(form, input).build(CTX);
          expect(doc.blocks.length).toBeGreaterThan(0);
          expect(doc.meta.createdAt).toEqual(CTX.now);
          expect(blankCells(doc)).toEqual([]);
          const marked = allCells(doc).filter((cell) => cell.space);
          for (const cell of marked)
            expect(['signature', 'seal', 'thumbprint', 'photo', 'handwriting']).toContain(cell.space);
        });
      }
    });
  }
});
