/**
 * The batch's report: every problem that kept a document from being made and
 * every finding of the rule checks (as POST /v1/checks gives them), one line
 * each, per applicant; an applicant whose findings include an error is marked
 * so (their documents are still made: staff need them to correct). Written as
 * a CSV that Excel opens with Chinese intact (UTF-8 with a byte-order mark)
 * and as an XLSX of text cells.
 *
 * Cells are data, never formulas: a CSV cell beginning with = + - @, a tab or a
 * carriage return gets a leading apostrophe (OWASP "CSV Injection"), and the
 * XLSX holds only string cells.
 */
import type ExcelJS from 'exceljs';
import type { Finding } from '../domain/checks.js';
import type { Problem } from '../errors.js';
import { fieldName } from '../packet/field-names.js';

export interface BatchFailure {
  /** "/dossiers/3" or "申报人员!5" (sheet and row). */
  readonly source: string;
  readonly label: string;
  readonly problems: readonly Problem[];
  /** True when the applicant's folder was written but some documents are missing. */
  readonly partial?: boolean;
}

/** The rule findings of an applicant whose documents were made. */
export interface ApplicantFindings {
  readonly source: string;
  readonly label: string;
  readonly findings: readonly Finding[];
}

export interface BatchReport {
  readonly failures: readonly BatchFailure[];
  readonly findings: readonly ApplicantFindings[];
}

const HEADER = [
  '来源 Source',
  '申报人 Applicant',
  '结果 Outcome',
  '级别 Severity',
  '字段 Field',
  '路径 Path',
  '代码 Code',
  '说明',
  'Message',
];

const SEVERITY = { error: '错误 error', warning: '警告 warning', info: '提示 info' } as const;

const OUTCOMES = {
  skipped: '未生成 / skipped',
  partial: '部分文件未生成 / some documents missing',
  needsCorrection: '已生成，有错误须更正 / made, has errors to correct',
  made: '已生成 / made',
} as const;

/** True when an applicant's findings include an error (the notice would return the application). */
export function hasErrors(entry: ApplicantFindings): boolean {
  return entry.findings.some((finding) => finding.severity === 'error');
}

function reportRows(report: BatchReport): string[][] {
  const rows: string[][] = [];
  for (const failure of report.failures) {
    const outcome = failure.partial ? OUTCOMES.partial : OUTCOMES.skipped;
    for (const problem of failure.problems) rows.push(row(failure, outcome, 'error', problem));
  }
  for (const entry of report.findings) {
    const outcome = hasErrors(entry) ? OUTCOMES.needsCorrection : OUTCOMES.made;
    for (const finding of entry.findings) rows.push(row(entry, outcome, finding.severity, finding));
  }
  return rows;
}

function row(
  who: { source: string; label: string },
  outcome: string,
  severity: Finding['severity'],
  problem: Problem,
): string[] {
  return [
    who.source,
    who.label,
    outcome,
    SEVERITY[severity],
    fieldName(problem.path),
    problem.path,
    problem.code,
    problem.message,
    problem.messageEn,
  ];
}

export function batchReportCsv(report: BatchReport): Uint8Array {
  const lines = [HEADER, ...reportRows(report)];
  const text = lines.map((fields) => fields.map(csvField).join(',')).join('\r\n');
  return new TextEncoder().encode(`\uFEFF${text}\r\n`);
}

/** One CSV field: formula-safe, then quoted when it holds a separator, quote or line break. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export async function batchReportXlsx(report: BatchReport, createdAt: Date): Promise<Uint8Array> {
  // exceljs is loaded on first use: it is large, and most batches are asked for without a report workbook first.
  const { default: Excel } = await import('exceljs');
  const workbook: ExcelJS.Workbook = new Excel.Workbook();
  workbook.creator = 'zhicheng-docs';
  workbook.created = createdAt;
  workbook.modified = createdAt;
  const sheet = workbook.addWorksheet('检查报告', {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = HEADER.map((header, index) => ({
    header,
    width: [14, 12, 22, 12, 22, 24, 26, 48, 48][index] ?? 16,
  }));
  sheet.getRow(1).font = { bold: true };
  for (const values of reportRows(report)) {
    // Plain strings are written as text cells (exceljs makes a formula only of { formula }): "=1+2" stays text.
    const added = sheet.addRow(values);
    added.alignment = { wrapText: true, vertical: 'top' };
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: HEADER.length } };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
