import { DossierSchema, type Dossier } from '../../domain/dossier.js';
import type { Problem } from '../../errors.js';
import { defineDossierForm } from '../types.js';
import { buildReviewForm, REVIEW_FORM_ID, REVIEW_FORM_TITLE } from './build.js';
import { ReviewFormOptions } from './options.js';
import { decodePhoto } from './photo.js';
import { sampleDossier } from '../samples/index.js';

export { ReviewFormOptions } from './options.js';
export { decodePhoto } from './photo.js';
export { SECTION_TITLES } from './sections.js';

/** Checks beyond the schema: the photo must be a real JPEG or PNG. */
function reviewFormProblems(dossier: Dossier): readonly Problem[] {
  const photo = dossier.applicant.photo;
  if (photo === null || photo === undefined || photo.trim() === '') return [];
  const result = decodePhoto(photo);
  return result.ok ? [] : [result.problem];
}

export const reviewForm = defineDossierForm({
  id: REVIEW_FORM_ID,
  title: REVIEW_FORM_TITLE,
  titleEn: 'Professional title review form',
  attachment: null,
  formats: ['pdf', 'docx'],
  description:
    '专业技术职务任职资格评审表：A4 正反双面打印、一式两份（?copies=1 或 2，默认 2），每页带水印、流水号和可核验的二维码（GET /v1/verify/:code）；照片（applicant.photo，base64 JPEG/PNG）贴在基本情况栏。',
  input: DossierSchema,
  options: ReviewFormOptions,
  requires: reviewFormProblems,
  sample: () => sampleDossier('zhang-yue-intermediate'),
  build: buildReviewForm,
  fileName: (dossier) => `${REVIEW_FORM_TITLE}-${dossier.applicant.name}`,
  catalogueItem: 4,
  packet: { options: { copies: 2 }, pieces: 2 },
  batch: { options: { copies: 2 } },
});
