/**
 * The dossier (申报人档案): one applicant's data, as API.md defines it.
 * Names of fields are the public contract: never rename them.
 *
 * This file holds the shape. The rules of the notice and DOMAIN.md (ID check
 * digit, agreement of ID with gender and birth date, name normalisation, ethnic
 * groups, political status, date ranges …) are layered on by the domain module.
 */
import { z } from 'zod';

const yearMonth = z.string();
const date = z.string();
const text = z.string();
/** Optional free text: empty or missing prints as "无". */
const optionalText = z.string().optional().default('');

export const EducationSchema = z.object({
  level: text,
  degree: optionalText,
  school: text,
  major: text,
  graduatedOn: yearMonth,
});

export const CurrentTitleSchema = z.object({
  name: text,
  obtainedOn: yearMonth,
  appointedOn: yearMonth,
  obtainedIn: optionalText,
});

export const ApplicantSchema = z.object({
  name: text,
  gender: z.enum(['男', '女']),
  ethnicity: text,
  birthDate: yearMonth,
  idNumber: text,
  politicalStatus: text,
  phone: text,
  education: EducationSchema,
  workStartedOn: yearMonth,
  employer: text,
  prefecture: text,
  county: text,
  unitLevel: z.enum(['prefecture', 'county', 'township']),
  specialty: text,
  adminPost: optionalText,
  currentTitle: CurrentTitleSchema.nullable().default(null),
  photo: z.string().nullable().optional().default(null),
});

export const ApplicationSchema = z.object({
  year: z.number().int(),
  series: text,
  specialty: text,
  targetTitle: z.enum(['管理员', '助理馆员', '馆员']),
  route: z.enum(['初次确定', '授予', '评审']),
  defenseExemption: z.string().nullable().default(null),
});

export const WorkPeriodSchema = z.object({ from: yearMonth, to: yearMonth, employer: text, post: text });
export const AssessmentSchema = z.object({
  year: z.number().int(),
  result: z.enum(['优秀', '合格', '称职', '基本合格', '不合格']),
});
export const ContinuingEducationSchema = z.object({
  year: z.number().int(),
  publicHours: z.number().min(0),
  professionalHours: z.number().min(0),
});
export const CeExemptionSchema = z.object({ reason: text, category: text });
export const AchievementSchema = z.object({
  from: yearMonth,
  to: yearMonth,
  title: text,
  content: optionalText,
  role: optionalText,
  result: optionalText,
});
export const PaperSchema = z.object({ title: text, journal: text, publishedOn: yearMonth, role: optionalText });
export const AwardSchema = z.object({ name: text, issuer: text, awardedOn: yearMonth });
export const PatentSchema = z.object({
  name: text,
  number: optionalText,
  grantedOn: yearMonth.optional(),
  role: optionalText,
});
export const RecommendingUnitSchema = z.object({ name: text, office: text, phone: text, head: optionalText });
export const PublicitySchema = z.object({
  startDate: date,
  endDate: date,
  politicalSummary: optionalText,
  achievementSummary: optionalText,
});
export const MaterialSchema = z.object({ name: text, count: z.number().int().min(0) });

export const DossierSchema = z.object({
  applicant: ApplicantSchema,
  application: ApplicationSchema,
  workHistory: z.array(WorkPeriodSchema).default([]),
  assessments: z.array(AssessmentSchema).default([]),
  continuingEducation: z.array(ContinuingEducationSchema).default([]),
  ceExemption: CeExemptionSchema.nullable().default(null),
  achievements: z.array(AchievementSchema).default([]),
  papers: z.array(PaperSchema).default([]),
  awards: z.array(AwardSchema).default([]),
  patents: z.array(PatentSchema).default([]),
  workSummary: optionalText,
  politicalAppraisal: optionalText,
  recommendingUnit: RecommendingUnitSchema,
  publicity: PublicitySchema,
  materials: z.array(MaterialSchema).default([]),
  signedOn: date,
});

export type Dossier = z.infer<typeof DossierSchema>;
export type Applicant = Dossier['applicant'];
export type Application = Dossier['application'];

/** The roster's unit block (附件5 footer): who files it, and when. */
export const RosterUnitSchema = z.object({
  name: text,
  prefecture: optionalText,
  preparer: optionalText,
  phone: optionalText,
  date: date,
});

/** Input of `roster` and `POST /v1/batches`: { unit, dossiers }. */
export const RosterInputSchema = z.object({
  unit: RosterUnitSchema,
  dossiers: z.array(DossierSchema).min(1),
});
export type RosterInput = z.infer<typeof RosterInputSchema>;
