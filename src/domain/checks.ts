/**
 * The notice's rules checked on a valid dossier: what `POST /v1/checks` and the
 * packet cover sheet report. Each finding is a Problem (JSON pointer, stable
 * code, zh and en message) with a severity:
 * - error: the office would return the application (or it cannot be filed this year);
 * - warning: likely to be queried, worth fixing;
 * - info: a fact the applicant should see (答辩 exemption, exemption used).
 */
import type { Problem } from '../errors.js';
import { checkPublicityPeriod, getWorkCalendar } from './calendar.js';
import { ceExemptionCoverage, ceExemptionCovers, type CeKind } from './ce-exemption.js';
import { addMonths, isIsoDate, isYearMonth, monthIndex } from './dates.js';
import { defenseExemptionReasons } from './defense.js';
import { DossierSchema, type Dossier } from './dossier.js';
import { NAME_DOT } from './names.js';
import { problemsFromZodError } from './problems.js';
import { titleLevel } from './titles.js';
import {
  assessmentYears,
  continuingEducationWindow,
  postponementFor,
  PROFESSIONAL_HOURS_PER_YEAR,
  PUBLIC_HOURS_PER_YEAR,
} from './windows.js';

type Severity = 'error' | 'warning' | 'info';
export type Finding = Problem & { readonly severity: Severity };

/** Every code runChecks can report itself (schema problems keep their own codes, as errors). */
export const FINDING_CODES = [
  'WORK_SUMMARY_EMPTY',
  'POLITICAL_APPRAISAL_EMPTY',
  'PUBLICITY_POLITICAL_SUMMARY_EMPTY',
  'PUBLICITY_ACHIEVEMENT_SUMMARY_EMPTY',
  'WORK_HISTORY_EMPTY',
  'WORK_HISTORY_GAP',
  'WORK_HISTORY_OVERLAP',
  'WORK_HISTORY_START_MISMATCH',
  'ASSESSMENTS_EMPTY',
  'ASSESSMENT_YEAR_MISSING',
  'ASSESSMENT_POSTPONEMENT',
  'CE_YEAR_MISSING',
  'CE_HOURS_SHORT',
  'CE_EXEMPTION_USED',
  'PUBLICITY_TOO_SHORT',
  'CALENDAR_YEAR_UNKNOWN',
  'CALENDAR_REGIONAL_UNKNOWN',
  'SIGNED_BEFORE_PUBLICITY_END',
  'DEFENSE_EXEMPT',
  'DEFENSE_REQUIRED',
  'DEFENSE_EXEMPTION_UNSUPPORTED',
  'BLIND_REVIEW_NAME',
  'BLIND_REVIEW_EMPLOYER',
  'TITLE_DATES_ORDER',
  'WORK_STARTED_TOO_YOUNG',
  // Reported beside these rules by the packet contents (src/packet/contents.ts), which knows what is made and uploaded.
  'MATERIAL_MISSING',
] as const;
type FindingCode = (typeof FINDING_CODES)[number];

function finding(severity: Severity, path: string, code: FindingCode, message: string, messageEn: string): Finding {
  return { severity, path, code, message, messageEn };
}

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

// ------------------------------------------------------------------ content

function requiredContent(d: Dossier): Finding[] {
  const out: Finding[] = [];
  if (d.workSummary === '')
    out.push(
      finding(
        'error',
        '/workSummary',
        'WORK_SUMMARY_EMPTY',
        '缺少任现职以来个人工作总结（通知五（一）11）',
        'The personal work summary since the current title is missing (notice 5.1.11)',
      ),
    );
  if (d.politicalAppraisal === '')
    out.push(
      finding(
        'error',
        '/politicalAppraisal',
        'POLITICAL_APPRAISAL_EMPTY',
        '缺少现实表现（政治鉴定）材料（通知五（四）1）',
        'The political appraisal is missing (notice 5.4.1)',
      ),
    );
  if (d.publicity.politicalSummary === '')
    out.push(
      finding(
        'warning',
        '/publicity/politicalSummary',
        'PUBLICITY_POLITICAL_SUMMARY_EMPTY',
        '推荐单位公示缺少思想政治条件，将印为“无”',
        'The publicity notice has no political summary; it would print "无"',
      ),
    );
  if (d.publicity.achievementSummary === '')
    out.push(
      finding(
        'warning',
        '/publicity/achievementSummary',
        'PUBLICITY_ACHIEVEMENT_SUMMARY_EMPTY',
        '推荐单位公示缺少业绩成果，将印为“无”',
        'The publicity notice has no summary of achievements; it would print "无"',
      ),
    );
  return out;
}

