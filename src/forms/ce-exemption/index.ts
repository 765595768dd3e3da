import { DossierSchema } from '../../domain/dossier.js';
import { sampleDossier } from '../samples/index.js';
import { defineDossierForm } from '../types.js';
import { buildCeExemption, CE_EXEMPTION_ID } from './build.js';

export const ceExemptionForm = defineDossierForm({
  id: CE_EXEMPTION_ID,
  title: '免除继续教育学习申请表',
  titleEn: 'Application for exemption from continuing education',
  attachment: 4,
  formats: ['pdf', 'docx', 'xlsx'],
  description:
    '附件4 自治区“访惠聚”驻村等专业技术人员职称评审免除继续教育学习申请表：申报人基本情况、免学理由（取 ceExemption；没有时留空待本人手写），审核意见栏留空待审核单位盖章。',
  input: DossierSchema,
  sample: () => sampleDossier('ayguli-junior'),
  build: buildCeExemption,
  fileName: (dossier) => `附件4-免除继续教育学习申请表-${dossier.applicant.name}`,
  catalogueItem: 5,
  packet: { when: (dossier) => dossier.ceExemption !== null },
  batch: { when: (dossier) => dossier.ceExemption !== null },
});
