/**
 * The dossier (申报人档案): one applicant's data, as docs/api.md defines it.
 * Names of fields are the public contract: never rename them.
 *
 * The rules of the notice and docs/domain.md live inside the schemas, so any
 * `DossierSchema.safeParse()` (and any form schema built from these parts)
 * applies them: ID check digit and its agreement with 性别 and 出生年月, name
 * normalisation, the 56 ethnic groups, GB/T 4762 political status, real dates
 * and ordered ranges, phone numbers, the title ladder. Problems carry a code
 * and an English message in the issue params (see problems.ts).
 *
 * Cross-field checks are refinements with a `when` that only asks for an
 * object, so they still run when some unrelated field is wrong and every problem is reported at
 * once; they therefore test the types of what they read.
 *
 * zod 4 refuses `.pick()`/`.omit()` on objects that carry refinements; a form
 * that needs a subset builds its object from `DossierSchema.shape.<field>` or
 * the exported part schemas.
 */
import { z } from 'zod';
import { ERROR_CODES } from '../errors.js';
import { isIsoDate, isYearMonth, todayInChina } from './dates.js';
import { canonicalEthnicity, ETHNIC_GROUPS } from './ethnicity.js';
import {
  hasIdShape,
  hasValidCheckChar,
  idBirthDate,
  idGender,
  idNumberProblems,
  normaliseIdNumber,
} from './id-number.js';
import { NAME_MAX_CODE_POINTS, nameProblems, normaliseName } from './names.js';
import { isValidPhone, normalisePhone } from './phone.js';
import { canonicalPoliticalStatus, POLITICAL_STATUSES } from './political-status.js';
import { addProblem, REQUIRED_EN, REQUIRED_ZH, requiredError } from './problems.js';
import { nextTitle, ROUTES, TITLES, type Title } from './titles.js';

const MIN_YEAR = 1950;
/** Applications are for this year or the next; older years stay valid for archived dossiers back to 2000. */
const MIN_APPLICATION_YEAR = 2000;

function currentYear(): number {
  return Number(todayInChina().slice(0, 4));
}

// ---------------------------------------------------------------- field schemas

/**
 * Text pasted from Word or a web page brings invisible characters along (zero-width
 * space, byte-order mark, word joiner) that no font draws and nobody typed on
 * purpose; Unicode line and paragraph separators become ordinary line breaks.
 */
function cleanPastedText(value: string): string {
  return value.replace(/[\u200B\u2060\uFEFF]/g, '').replace(/[\u2028\u2029]/g, '\n');
}

/** Required text: trimmed, not empty. */
const TextSchema = z
  .string(requiredError)
  .overwrite(cleanPastedText)
  .trim()
  .superRefine((v, ctx) => {
    if (v === '') addProblem(ctx, [], 'REQUIRED', REQUIRED_ZH, REQUIRED_EN);
  });

/**
 * Optional free text: trimmed; empty or missing is "" and prints as "无".
 * (No transform anywhere in these schemas: the OpenAPI document is generated from them.)
 */
const OptionalTextSchema = z.string().overwrite(cleanPastedText).trim().optional().default('');

/** "YYYY-MM" that exists. */
const YearMonthSchema = z
  .string(requiredError)
  .trim()
  .superRefine((v, ctx) => {
    if (v === '') addProblem(ctx, [], 'REQUIRED', REQUIRED_ZH, REQUIRED_EN);
    else if (!isYearMonth(v))
      addProblem(ctx, [], 'YEAR_MONTH_INVALID', `年月“${v}”无效，应为 YYYY-MM`, `"${v}" is not a month (YYYY-MM)`);
  });

/** "YYYY-MM-DD" that exists. */
const IsoDateSchema = z
  .string(requiredError)
  .trim()
  .superRefine((v, ctx) => {
    if (v === '') addProblem(ctx, [], 'REQUIRED', REQUIRED_ZH, REQUIRED_EN);
    else if (!isIsoDate(v))
      addProblem(ctx, [], 'DATE_INVALID', `日期“${v}”无效，应为 YYYY-MM-DD`, `"${v}" is not a date (YYYY-MM-DD)`);
  });