// ------------------------------------------------------------------ work history

function workHistory(d: Dossier): Finding[] {
  if (d.workHistory.length === 0)
    return [finding('error', '/workHistory', 'WORK_HISTORY_EMPTY', '没有填写工作经历', 'The work history is empty')];
  const out: Finding[] = [];
  const order = d.workHistory
    .map((p, index) => ({ ...p, index }))
    .filter((p) => isYearMonth(p.from) && isYearMonth(p.to))
    .sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  const first = order[0];
  if (first && isYearMonth(d.applicant.workStartedOn) && first.from !== d.applicant.workStartedOn)
    out.push(
      finding(
        'warning',
        `/workHistory/${first.index}/from`,
        'WORK_HISTORY_START_MISMATCH',
        `工作经历从 ${first.from} 开始，与参加工作时间 ${d.applicant.workStartedOn} 不一致`,
        `The work history starts in ${first.from}, not at the start of work ${d.applicant.workStartedOn}`,
      ),
    );
  for (let i = 1; i < order.length; i++) {
    const prev = order[i - 1]!;
    const cur = order[i]!;
    const expected = addMonths(prev.to, 1);
    if (cur.from > expected)
      out.push(
        finding(
          'warning',
          `/workHistory/${cur.index}/from`,
          'WORK_HISTORY_GAP',
          `工作经历在 ${expected} 至 ${addMonths(cur.from, -1)} 之间中断，简历时间段应上下衔接`,
          `The work history has a gap from ${expected} to ${addMonths(cur.from, -1)}; periods should join up`,
        ),
      );
    else if (monthIndex(cur.from) <= monthIndex(prev.to))
      out.push(
        finding(
          'warning',
          `/workHistory/${cur.index}/from`,
          'WORK_HISTORY_OVERLAP',
          `工作经历 ${cur.from} 起与上一段（至 ${prev.to}）重叠`,
          `The period from ${cur.from} overlaps the previous one (to ${prev.to})`,
        ),
      );
  }
  return out;
}

// ------------------------------------------------------------------ 年度考核

function assessments(d: Dossier): Finding[] {
  if (d.assessments.length === 0)
    return [
      finding(
        'error',
        '/assessments',
        'ASSESSMENTS_EMPTY',
        '没有填写年度考核结果（通知五（一）10）',
        'No annual assessment results are given (notice 5.1.10)',
      ),
    ];
  const out: Finding[] = [];
  const window = assessmentYears(d.application.year);
  const startYear = isYearMonth(d.applicant.workStartedOn) ? Number(d.applicant.workStartedOn.slice(0, 4)) : -Infinity;
  d.assessments.forEach((a, i) => {
    const years = postponementFor(a.result);
    if (years > 0 && window.includes(a.year))
      out.push(
        finding(
          'error',
          `/assessments/${i}/result`,
          'ASSESSMENT_POSTPONEMENT',
          `${a.year} 年度考核为${a.result}，申报须顺延 ${years} 年`,
          `The ${a.year} annual assessment is ${a.result === '不合格' ? 'unsatisfactory (不合格)' : 'basically satisfactory (基本合格)'}: the application must be postponed by ${years} year${years === 1 ? '' : 's'}`,
        ),
      );
  });
  // 新入职不满3年的，提供相应年限考核结果: years before the applicant started are not expected.
  for (const year of window) {
    if (year < startYear || d.assessments.some((a) => a.year === year)) continue;
    out.push(
      finding(
        'warning',
        '/assessments',
        'ASSESSMENT_YEAR_MISSING',
        `缺少 ${year} 年度考核结果`,
        `The ${year} annual assessment result is missing`,
      ),
    );
  }
  return out;
}

// ------------------------------------------------------------------ 继续教育

