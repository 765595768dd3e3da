import { DossierSchema, type Dossier } from '../../domain/dossier.js';
import { sampleDossier } from '../samples/index.js';
import { problem } from '../shared/problems.js';
import type { FormDefinition } from '../types.js';
import { buildCeExemption, CE_EXEMPTION_ID } from './build.js';

export const ceExemptionForm: FormDefinition<Dossier> = {
  id: CE_EXEMPTION_ID,
  title: '免除继续教育学习申请表',
  titleEn: 'Application for exemption from continuing education',
  attachment: 4,
  formats: ['pdf', 'docx', 'xlsx'],
  description:
    '附件4 自治区“访惠聚”驻村等专业技术人员职称评审免除继续教育学习申请表：申报人基本情况、免学理由（取 ceExemption），审核意见栏留空待审核单位盖章。',
  input: DossierSchema,
  requires: (dossier) =>
    dossier.ceExemption
      ? []
      : [
          problem(
            '/ceExemption',
            'CE_EXEMPTION_MISSING',
            '没有填写免除继续教育学习的类别和理由（ceExemption），无法生成附件4',
            'ceExemption (category and reason) is required for the exemption form',
          ),
        ],
  sample: () => sampleDossier('ayguli-junior'),
  build: buildCeExemption,
  fileName: (dossier) => `附件4-免除继续教育学习申请表-${dossier.applicant.name}`,
};
