import { DossierSchema } from '../../domain/dossier.js';
import { sampleDossier } from '../samples/index.js';
import { problem } from '../shared/problems.js';
import { defineDossierForm } from '../types.js';
import { buildPoliticalAppraisal, POLITICAL_APPRAISAL_ID } from './build.js';

export const politicalAppraisalForm = defineDossierForm({
  id: POLITICAL_APPRAISAL_ID,
  title: '现实表现（政治鉴定）材料',
  titleEn: 'Appraisal of political and professional conduct',
  attachment: null,
  formats: ['pdf', 'docx'],
  description:
    '现实表现（政治鉴定）材料：申报人基本情况、单位填写的鉴定内容（politicalAppraisal）、推荐意见，单位主要领导和派驻纪检组负责人签字并加盖单位公章，落款日期取 signedOn。',
  input: DossierSchema,
  // The appraisal is the unit's own statement; the service never writes one for it.
  requires: (dossier) =>
    dossier.politicalAppraisal.trim() !== ''
      ? []
      : [
          problem(
            '/politicalAppraisal',
            'POLITICAL_APPRAISAL_MISSING',
            '没有填写单位出具的现实表现鉴定内容（politicalAppraisal）',
            "politicalAppraisal (the unit's appraisal text) is required for this document",
          ),
        ],
  sample: () => sampleDossier('zhang-yue-intermediate'),
  build: buildPoliticalAppraisal,
  fileName: (dossier) => `现实表现鉴定-${dossier.applicant.name}`,
  catalogueItem: 1,
  packet: {},
  batch: {},
});
