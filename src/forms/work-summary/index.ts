import { DossierSchema } from '../../domain/dossier.js';
import { sampleDossier } from '../samples/index.js';
import { defineDossierForm } from '../types.js';
import { buildWorkSummary, WORK_SUMMARY_ID } from './build.js';

export const workSummaryForm = defineDossierForm({
  id: WORK_SUMMARY_ID,
  title: '任现职以来个人业务技术总结',
  titleEn: 'Summary of professional work since the current title',
  attachment: null,
  formats: ['pdf', 'docx'],
  description:
    '任现职以来个人业务技术总结（材料目录第7项）：正文取 workSummary（为空时留出手写位置），页首为现职称、任现职时间、拟评审职称和从事专业；按“盲评”要求不印姓名和工作单位，本人在纸质件上手写签字，落款日期取 signedOn。',
  input: DossierSchema,
  sample: () => sampleDossier('zhang-yue-intermediate'),
  build: buildWorkSummary,
  fileName: (dossier) => `任现职以来个人业务技术总结-${dossier.applicant.name}`,
  catalogueItem: 7,
  packet: {},
  batch: {},
});
