import { DossierSchema } from '../../domain/dossier.js';
import { sampleDossier } from '../samples/index.js';
import { defineDossierForm } from '../types.js';
import { buildMaterialsCatalogue, MATERIALS_CATALOGUE_ID } from './build.js';

export const materialsCatalogueForm = defineDossierForm({
  id: MATERIALS_CATALOGUE_ID,
  title: '档案专业技术人员职称申报材料目录',
  titleEn: 'Catalogue of paper application materials',
  attachment: 6,
  formats: ['pdf', 'docx', 'xlsx'],
  description:
    '附件6 申报材料目录：申报人基本信息，以及通知列出的13项纸质材料（序号、材料名称、件数）；件数取 materials（按名称匹配，未列出的另起一行），本服务生成的和通知规定份数的按其份数，申报材料显示没有的填“无”，无法得知的留空待手写（不填“无”）。',
  input: DossierSchema,
  sample: () => sampleDossier('zhang-yue-intermediate'),
  build: buildMaterialsCatalogue,
  fileName: (dossier) => `附件6-申报材料目录-${dossier.applicant.name}`,
  catalogueItem: null,
  batch: {},
});
