/**
 * A filled roster workbook → dossiers, with every problem tied to the Excel
 * row and column staff have to fix. Rows with problems are reported, never
 * dropped; empty rows are skipped; rows marked 示例 in 备注 are skipped and listed.
 */
import type ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import type { Dossier } from '../domain/dossier.js';
import { normaliseName } from '../domain/names.js';
import { parseDossier } from '../domain/parse.js';
import {
  ID_HEADER,
  LIST_SHEETS,
  MAIN_COLUMNS,
  MAIN_SHEET,
  NAME_HEADER,
  NULLABLE_GROUPS,
  UNIT_SHEET,
} from './columns.js';
import { DEFAULT_LIMITS } from './limits.js';
import { readListSheet, type ListIndex } from './list-sheets.js';
import { loadWorkbook } from './load.js';
import { isUnder, locate } from './locate.js';
import { getPointer, setPointer } from './mapping.js';
import { dataRows, findHeaderRow, findSheet, readRow, type HeaderMap } from './sheet-rows.js';
import { headerKey } from './text.js';
import type { ImportOptions, RosterImportResult, RowError, RowResult, SkippedRow } from './types.js';
import { readUnit } from './unit-sheet.js';
import { uploadInvalid } from './upload-error.js';

export type { ImportOptions, RosterImportResult, RowResult } from './types.js';

function sameName(listName: string, mainName: string): boolean {
  return listName === '' || normaliseName(listName) === normaliseName(mainName);
}

function findMainSheet(
  workbook: ExcelJS.Workbook,
): { sheet: Worksheet; headerRow: number; headers: HeaderMap } | undefined {
  const required = [NAME_HEADER, ID_HEADER];
  const named = findSheet(workbook, MAIN_SHEET);
  const listNames = new Set([...LIST_SHEETS.map((s) => headerKey(s.sheet)), headerKey(UNIT_SHEET)]);
  // A renamed main sheet ("Sheet1") is still found by its headers.
  const candidates = named ? [named] : workbook.worksheets.filter((ws) => !listNames.has(headerKey(ws.name)));
  for (const sheet of candidates) {
    const found = findHeaderRow(sheet, MAIN_COLUMNS, required);
    if (found) return { sheet, headerRow: found.rowNumber, headers: found.headers };
  }
  return undefined;
}