/** A calendar year (assessments, continuing education). */
const YearSchema = z
  .number(requiredError)
  .int()
  .superRefine((v, ctx) => {
    const max = currentYear() + 1;
    if (v < MIN_YEAR || v > max)
      addProblem(
        ctx,
        [],
        'YEAR_IMPLAUSIBLE',
        `年份 ${v} 不合理（${MIN_YEAR}–${max}）`,
        `Year ${v} is implausible (${MIN_YEAR}–${max})`,
      );
  });

const PersonNameSchema = z
  .string(requiredError)
  .overwrite(normaliseName)
  .superRefine((v, ctx) => {
    for (const p of nameProblems(v)) {
      if (p === 'NAME_EMPTY') addProblem(ctx, [], 'REQUIRED', REQUIRED_ZH, REQUIRED_EN);
      if (p === 'NAME_TOO_LONG')
        addProblem(
          ctx,
          [],
          p,
          `姓名不能超过 ${NAME_MAX_CODE_POINTS} 个字符`,
          `The name must not exceed ${NAME_MAX_CODE_POINTS} characters`,
        );
      if (p === 'NAME_DIGITS') addProblem(ctx, [], p, '姓名不能含数字', 'The name must not contain digits');
      if (p === 'NAME_DOT_POSITION')
        addProblem(
          ctx,
          [],
          p,
          '姓名中的间隔号“·”只能位于两个部分之间',
          'The middle dot "·" may only stand between two parts of the name',
        );
    }
  });

const EthnicitySchema = z
  .string(requiredError)
  .overwrite((v) => canonicalEthnicity(v) ?? v.trim())
  .superRefine((v, ctx) => {
    if (v === '') addProblem(ctx, [], 'REQUIRED', REQUIRED_ZH, REQUIRED_EN);
    else if (!(ETHNIC_GROUPS as readonly string[]).includes(v))
      addProblem(
        ctx,
        [],
        'ETHNICITY_UNKNOWN',
        `“${v}”不是 GB/T 3304 的 56 个民族之一`,
        `"${v}" is not one of the 56 ethnic groups of GB/T 3304`,
      );
  })
  // The canonical values, for pick-lists (the staff page reads them from the JSON Schema).
  .meta({ examples: [...ETHNIC_GROUPS] });

const PoliticalStatusSchema = z
  .string(requiredError)
  .overwrite((v) => canonicalPoliticalStatus(v) ?? v.trim())
  .superRefine((v, ctx) => {
    if (v === '') addProblem(ctx, [], 'REQUIRED', REQUIRED_ZH, REQUIRED_EN);
    else if (!(POLITICAL_STATUSES as readonly string[]).includes(v))
      addProblem(
        ctx,
        [],
        'POLITICAL_STATUS_UNKNOWN',
        `政治面貌“${v}”无效，可选值：${POLITICAL_STATUSES.join('、')}`,
        `"${v}" is not a political status of GB/T 4762`,
      );
  })
  .meta({ examples: [...POLITICAL_STATUSES] });

const ID_MESSAGES = {
  ID_FORMAT: [
    '身份证号应为 18 位：17 位数字加 1 位校验码（数字或 X）',
    'The ID number must have 18 characters: 17 digits and a check digit or X',
  ],
  ID_PROVINCE: [
    '身份证号前两位不是有效的省级行政区划代码',
    'The first two digits of the ID number are not a valid province code',
  ],
  ID_BIRTHDATE_INVALID: ['身份证号中的出生日期不存在', 'The birth date inside the ID number does not exist'],
  ID_CHECKSUM: ['身份证号校验位错误', 'ID number check digit is wrong'],
} as const;

const IdNumberSchema = z
  .string(requiredError)
  .overwrite(normaliseIdNumber)
  .superRefine((v, ctx) => {
    if (v === '') return addProblem(ctx, [], 'REQUIRED', REQUIRED_ZH, REQUIRED_EN);
    for (const p of idNumberProblems(v, todayInChina())) addProblem(ctx, [], p, ID_MESSAGES[p][0], ID_MESSAGES[p][1]);
  });

const PhoneSchema = z
  .string(requiredError)
  .overwrite(normalisePhone)
  .superRefine((v, ctx) => {
    if (v === '') addProblem(ctx, [], 'REQUIRED', REQUIRED_ZH, REQUIRED_EN);
    else if (!isValidPhone(v))
      addProblem(
        ctx,
        [],
        'PHONE_INVALID',
        `电话“${v}”无效：应为手机号或带区号的固定电话（如 0996-2012345）`,
        `"${v}" is not a mainland mobile number or a landline with area code (e.g. 0996-2012345)`,
      );
  });

