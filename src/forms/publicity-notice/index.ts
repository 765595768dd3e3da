import { checkPublicityPeriod } from '../../domain/calendar.js';
import { DossierSchema } from '../../domain/dossier.js';
import { sampleDossier } from '../samples/index.js';
import { defineDossierForm } from '../types.js';
import { buildPublicityNotice, PUBLICITY_NOTICE_ID } from './build.js';

export const publicityNoticeForm = defineDossierForm({
  id: PUBLICITY_NOTICE_ID,
  title: '推荐单位公示',
  titleEn: 'Recommending unit publicity notice',
  attachment: 1,
  formats: ['pdf', 'docx'],
  description:
    '附件1 推荐单位公示：申报人基本信息、思想政治条件、业绩成果、公示时间（工作日按日历计算，不少于5个工作日）、监督电话，单位负责人签字和推荐单位公章位置。',
  input: DossierSchema,
  requires: (dossier) => {
    const problem = checkPublicityPeriod(dossier.publicity, '/publicity');
    return problem ? [problem] : [];
  },
  sample: () => sampleDossier('ayguli-junior'),
  build: buildPublicityNotice,
  fileName: (dossier) => `附件1-推荐单位公示-${dossier.applicant.name}`,
  catalogueItem: 3,
  packet: {},
  batch: {},
});
