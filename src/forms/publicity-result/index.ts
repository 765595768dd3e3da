import { checkPublicityPeriod } from '../../domain/calendar.js';
import { DossierSchema, type Dossier } from '../../domain/dossier.js';
import type { Problem } from '../../errors.js';
import { sampleDossier } from '../samples/index.js';
import { problem } from '../shared/problems.js';
import { defineDossierForm } from '../types.js';
import { buildPublicityResult, PUBLICITY_RESULT_ID } from './build.js';

function requires(dossier: Dossier): Problem[] {
  const problems: Problem[] = [];
  const tooShort = checkPublicityPeriod(dossier.publicity, '/publicity');
  if (tooShort) problems.push(tooShort);
  // ISO dates compare as strings; the result cannot be signed before the publicity ends.
  if (dossier.signedOn < dossier.publicity.endDate) {
    problems.push(
      problem(
        '/signedOn',
        'SIGNED_BEFORE_PUBLICITY_END',
        `公示结果的落款日期（${dossier.signedOn}）早于公示结束日期（${dossier.publicity.endDate}）`,
        `The result is dated ${dossier.signedOn}, before the publicity ends on ${dossier.publicity.endDate}`,
      ),
    );
  }
  return problems;
}

export const publicityResultForm = defineDossierForm({
  id: PUBLICITY_RESULT_ID,
  title: '推荐单位公示结果',
  titleEn: 'Recommending unit publicity result',
  attachment: 2,
  formats: ['pdf', 'docx'],
  description:
    '附件2 推荐单位公示结果：公示起止日期、公示天数与工作日数（按日历计算），同意推荐的结论，推荐单位公章，落款日期取 signedOn（不得早于公示结束日期）。',
  input: DossierSchema,
  requires,
  sample: () => sampleDossier('zhang-yue-intermediate'),
  build: buildPublicityResult,
  fileName: (dossier) => `附件2-推荐单位公示结果-${dossier.applicant.name}`,
  catalogueItem: 3,
  packet: {},
  batch: {},
});
