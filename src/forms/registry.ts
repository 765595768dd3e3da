/**
 * The list of forms. Routes, OpenAPI and tests are generated from it, so a
 * form added here appears everywhere at once. Order: as docs/api.md lists them.
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

export const FORMS: readonly FormDefinition[] = [
  publicityNoticeForm,
  publicityResultForm,
  pledgeForm,
  ceExemptionForm,
  rosterForm,
  materialsCatalogueForm,
  reviewForm,
  politicalAppraisalForm,
  workExperienceCertificateForm,
];

const BY_ID = new Map(FORMS.map((form) => [form.id, form]));

export function findForm(id: string): FormDefinition | undefined {
  return BY_ID.get(id);
}
