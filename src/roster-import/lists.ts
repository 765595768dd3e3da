/** The values of each pick-list, taken from the domain so the template never drifts from validation. */
import { ApplicantSchema, AssessmentSchema } from '../domain/dossier.js';
import { ETHNIC_GROUPS } from '../domain/ethnicity.js';
import { POLITICAL_STATUSES } from '../domain/political-status.js';
import { ROUTES, TITLES } from '../domain/titles.js';
import { UNIT_LEVELS, type ListName } from './columns.js';

export const LIST_VALUES: Readonly<Record<ListName, readonly string[]>> = {
  gender: ApplicantSchema.shape.gender.options,
  ethnicity: ETHNIC_GROUPS,
  politicalStatus: POLITICAL_STATUSES,
  targetTitle: TITLES,
  route: ROUTES,
  unitLevel: Object.keys(UNIT_LEVELS),
  assessmentResult: AssessmentSchema.shape.result.options,
};

/** Header of each list's column on the hidden options sheet. */
export const LIST_TITLES: Readonly<Record<ListName, string>> = {
  gender: '性别',
  ethnicity: '族别',
  politicalStatus: '政治面貌',
  targetTitle: '拟评审职称',
  route: '申报方式',
  unitLevel: '单位层级',
  assessmentResult: '考核结果',
};
