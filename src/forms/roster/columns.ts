/**
 * The roster's columns: header text, relative width, and how a dossier fills
 * the cell. Cell text is built directly (no template per row) so 500 rows
 * build in milliseconds.
 */
import { NONE, orNone } from '../../document/build.js';
import type { TableColumn } from '../../document/model.js';
import { defenseExemptionReason } from '../../domain/derived.js';
import type { Dossier } from '../../domain/dossier.js';
import { assessmentYears } from '../../domain/windows.js';
import { formatYearMonthDot } from '../../domain/dates.js';
import { levelWithTitle } from '../shared/facts.js';

export interface RosterColumn {
  readonly header: string;
  /** The header as printed, broken where a reader would break it ("参加工作\n时间"); default `header`. */
  readonly label?: string;
  /** Relative width (about mm on landscape A4): how room beyond the content is shared. */
  readonly width: number;
  /** How the column is sized from its content (table-widths.ts); default 'auto'. */
  readonly sizing?: TableColumn;
  readonly text: (dossier: Dossier, index: number) => string;
}

/** Short values that must never wrap (维吾尔族, 初次确定). */
const NOWRAP: TableColumn = { nowrap: true };
/** Exactly as wide as the widest value (a number): room beyond it goes to the text columns. */
const TIGHT: TableColumn = { kind: 'min', nowrap: true };

/** "2021年合格", "2022年基本合格", "2023年合格", one a line: the three years before the application year. */
function recentAssessments(dossier: Dossier): string {
  const window = new Set(assessmentYears(dossier.application.year));
  const latest = dossier.assessments.filter((a) => window.has(a.year)).sort((a, b) => a.year - b.year);
  return latest.length === 0 ? NONE : latest.map((a) => `${a.year}年${a.result}`).join('\n');
}

/**
 * The exemption applied for (附件4), then the hours of each year, one a line
 * ("2023年30/60": 公需/专业 hours, as the header says), so a narrow column reads as a list.
 */
function continuingEducationSummary(dossier: Dossier): string {
  const lines: string[] = [];
  if (dossier.ceExemption) lines.push(`申请免除（${orNone(dossier.ceExemption.category)}）`);
  const years = [...dossier.continuingEducation].sort((a, b) => a.year - b.year);
  if (years.length > 0) {
    lines.push(...years.map((y) => `${y.year}年${y.publicHours}/${y.professionalHours}`));
  }
  return lines.length === 0 ? NONE : lines.join('\n');
}

function defenseExemptionText(dossier: Dossier): string {
  const reason = defenseExemptionReason(dossier);
  return reason ? `是（${reason}）` : '否';
}

export const ROSTER_COLUMNS: readonly RosterColumn[] = [
  { header: '序号', width: 5, sizing: TIGHT, text: (_d, index) => String(index + 1) },
  // A name breaks after its dot at most (阿依古丽· | 买买提), never inside a part.
  { header: '姓名', width: 12, sizing: { keepWords: true }, text: (d) => d.applicant.name },
  { header: '性别', width: 5, sizing: TIGHT, text: (d) => d.applicant.gender },
  { header: '民族', width: 8, sizing: NOWRAP, text: (d) => d.applicant.ethnicity },
  // Two short values a cell, one above the other, as personnel rosters stack them: two columns fewer
  // leave the unit and school names room to print four or more characters a line at 小五.
  {
    header: '出生年月／参加工作时间',
    label: '出生年月\n参加工作\n时间',
    width: 13,
    sizing: TIGHT,
    text: (d) => `${formatYearMonthDot(d.applicant.birthDate)}\n${formatYearMonthDot(d.applicant.workStartedOn)}`,
  },
  {
    header: '身份证号／联系电话',
    label: '身份证号\n联系电话',
    width: 37,
    sizing: TIGHT,
    text: (d) => `${d.applicant.idNumber}\n${d.applicant.phone}`,
  },
  { header: '政治面貌', width: 10, text: (d) => d.applicant.politicalStatus },
  {
    header: '学历学位',
    width: 13,
    text: (d) => `${d.applicant.education.level}／${orNone(d.applicant.education.degree)}`,
  },
  {
    header: '毕业院校及专业',
    label: '毕业院校\n及专业',
    width: 20,
    text: (d) => `${d.applicant.education.school}${d.applicant.education.major}专业`,
  },
  { header: '工作单位', width: 19, text: (d) => d.applicant.employer },
  {
    header: '现职称及取得时间',
    label: '现职称及\n取得时间',
    width: 15,
    text: (d) =>
      d.applicant.currentTitle
        ? `${d.applicant.currentTitle.name}（${formatYearMonthDot(d.applicant.currentTitle.obtainedOn)}）`
        : NONE,
  },
  { header: '申报职称', width: 11, text: (d) => levelWithTitle(d.application) },
  { header: '申报方式', width: 9, sizing: NOWRAP, text: (d) => d.application.route },
  // One year a line where the column allows; a long result wraps after its year (2022年 | 基本合格), never inside.
  { header: '近三年考核', width: 16, sizing: { keepWords: true }, text: recentAssessments },
  { header: '继续教育', label: '继续教育\n公需/专业\n（学时）', width: 22, text: continuingEducationSummary },
  { header: '是否免答辩', label: '是否\n免答辩', width: 12, text: defenseExemptionText },
  { header: '备注', width: 5, sizing: TIGHT, text: () => NONE },
];