/** Reads a filled roster workbook into dossiers and per-row results. Throws AppError UPLOAD_INVALID for unusable files. */
export async function importRoster(bytes: Uint8Array, options: ImportOptions = {}): Promise<RosterImportResult> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const fileName = options.fileName ?? '上传的文件';
  const workbook = await loadWorkbook(bytes, limits, fileName);

  const main = findMainSheet(workbook);
  if (!main) {
    throw uploadInvalid(
      fileName,
      'NO_ROSTER_SHEET',
      `找不到“${MAIN_SHEET}”工作表或其表头（需含“${NAME_HEADER}”“${ID_HEADER}”列）`,
      `no "${MAIN_SHEET}" sheet with the "${NAME_HEADER}" and "${ID_HEADER}" columns`,
    );
  }
  const mainRows = dataRows(main.sheet, main.headerRow);
  if (mainRows.length > limits.maxApplicants) {
    throw uploadInvalid(
      fileName,
      'TOO_MANY_ROWS',
      `申报人员超过 ${limits.maxApplicants} 行`,
      `more than ${limits.maxApplicants} applicant rows`,
    );
  }

  const problems: RowError[] = [];
  const skipped: SkippedRow[] = [];
  const missing = MAIN_COLUMNS.filter((c) => c.path && !main.headers.has(c.header)).map((c) => c.header);
  if (missing.length > 0) {
    problems.push({
      sheet: main.sheet.name,
      row: main.headerRow,
      column: missing.join('、'),
      path: '',
      code: 'MISSING_COLUMN',
      message: `缺少列：${missing.join('、')}`,
      messageEn: `Missing column(s): ${missing.join(', ')}`,
    });
  }
  const lists = LIST_SHEETS.map((spec) => readListSheet(workbook, spec, limits, fileName, problems, skipped)).filter(
    (l): l is ListIndex => l !== undefined,
  );
  const unit = readUnit(workbook, problems);

  const dossiers: Dossier[] = [];
  const rows: RowResult[] = [];
  const seenIds = new Map<string, number>();
  const exampleIds = new Set<string>();
  const claimedIds = new Set<string>();

  for (const row of mainRows) {
    const read = readRow(MAIN_SHEET, row, MAIN_COLUMNS, main.headers);
    if (read.isEmpty) continue;
    const id = getPointer(read.value, '/applicant/idNumber');
    if (read.isExample) {
      skipped.push({ sheet: main.sheet.name, row: row.number, reason: 'example' });
      if (typeof id === 'string') exampleIds.add(id);
      continue;
    }
    const name = getPointer(read.value, '/applicant/name');
    const errors: RowError[] = read.errors.map((e) => ({ ...e, sheet: main.sheet.name }));
    const failed = new Set(read.failed);
    const input = read.value;
    for (const group of NULLABLE_GROUPS) {
      if (getPointer(input, group) === undefined) setPointer(input, group, null);
    }

    const sources = new Map<string, number[]>();
    if (typeof id === 'string') {
      const first = seenIds.get(id);
      if (first !== undefined) {
        errors.push({
          sheet: main.sheet.name,
          row: row.number,
          column: ID_HEADER,
          path: '/applicant/idNumber',
          code: 'DUPLICATE_ID',
          message: `身份证号与第 ${first} 行重复`,
          messageEn: `The ID number repeats row ${first}`,
        });
      } else {
        seenIds.set(id, row.number);
        claimedIds.add(id);
        for (const list of lists) {
          const entries = list.byId.get(id) ?? [];
          input[list.spec.field] = entries.map((e) => e.row.value);
          sources.set(
            list.spec.field,
            entries.map((e) => e.row.rowNumber),
          );
          entries.forEach((entry, i) => {
            for (const e of entry.row.errors) errors.push({ ...e, path: `/${list.spec.field}/${i}${e.path}` });
            for (const f of entry.row.failed) failed.add(`/${list.spec.field}/${i}${f}`);
            if (typeof name === 'string' && !sameName(entry.name, name)) {
              errors.push({
                sheet: list.spec.sheet,
                row: entry.row.rowNumber,
                column: NAME_HEADER,
                path: `/${list.spec.field}/${i}`,
                code: 'NAME_MISMATCH',
                message: `姓名“${entry.name}”与身份证号对应的申报人“${name}”不一致`,
                messageEn: `The name "${entry.name}" differs from the applicant with this ID number, "${name}"`,
              });
            }
          });
        }
      }
    }

    const parsed = parseDossier(input);
    if (!parsed.ok) {
      for (const p of parsed.problems) {
        if (isUnder(p.path, failed)) continue;
        errors.push({ ...locate(p, main.sheet.name, row.number, sources), ...p });
      }
    }
    const ok = parsed.ok && errors.length === 0;
    if (ok) dossiers.push(parsed.value);
    rows.push({
      row: row.number,
      ...(typeof name === 'string' ? { name } : {}),
      ok,
      ...(ok ? { dossierIndex: dossiers.length - 1 } : {}),
      errors,
    });
  }

  for (const list of lists) {
    for (const [id, entries] of list.byId) {
      if (claimedIds.has(id)) continue;
      for (const entry of entries) {
        if (exampleIds.has(id)) {
          skipped.push({ sheet: list.spec.sheet, row: entry.row.rowNumber, reason: 'example' });
          continue;
        }
        problems.push({
          sheet: list.spec.sheet,
          row: entry.row.rowNumber,
          column: ID_HEADER,
          path: '',
          code: 'UNKNOWN_APPLICANT',
          message: `该身份证号在“${MAIN_SHEET}”表中找不到，该行未导入`,
          messageEn: `No applicant on sheet "${MAIN_SHEET}" has this ID number; the row was not imported`,
        });
      }
    }
  }

  skipped.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet.localeCompare(b.sheet)));
  return { dossiers, rows, ...(unit ? { unit } : {}), problems, skipped };
}
