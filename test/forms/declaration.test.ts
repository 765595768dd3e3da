/**
 * One declaration per form: the registry, packet order and batch contents come
 * from it, and only input the form's schema accepted can be built (the type
 * checker refuses the rest; `npm test` runs it over this file too).
 */
import { describe, expect, it } from 'vitest';
import type { Dossier } from '../../src/domain/dossier.js';
import { pledgeForm } from '../../src/forms/pledge/index.js';
import { FORMS } from '../../src/forms/registry.js';
import type { FormDefinition } from '../../src/forms/types.js';
import { runRenderTask } from '../../src/render/worker.js';
import { CATALOGUE_FORM_ID, dossierDocuments, unitForms } from '../../src/packet/contents.js';
import { CTX, loadDossier } from './model-walk.js';

const zhangYue = loadDossier('zhang-yue-intermediate');
const ayguli = loadDossier('ayguli-junior');

function parsed(raw: unknown): Dossier {
  const accepted = pledgeForm.input.safeParse(raw);
  if (!accepted.success) throw new Error('fixture refused');
  return accepted.data;
}

describe('form declarations', () => {
  it('build only from what the schema accepted', () => {
    const form: FormDefinition = pledgeForm;
    // @ts-expect-error the service's view of a form has no build: only what `accept` returned can be built
    expect(form.build).toBeTypeOf('function');
    // @ts-expect-error the typed build takes the parsed dossier, never unknown input
    expect(() => pledgeForm.build({} as unknown, CTX)).toThrow();
    const refused = form.accept({ applicant: { name: 7 } });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.problems.some((problem) => problem.path === '/applicant/name')).toBe(true);
    const accepted = form.accept(ayguli);
    expect(accepted.ok).toBe(true);
    if (accepted.ok) expect(accepted.value.build(CTX).blocks.length).toBeGreaterThan(0);
  });

  it('lets a render worker build nothing its schema refuses (422, not a crash in a builder)', async () => {
    const task = {
      kind: 'render' as const,
      formId: 'pledge',
      format: 'pdf' as const,
      input: { applicant: {} },
      options: {},
      settings: { watermarkText: '' },
      now: 0,
    };
    await expect(
      runRenderTask(task, FORMS, async () => ({ bytes: new Uint8Array(), contentType: '', extension: 'pdf' })),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('orders packet documents by catalogue item, each form in its declared item', () => {
    const documents = dossierDocuments(FORMS, parsed(zhangYue), 'packet');
    const items = documents.map((doc) => doc.item ?? 0);
    expect(items).toEqual([...items].sort((a, b) => a - b));
    for (const doc of documents) {
      const form = FORMS.find((candidate) => candidate.id === doc.formId);
      expect(form?.catalogueItem).toBe(doc.item);
      expect(form?.packet).toBeDefined();
    }
    expect(documents.map((doc) => doc.formId)).toContain('review-form');
    expect(documents.find((doc) => doc.formId === 'review-form')?.pieces).toBe(2);
  });

  it('puts 附件4 in a packet only for an applicant who asks for the exemption', () => {
    const ids = (raw: unknown) => dossierDocuments(FORMS, parsed(raw), 'packet').map((doc) => doc.formId);
    expect(ids(ayguli)).toContain('ce-exemption');
    expect(ids(zhangYue)).not.toContain('ce-exemption');
  });

  it('fills a batch folder from the declarations, the catalogue first, and makes the roster once for the unit', () => {
    const documents = dossierDocuments(FORMS, parsed(zhangYue), 'batch');
    expect(documents[0]?.formId).toBe(CATALOGUE_FORM_ID);
    const declared = FORMS.filter(
      (form) => typeof form.batch === 'object' && (form.batch.when?.(parsed(zhangYue)) ?? true),
    );
    expect(documents.map((doc) => doc.formId).sort()).toEqual(declared.map((form) => form.id).sort());
    expect(unitForms(FORMS).map((form) => form.id)).toEqual(['roster']);
  });
});