const TitleSchema = z.enum(TITLES, requiredError);
const RouteSchema = z.enum(ROUTES, requiredError);

/** Adds DATE_RANGE_ORDER at `toKey` when both ends are well-formed and from > to. */
function orderedRange<K extends string>(fromKey: K, toKey: K) {
  return (v: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const from = v[fromKey];
    const to = v[toKey];
    if (typeof from !== 'string' || typeof to !== 'string') return;
    const ok = (s: string) => isYearMonth(s) || isIsoDate(s);
    if (ok(from) && ok(to) && from > to)
      addProblem(
        ctx,
        [toKey],
        'DATE_RANGE_ORDER',
        `结束时间 ${to} 早于开始时间 ${from}`,
        `The end ${to} is before the start ${from}`,
      );
  };
}
/** Run the refinement despite problems elsewhere in the value, as long as the value is an object at all. */
const always = { when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null };

// ---------------------------------------------------------------- object schemas

/** Common answers for 学历 (free text: the forms print what the applicant writes). */
const EDUCATION_LEVELS = ['研究生', '大学本科', '大学专科', '中专', '高中'];

const EducationSchema = z.strictObject(
  {
    level: TextSchema.meta({ examples: EDUCATION_LEVELS }),
    degree: OptionalTextSchema,
    school: TextSchema,
    major: TextSchema,
    graduatedOn: YearMonthSchema,
  },
  requiredError,
);

const CurrentTitleSchema = z.strictObject(
  {
    name: TitleSchema,
    obtainedOn: YearMonthSchema,
    appointedOn: YearMonthSchema,
    obtainedIn: OptionalTextSchema,
  },
  requiredError,
);

/** The applicant's fields without the cross-field rules (for building subsets). */
const ApplicantFieldsSchema = z.strictObject(
  {
    name: PersonNameSchema,
    gender: z.enum(['男', '女'], requiredError),
    ethnicity: EthnicitySchema,
    birthDate: YearMonthSchema,
    idNumber: IdNumberSchema,
    politicalStatus: PoliticalStatusSchema,
    phone: PhoneSchema,
    education: EducationSchema,
    workStartedOn: YearMonthSchema,
    employer: TextSchema,
    prefecture: TextSchema,
    county: TextSchema,
    unitLevel: z.enum(['prefecture', 'county', 'township'], requiredError),
    specialty: TextSchema,
    adminPost: OptionalTextSchema,
    currentTitle: CurrentTitleSchema.nullable().default(null),
    photo: z.string().nullable().optional().default(null),
  },
  requiredError,
);

/** 身份证号 must agree with 性别 and 出生年月; the disagreement is reported at the field that disagrees. */
function idAgreement(v: Record<string, unknown>, ctx: z.RefinementCtx): void {
  const id = v.idNumber;
  if (typeof id !== 'string') return;
  const normal = normaliseIdNumber(id);
  // A wrong check digit means a mistyped number: comparing its digits would only add noise.
  if (!hasIdShape(normal) || !hasValidCheckChar(normal)) return;
  const gender = v.gender;
  if ((gender === '男' || gender === '女') && idGender(normal) !== gender) {
    const expected = idGender(normal);
    addProblem(
      ctx,
      ['gender'],
      'ID_GENDER_MISMATCH',
      `性别“${gender}”与身份证号不符（身份证号第 17 位表示“${expected}”）`,
      `Gender "${gender}" disagrees with the ID number (its 17th digit means "${expected === '男' ? 'male' : 'female'}")`,
    );
  }
  const birth = v.birthDate;
  const idMonth = idBirthDate(normal).slice(0, 7);
  if (typeof birth === 'string' && isYearMonth(birth.trim()) && birth.trim() !== idMonth) {
    addProblem(
      ctx,
      ['birthDate'],
      'ID_BIRTHDATE_MISMATCH',
      `出生年月 ${birth.trim()} 与身份证号中的 ${idMonth} 不符`,
      `Birth month ${birth.trim()} disagrees with ${idMonth} in the ID number`,
    );
  }
}

