import { DossierSchema } from '../../domain/dossier.js';
import { sampleDossier } from '../samples/index.js';
import { problem } from '../shared/problems.js';
import { defineDossierForm } from '../types.js';
import { buildWorkExperienceCertificate, WORK_EXPERIENCE_ID } from './build.js';

export const workExperienceCertificateForm = defineDossierForm({
  id: WORK_EXPERIENCE_ID,
  title: '从事档案专业技术工作经历证明',
  titleEn: 'Certificate of archives work experience',
  attachment: null,
  formats: ['pdf', 'docx'],
  description:
    '从事档案专业技术工作经历证明：起止年月与累计年限按 workHistory 计算，逐段列出起止年月、工作单位、岗位，“特此证明。”，单位公章与落款日期（signedOn）。',
  input: DossierSchema,
  requires: (dossier) =>
    dossier.workHistory.length > 0
      ? []
      : [
          problem(
            '/workHistory',
            'WORK_HISTORY_MISSING',
            '没有填写工作经历（workHistory），无法出具工作经历证明',
            'workHistory is required for the work experience certificate',
          ),
        ],
  sample: () => sampleDossier('ayguli-junior'),
  build: buildWorkExperienceCertificate,
  fileName: (dossier) => `工作经历证明-${dossier.applicant.name}`,
  catalogueItem: 8,
  packet: {},
  batch: {},
});
