/**
 * The batch's error report: one line per problem, as a CSV that Excel opens
 * with Chinese intact (UTF-8 with a byte-order mark).
 */
import type { Problem } from '../errors.js';

export interface BatchFailure {
  /** "/dossiers/3" or "申报人员!5" (sheet and row). */
  readonly source: string;
  readonly label: string;
  readonly problems: readonly Problem[];
  /** True when the applicant's folder was written but some documents are missing. */
  readonly partial?: boolean;
}

const HEADER = ['来源 Source', '申报人 Applicant', '结果 Outcome', '字段 Field', '代码 Code', '说明', 'Message'];

export function errorReportCsv(failures: readonly BatchFailure[]): Uint8Array {
  const lines = [HEADER];
  for (const failure of failures) {
    const outcome = failure.partial ? '部分文件未生成 / some documents missing' : '未生成 / skipped';
    for (const problem of failure.problems) {
      lines.push([
        failure.source,
        failure.label,
        outcome,
        problem.path,
        problem.code,
        problem.message,
        problem.messageEn,
      ]);
    }
  }
  const text = lines.map((fields) => fields.map(csvField).join(',')).join('\r\n');
  return new TextEncoder().encode(`\uFEFF${text}\r\n`);
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