function continuingEducation(d: Dossier): Finding[] {
  const out: Finding[] = [];
  const level = titleLevel(d.application.targetTitle);
  const window = continuingEducationWindow(level, d.application.year);
  const coverage = d.ceExemption ? ceExemptionCoverage(d.ceExemption) : null;
  const required: Readonly<Record<CeKind, number>> = {
    public: PUBLIC_HOURS_PER_YEAR,
    professional: PROFESSIONAL_HOURS_PER_YEAR,
  };
  const label: Readonly<Record<CeKind, [string, string]>> = {
    public: ['公需科目', 'public'],
    professional: ['专业科目', 'professional'],
  };

  const shortfall = (year: number, kind: CeKind, path: string, zh: string, en: string, code: FindingCode): void => {
    if (coverage && ceExemptionCovers(coverage, year, kind)) {
      out.push(
        finding(
          'info',
          path,
          'CE_EXEMPTION_USED',
          `${zh}；已申请免除继续教育学习（${d.ceExemption!.category}），以附件4审批为准`,
          `${en}; covered by the continuing-education exemption (${d.ceExemption!.category}), subject to approval of form 4`,
        ),
      );
    } else out.push(finding('error', path, code, zh, en));
  };

  const years = [...new Set([...window.publicYears, ...window.professionalYears])].sort((a, b) => a - b);
  for (const year of years) {
    const index = d.continuingEducation.findIndex((c) => c.year === year);
    const kinds = (['public', 'professional'] as const).filter((k) =>
      (k === 'public' ? window.publicYears : window.professionalYears).includes(year),
    );
    const entry = d.continuingEducation[index];
    if (!entry) {
      for (const kind of kinds)
        shortfall(
          year,
          kind,
          '/continuingEducation',
          `缺少 ${year} 年${label[kind][0]}继续教育记录（应不少于 ${required[kind]} 课时）`,
          `No ${label[kind][1]} continuing-education record for ${year} (at least ${required[kind]} hours required)`,
          'CE_YEAR_MISSING',
        );
      continue;
    }
    for (const kind of kinds) {
      const hours = kind === 'public' ? entry.publicHours : entry.professionalHours;
      if (hours >= required[kind]) continue;
      shortfall(
        year,
        kind,
        `/continuingEducation/${index}/${kind === 'public' ? 'publicHours' : 'professionalHours'}`,
        `${year} 年${label[kind][0]}只有 ${hours} 课时，应不少于 ${required[kind]} 课时`,
        `${year}: only ${hours} ${label[kind][1]} hours; at least ${required[kind]} required`,
        'CE_HOURS_SHORT',
      );
    }
  }
  return out;
}

// ------------------------------------------------------------------ 公示

function publicity(d: Dossier): Finding[] {
  const out: Finding[] = [];
  const problem = checkPublicityPeriod(d.publicity, '/publicity');
  if (problem) out.push({ ...problem, severity: problem.code === 'PUBLICITY_TOO_SHORT' ? 'error' : 'warning' });
  if (isIsoDate(d.publicity.startDate) && isIsoDate(d.publicity.endDate)) {
    const known = getWorkCalendar().regionalYears();
    const years = [...new Set([d.publicity.startDate.slice(0, 4), d.publicity.endDate.slice(0, 4)].map(Number))];
    const unknown = years.filter((y) => !known.includes(y));
    if (unknown.length > 0 && problem?.code !== 'CALENDAR_YEAR_UNKNOWN')
      out.push(
        finding(
          'info',
          '/publicity',
          'CALENDAR_REGIONAL_UNKNOWN',
          `工作日历尚无新疆 ${unknown.join('、')} 年的肉孜节、古尔邦节安排，公示期按全国节假日计算`,
          `The calendar has no Xinjiang 肉孜节/古尔邦节 dates for ${unknown.join(', ')}; working days follow the national calendar`,
        ),
      );
  }
  if (isIsoDate(d.signedOn) && isIsoDate(d.publicity.endDate) && d.signedOn <= d.publicity.endDate)
    out.push(
      finding(
        'warning',
        '/signedOn',
        'SIGNED_BEFORE_PUBLICITY_END',
        `落款日期 ${d.signedOn} 不晚于公示结束日 ${d.publicity.endDate}，公示结果应在公示期满后出具`,
        `The signing date ${d.signedOn} is not after the end of publicity ${d.publicity.endDate}; the result is issued after publicity ends`,
      ),
    );
  return out;
}

// ------------------------------------------------------------------ 答辩