export const ApplicantSchema = ApplicantFieldsSchema.superRefine(idAgreement, always);

const ApplicationSchema = z.strictObject(
  {
    year: z
      .number(requiredError)
      .int()
      .superRefine((v, ctx) => {
        const max = currentYear() + 1;
        if (v < MIN_APPLICATION_YEAR || v > max)
          addProblem(
            ctx,
            [],
            'YEAR_IMPLAUSIBLE',
            `申报年度 ${v} 不合理（${MIN_APPLICATION_YEAR}–${max}）`,
            `Application year ${v} is implausible (${MIN_APPLICATION_YEAR}–${max})`,
          );
      }),
    series: TextSchema,
    specialty: TextSchema,
    targetTitle: TitleSchema,
    route: RouteSchema,
    /** The applicant's stated reason, or null; "" counts as none. */
    defenseExemption: z.string().trim().nullable().default(null),
  },
  requiredError,
);

const WorkPeriodSchema = z
  .strictObject({ from: YearMonthSchema, to: YearMonthSchema, employer: TextSchema, post: TextSchema }, requiredError)
  .superRefine(orderedRange('from', 'to'), always);
export const AssessmentSchema = z.strictObject(
  {
    year: YearSchema,
    result: z.enum(['优秀', '合格', '称职', '基本合格', '不合格'], requiredError),
  },
  requiredError,
);
/** Most study hours one year can plausibly record (公需 30 + 专业 60 are the notice's yearly minimums). */
const MAX_YEARLY_HOURS = 1000;

const ContinuingEducationSchema = z.strictObject(
  {
    year: YearSchema,
    // A year has 8,760 hours; anything near that is a typing error, not study.
    publicHours: z.number(requiredError).min(0).max(MAX_YEARLY_HOURS),
    professionalHours: z.number(requiredError).min(0).max(MAX_YEARLY_HOURS),
  },
  requiredError,
);
const CeExemptionSchema = z.strictObject({ reason: TextSchema, category: TextSchema }, requiredError);
const AchievementSchema = z
  .strictObject(
    {
      from: YearMonthSchema,
      to: YearMonthSchema,
      title: TextSchema,
      content: OptionalTextSchema,
      role: OptionalTextSchema,
      result: OptionalTextSchema,
    },
    requiredError,
  )
  .superRefine(orderedRange('from', 'to'), always);
const PaperSchema = z.strictObject(
  { title: TextSchema, journal: TextSchema, publishedOn: YearMonthSchema, role: OptionalTextSchema },
  requiredError,
);
const AwardSchema = z.strictObject({ name: TextSchema, issuer: TextSchema, awardedOn: YearMonthSchema }, requiredError);
const PatentSchema = z.strictObject(
  {
    name: TextSchema,
    number: OptionalTextSchema,
    grantedOn: YearMonthSchema.optional(),
    role: OptionalTextSchema,
  },
  requiredError,
);
const RecommendingUnitSchema = z.strictObject(
  { name: TextSchema, office: TextSchema, phone: PhoneSchema, head: OptionalTextSchema },
  requiredError,
);
const PublicitySchema = z
  .strictObject(
    {
      startDate: IsoDateSchema,
      endDate: IsoDateSchema,
      politicalSummary: OptionalTextSchema,
      achievementSummary: OptionalTextSchema,
    },
    requiredError,
  )
  .superRefine(orderedRange('startDate', 'endDate'), always);
const MaterialSchema = z.strictObject({ name: TextSchema, count: z.number(requiredError).int().min(0) }, requiredError);

/** Each year at most once in a yearly list. */
function uniqueYears(v: unknown, ctx: z.RefinementCtx): void {
  if (!Array.isArray(v)) return;
  const seen = new Set<number>();
  v.forEach((entry: unknown, i) => {
    const year = (entry as { year?: unknown } | null)?.year;
    if (typeof year !== 'number') return;
    if (seen.has(year))
      addProblem(ctx, [i, 'year'], 'YEAR_DUPLICATE', `${year} 年重复出现`, `The year ${year} appears more than once`);
    seen.add(year);
  });
}

