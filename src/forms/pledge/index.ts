import { DossierSchema } from '../../domain/dossier.js';
import { sampleDossier } from '../samples/index.js';
import { defineDossierForm } from '../types.js';
import { buildPledge, PLEDGE_ID } from './build.js';

export const pledgeForm = defineDossierForm({
  id: PLEDGE_ID,
  title: '个人承诺书',
  titleEn: 'Personal pledge',
  attachment: 3,
  formats: ['pdf', 'docx'],
  description: '附件3 个人承诺书：通知规定的承诺语，打印承诺人姓名，留出本人签字和按手印的位置，落款日期取 signedOn。',
  input: DossierSchema,
  sample: () => sampleDossier('ayguli-junior'),
  build: buildPledge,
  fileName: (dossier) => `附件3-个人承诺书-${dossier.applicant.name}`,
  catalogueItem: 12,
  packet: {},
  batch: {},
});