function defense(d: Dossier): Finding[] {
  const reasons = defenseExemptionReasons(d);
  const stated = d.application.defenseExemption?.trim() ?? '';
  const derived = reasons.filter((r) => r !== stated);
  const out: Finding[] = [];
  if (reasons.length > 0)
    out.push(
      finding(
        'info',
        '/application/defenseExemption',
        'DEFENSE_EXEMPT',
        `免于答辩：${reasons[0]}`,
        `Exempt from the oral defence: ${reasons[0]}`,
      ),
    );
  else
    out.push(
      finding(
        'info',
        '/application/defenseExemption',
        'DEFENSE_REQUIRED',
        '须参加现场答辩',
        'The oral defence is required',
      ),
    );
  if (stated !== '' && derived.length === 0)
    out.push(
      finding(
        'warning',
        '/application/defenseExemption',
        'DEFENSE_EXEMPTION_UNSUPPORTED',
        `填写的免答辩理由“${stated}”在档案中找不到依据（通知六：访惠聚/寺管会/支教/第一书记、且末县、若羌县、县级以下基层单位、初级）`,
        `The stated exemption "${stated}" is not supported by the dossier (notice 6 lists postings, 且末县/若羌县, units at county level and below, and 初级)`,
      ),
    );
  return out;
}

// ------------------------------------------------------------------ 盲评

function blindReview(d: Dossier): Finding[] {
  const summary = d.workSummary;
  if (summary === '') return [];
  const out: Finding[] = [];
  const name = d.applicant.name;
  // Parts of a dotted name give the person away too (阿依古丽); one-character parts would match ordinary words.
  const nameParts = [name, ...name.split(NAME_DOT).filter((p) => Array.from(p).length >= 2)];
  const foundName = nameParts.find((p) => summary.includes(p));
  if (foundName)
    out.push(
      finding(
        'error',
        '/workSummary',
        'BLIND_REVIEW_NAME',
        `工作总结中出现了本人姓名“${foundName}”，盲评不允许`,
        `The work summary contains the applicant's name ("${foundName}"), which blind review forbids`,
      ),
    );
  const units = [...new Set([d.applicant.employer, d.recommendingUnit.name].filter((u) => u !== ''))];
  const foundUnit = units.find((u) => summary.includes(u));
  if (foundUnit)
    out.push(
      finding(
        'error',
        '/workSummary',
        'BLIND_REVIEW_EMPLOYER',
        `工作总结中出现了工作单位“${foundUnit}”，盲评不允许`,
        `The work summary names the employer ("${foundUnit}"), which blind review forbids`,
      ),
    );
  return out;
}

// ------------------------------------------------------------------ dates

function dateOrder(d: Dossier): Finding[] {
  const out: Finding[] = [];
  const t = d.applicant.currentTitle;
  if (t && isYearMonth(t.obtainedOn) && isYearMonth(t.appointedOn) && t.appointedOn < t.obtainedOn)
    out.push(
      finding(
        'warning',
        '/applicant/currentTitle/appointedOn',
        'TITLE_DATES_ORDER',
        `现职称聘任时间 ${t.appointedOn} 早于取得时间 ${t.obtainedOn}`,
        `The current title was appointed (${t.appointedOn}) before it was obtained (${t.obtainedOn})`,
      ),
    );
  const { birthDate, workStartedOn } = d.applicant;
  if (
    isYearMonth(birthDate) &&
    isYearMonth(workStartedOn) &&
    monthIndex(workStartedOn) - monthIndex(birthDate) < 16 * 12
  )
    out.push(
      finding(
        'warning',
        '/applicant/workStartedOn',
        'WORK_STARTED_TOO_YOUNG',
        `参加工作时间 ${workStartedOn} 时未满 16 周岁，请核对`,
        `Work started in ${workStartedOn}, before the age of 16; please check`,
      ),
    );
  return out;
}

/**
 * Every finding for a dossier. The dossier is re-checked against DossierSchema
 * first, so one validated by a narrower form schema still gets the schema's
 * rules (title ladder, date order …) as errors.
 */
export function runChecks(dossier: Dossier): Finding[] {
  const parsed = DossierSchema.safeParse(dossier);
  const schemaFindings: Finding[] = parsed.success
    ? []
    : problemsFromZodError(parsed.error).map((p) => ({ ...p, severity: 'error' as const }));
  const d = parsed.success ? parsed.data : dossier;
  const groups = [
    requiredContent,
    workHistory,
    assessments,
    continuingEducation,
    publicity,
    defense,
    blindReview,
    dateOrder,
  ];
  const findings = [...schemaFindings];
  for (const group of groups) {
    try {
      findings.push(...group(d));
    } catch (error) {
      // Only a dossier that failed the schema can break a group, and its schema errors are already listed.
      if (parsed.success) throw error;
    }
  }
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);
}

/** True when any finding is an error. */
export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
