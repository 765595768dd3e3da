/**
 * The notice's year windows, relative to the application year (the 2024 notice's
 * figures: 年度考核 2021–2023; 继续教育 初级 2023–2024, 中级 公需 2020–2024 and
 * 专业 2022–2024; 公需 30 and 专业 60 课时 a year), and the 年度考核 postponement.
 */
import type { TitleLevel } from './titles.js';

export const PUBLIC_HOURS_PER_YEAR = 30;
export const PROFESSIONAL_HOURS_PER_YEAR = 60;

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** 近三年年度考核: the three years before the application year. */
export function assessmentYears(applicationYear: number): number[] {
  return range(applicationYear - 3, applicationYear - 1);
}

export interface CeWindow {
  readonly publicYears: readonly number[];
  readonly professionalYears: readonly number[];
}

/** 初级: 近两年 both kinds; 中级: 公需 近五年, 专业 近三年 (application year included). */
export function continuingEducationWindow(level: TitleLevel, applicationYear: number): CeWindow {
  return level === '初级'
    ? {
        publicYears: range(applicationYear - 1, applicationYear),
        professionalYears: range(applicationYear - 1, applicationYear),
      }
    : {
        publicYears: range(applicationYear - 4, applicationYear),
        professionalYears: range(applicationYear - 2, applicationYear),
      };
}

/** Postponement each result causes: 基本合格 one year, 不合格 two. */
export function postponementFor(result: string): number {
  return result === '不合格' ? 2 : result === '基本合格' ? 1 : 0;
}

/** Years the application is postponed by these assessments (基本合格 +1, 不合格 +2 each). */
export function assessmentPostponementYears(assessments: readonly { readonly result: string }[]): number {
  return assessments.reduce((sum, a) => sum + postponementFor(a.result), 0);
}