/** The dossier's fields without the dossier-level rule (the title ladder). */
const DossierFieldsSchema = z.strictObject(
  {
    applicant: ApplicantSchema,
    application: ApplicationSchema,
    workHistory: z.array(WorkPeriodSchema).default([]),
    assessments: z.array(AssessmentSchema).default([]).superRefine(uniqueYears, always),
    continuingEducation: z.array(ContinuingEducationSchema).default([]).superRefine(uniqueYears, always),
    ceExemption: CeExemptionSchema.nullable().default(null),
    achievements: z.array(AchievementSchema).default([]),
    papers: z.array(PaperSchema).default([]),
    awards: z.array(AwardSchema).default([]),
    patents: z.array(PatentSchema).default([]),
    workSummary: OptionalTextSchema,
    politicalAppraisal: OptionalTextSchema,
    recommendingUnit: RecommendingUnitSchema,
    publicity: PublicitySchema,
    materials: z.array(MaterialSchema).default([]),
    signedOn: IsoDateSchema,
  },
  requiredError,
);

function isTitle(v: unknown): v is Title {
  return typeof v === 'string' && (TITLES as readonly string[]).includes(v);
}

/**
 * The ladder 管理员 → 助理馆员 → 馆员: the target is one step above the current
 * title. Only 初次确定 (first determination, for people who hold no title yet)
 * may come without a current title.
 */
function titleLadder(v: Record<string, unknown>, ctx: z.RefinementCtx): void {
  const applicant = v.applicant as Record<string, unknown> | undefined;
  const application = v.application as Record<string, unknown> | undefined;
  if (!applicant || !application || typeof applicant !== 'object' || typeof application !== 'object') return;
  const target = application.targetTitle;
  const route = application.route;
  const current = applicant.currentTitle as { name?: unknown } | null | undefined;
  if (!isTitle(target)) return;
  if (current === null || current === undefined) {
    if (typeof route === 'string' && route !== '初次确定')
      addProblem(
        ctx,
        ['applicant', 'currentTitle'],
        'CURRENT_TITLE_REQUIRED',
        `申报方式为“${route}”时须填写现专业技术职务；没有职称的人员应选择“初次确定”`,
        `A current title is required for the route "${route}"; applicants without a title apply by 初次确定 (first determination)`,
      );
    return;
  }
  if (typeof current !== 'object' || !isTitle(current.name)) return;
  const expected = nextTitle(current.name);
  if (expected !== target) {
    addProblem(
      ctx,
      ['application', 'targetTitle'],
      'TITLE_LADDER',
      expected
        ? `现职称为“${current.name}”，只能申报高一级的“${expected}”，不能申报“${target}”`
        : `现职称“${current.name}”已是本系列中、初级的最高一级，不能申报“${target}”`,
      expected
        ? `With the current title "${current.name}" the next title is "${expected}", not "${target}"`
        : `"${current.name}" is already the top of this ladder; "${target}" cannot be applied for`,
    );
  }
}

export const DossierSchema = DossierFieldsSchema.superRefine(titleLadder, always);

export type Dossier = z.infer<typeof DossierSchema>;
export type Applicant = Dossier['applicant'];
export type Application = Dossier['application'];

/** The roster's unit block (附件5 footer): who files it, and when. */
export const RosterUnitSchema = z.strictObject(
  {
    name: TextSchema,
    prefecture: OptionalTextSchema,
    preparer: OptionalTextSchema,
    phone: OptionalTextSchema,
    date: IsoDateSchema,
  },
  requiredError,
);
export type RosterUnit = z.infer<typeof RosterUnitSchema>;

/** Input of `roster` and `POST /v1/batches`: { unit, dossiers }. */
export const RosterInputSchema = z.strictObject(
  {
    unit: RosterUnitSchema,
    dossiers: rosterDossiers(DossierSchema),
  },
  requiredError,
);

/** A roster's applicants: an empty list is 422 ROSTER_EMPTY (no applicant row), not a generic size problem. */
export function rosterDossiers<T extends z.ZodType>(item: T) {
  return z.array(item, requiredError).superRefine((list, ctx) => {
    if (list.length === 0) {
      addProblem(ctx, [], 'ROSTER_EMPTY', ERROR_CODES.ROSTER_EMPTY.zh, ERROR_CODES.ROSTER_EMPTY.en);
    }
  });
}
export type RosterInput = z.infer<typeof RosterInputSchema>;
