/**
 * The one list of forms. Routes, OpenAPI, packet order, batch contents and
 * tests are derived from it and from each form's declaration, so a form added
 * here (with its own folder) appears everywhere at once. Order: as
 * docs/api.md lists them; within one catalogue item, the print order.
 */
import { ceExemptionForm } from './ce-exemption/index.js';
import { materialsCatalogueForm } from './materials-catalogue/index.js';
import { pledgeForm } from './pledge/index.js';
import { politicalAppraisalForm } from './political-appraisal/index.js';
import { publicityNoticeForm } from './publicity-notice/index.js';
import { publicityResultForm } from './publicity-result/index.js';
import { reviewForm } from './review-form/index.js';
import { rosterForm } from './roster/index.js';
import type { FormDefinition } from './types.js';
import { workExperienceCertificateForm } from './work-experience-certificate/index.js';
import { workSummaryForm } from './work-summary/index.js';

export const FORMS = [
  publicityNoticeForm,
  publicityResultForm,
  pledgeForm,
  ceExemptionForm,
  rosterForm,
  materialsCatalogueForm,
  reviewForm,
  politicalAppraisalForm,
  workExperienceCertificateForm,
  workSummaryForm,
] as const;

/** Every form id this service knows, as a type: a misspelt id is a compile error. */
export type FormId = (typeof FORMS)[number]['id'];

const BY_ID = new Map<string, FormDefinition<FormId>>(FORMS.map((form) => [form.id, form]));

export function findForm(id: string): FormDefinition<FormId> | undefined {
  return BY_ID.get(id);
}
