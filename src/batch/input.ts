/**
 * A batch's applicants from either input staff have: the JSON `{ unit, dossiers }`
 * of docs/api.md, or the roster workbook they fill in. Whole-request problems (no
 * unit, not a list, too many applicants) are refused before anything starts;
 * problems of single applicants travel with their entry into the error report.
 */
import { z } from 'zod';
import { rosterDossiers, RosterUnitSchema, type Dossier, type RosterInput } from '../domain/dossier.js';
import { toIsoDate } from '../domain/dates.js';
import { AppError, rosterEmptyError, type Problem } from '../errors.js';
import { parseOrThrow } from '../http/validate.js';
import { examplesOnMainSheet, importInProcess, type RosterImportResult } from '../roster-import/index.js';
import type { BatchEntry } from './batch.js';

/** Reads a roster workbook; the HTTP route runs it in worker threads so a big file never blocks the server. */
export type RosterImporter = (bytes: Uint8Array, options: { fileName?: string }) => Promise<RosterImportResult>;

export interface BatchInput {
  /** The roster's unit block; none when the workbook's 填报单位 sheet is filled in wrongly (no roster is made). */
  readonly unit: RosterInput['unit'] | undefined;
  readonly entries: readonly BatchEntry[];
}

const JsonBatchSchema = z.strictObject({ unit: RosterUnitSchema, dossiers: rosterDossiers(z.unknown()) });

export function batchFromJson(body: unknown, maxApplicants: number): BatchInput {
  const { unit, dossiers } = parseOrThrow(JsonBatchSchema, body);
  checkCount(dossiers.length, maxApplicants, '/dossiers');
  return {
    unit,
    entries: dossiers.map((dossier, index) => ({
      source: `/dossiers/${index}`,
      label: nameOf(dossier, index),
      dossier,
    })),
  };
}

/** The workbook's rows; the unit comes from its 填报单位 sheet, else `unit`, else the first applicant's unit. */
export async function batchFromWorkbook(
  bytes: Uint8Array,
  opts: { fileName?: string; unit?: unknown; maxApplicants: number; now: Date; importer?: RosterImporter },
): Promise<BatchInput> {
  const importer = opts.importer ?? importInProcess;
  const imported = await importer(bytes, opts.fileName ? { fileName: opts.fileName } : {});
  if (imported.rows.length === 0) throw rosterEmptyError('/file', examplesOnMainSheet(imported));
  checkCount(imported.rows.length, opts.maxApplicants, '/file');
  const entries = imported.rows.map((row): BatchEntry => {
    const source = `申报人员!${row.row}`;
    const label = row.name ?? `第${row.row}行`;
    if (row.ok && row.dossierIndex !== undefined)
      return { source, label, dossier: imported.dossiers[row.dossierIndex] };
    return { source, label, problems: row.errors.map(rowProblem) };
  });
  const unit = unitOf(imported, opts.unit, opts.now);
  const stray = imported.problems.map(rowProblem);
  if (unit === undefined) stray.push(ROSTER_NOT_MADE);
  const withStray =
    stray.length > 0 ? [...entries, { source: '工作簿 / workbook', label: '—', problems: stray }] : entries;
  return { unit, entries: withStray };
}

/** Why the batch has no 附件5: the unit block the clerk filled in has mistakes, and no other unit is printed. */
const ROSTER_NOT_MADE: Problem = {
  path: '/unit',
  code: 'ROSTER_NOT_MADE',
  message: '“填报单位”表有误（见上），未生成附件5 申报人员花名册：改正后重新提交，或在请求中给出 unit',
  messageEn:
    'The 填报单位 sheet has mistakes (above), so no roster (附件5) was made: correct it and send again, or give unit in the request',
};

/**
 * The unit block: the request's `unit`, else the 填报单位 sheet, else, when the workbook has no such sheet
 * or leaves it empty, the first applicant's recommending unit. A sheet filled in with mistakes gives none:
 * printing another unit under the seal would be worse than no roster.
 */
function unitOf(imported: RosterImportResult, given: unknown, now: Date): RosterInput['unit'] | undefined {
  if (given !== undefined) return parseOrThrow(RosterUnitSchema, given, '/unit');
  if (imported.unit) return imported.unit;
  if (imported.problems.some((problem) => problem.path === '/unit' || problem.path.startsWith('/unit/')))
    return undefined;
  const first: Dossier | undefined = imported.dossiers[0];
  // With no usable row the batch still answers, with the error report of every row; no roster is made.
  if (!first) return { name: '', prefecture: '', preparer: '', phone: '', date: toIsoDate(now) };
  const unit = first.recommendingUnit;
  return {
    name: unit.name,
    prefecture: first.applicant.prefecture,
    preparer: '',
    phone: unit.phone,
    date: toIsoDate(now),
  };
}

function rowProblem(error: {
  sheet: string;
  row: number;
  column: string;
  path: string;
  code: string;
  message: string;
  messageEn: string;
}): Problem {
  const where = `${error.sheet}!${error.row}${error.column ? ` ${error.column}` : ''}`;
  return {
    path: error.path || where,
    code: error.code,
    message: `${where}：${error.message}`,
    messageEn: `${where}: ${error.messageEn}`,
  };
}

function checkCount(count: number, max: number, path: string): void {
  if (count <= max) return;
  throw new AppError('VALIDATION_FAILED', {
    zh: `一批最多 ${max} 名申报人员，收到 ${count} 名`,
    en: `A batch holds at most ${max} applicants; got ${count}`,
    details: [
      {
        path,
        code: 'BATCH_TOO_LARGE',
        message: `一批最多 ${max} 名申报人员`,
        messageEn: `At most ${max} applicants per batch`,
      },
    ],
  });
}

function nameOf(dossier: unknown, index: number): string {
  const name = (dossier as { applicant?: { name?: unknown } } | null)?.applicant?.name;
  return typeof name === 'string' && name.trim() !== '' ? name.trim() : `第${index + 1}名`;
}
