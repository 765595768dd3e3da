import { RosterInputSchema } from '../../domain/dossier.js';
import { sampleRosterInput } from '../samples/index.js';
import { defineForm } from '../types.js';
import { buildRoster, ROSTER_ID } from './build.js';

export const rosterForm = defineForm({
  id: ROSTER_ID,
  title: '申报人员花名册',
  titleEn: 'Roster of applicants',
  attachment: 5,
  formats: ['xlsx', 'pdf', 'docx'],
  description:
    '附件5 申报人员花名册：输入 { unit, dossiers }，每位申报人一行（A4横向，表头每页重复），身份证号按文本保存，表尾为填报单位（盖章）、填报人、联系电话、填报日期。',
  input: RosterInputSchema,
  sample: sampleRosterInput,
  build: buildRoster,
  fileName: (input) => `附件5-申报人员花名册-${input.unit.name}`,
  catalogueItem: null,
  batch: 'unit',
  manyApplicants: true,
});
