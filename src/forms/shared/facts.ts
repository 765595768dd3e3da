/**
 * Phrases several forms print from the same dossier facts. They format values
 * only; the sentences around them live in the templates.
 */
import { daysBetween, formatChineseDate, formatChineseYearMonth } from '../../domain/dates.js';
import { titleLevel } from '../../domain/titles.js';
import { NONE } from '../../document/build.js';
import type { Applicant, Application } from '../../domain/dossier.js';

/** "初级（助理馆员）". */
export function levelWithTitle(application: Pick<Application, 'targetTitle'>): string {
  return `${titleLevel(application.targetTitle)}（${application.targetTitle}）`;
}

/** "档案系列档案专业初级（助理馆员）", as the 公示 and 鉴定 phrase it. */
export function applicationPhrase(application: Pick<Application, 'series' | 'specialty' | 'targetTitle'>): string {
  return `${application.series}系列${application.specialty}专业${levelWithTitle(application)}`;
}

/** "管理员（2016年12月取得）", or "无" without a current title. */
export function currentTitlePhrase(applicant: Pick<Applicant, 'currentTitle'>): string {
  const title = applicant.currentTitle;
  if (!title) return NONE;
  return `${title.name}（${formatChineseYearMonth(title.obtainedOn)}取得）`;
}

/** The current title's name alone, or "无". */
export function currentTitleName(applicant: Pick<Applicant, 'currentTitle'>): string {
  return applicant.currentTitle?.name ?? NONE;
}

/** "2006年7月毕业于新疆师范高等专科学校文秘专业". */
export function graduationPhrase(applicant: Pick<Applicant, 'education'>): string {
  const { graduatedOn, school, major } = applicant.education;
  return `${formatChineseYearMonth(graduatedOn)}毕业于${school}${major}专业`;
}

export { formatChineseDate as cnDate, formatChineseYearMonth as cnYearMonth };

/** Calendar days from start to end, both counted ("2024-09-26".."2024-10-08" → 13). */
export function calendarDaysInclusive(start: string, end: string): number {
  return daysBetween(start, end) + 1;
}
