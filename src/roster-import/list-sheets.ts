/**
 * The list sheets (工作经历, 年度考核 …): each row is one entry of one dossier
 * list, keyed by 身份证号; rows are indexed by that key for the join.
 */
import type ExcelJS from 'exceljs';
import { cellText, convertCell, type CellIssue } from './cells.js';
import { ID_HEADER, NAME_HEADER, type ListSheetSpec } from './columns.js';
import type { RosterImportLimits } from './limits.js';
import { dataRows, findHeaderRow, findSheet, readRow, type ReadRow } from './sheet-rows.js';
import type { RowError, SkippedRow } from './types.js';
import { uploadInvalid } from './upload-error.js';

interface ListEntry {
  readonly row: ReadRow;
  readonly name: string;
}

export interface ListIndex {
  readonly spec: ListSheetSpec;
  readonly byId: Map<string, ListEntry[]>;
}

export function cellIssueError(sheet: string, row: number, column: string, path: string, issue: CellIssue): RowError {
  return { sheet, row, column, path, ...issue };
}

export function readListSheet(
  workbook: ExcelJS.Workbook,
  spec: ListSheetSpec,
  limits: RosterImportLimits,
  fileName: string,
  problems: RowError[],
  skipped: SkippedRow[],
): ListIndex | undefined {
  const sheet = findSheet(workbook, spec.sheet);
  if (!sheet) return undefined;
  const found = findHeaderRow(sheet, spec.columns, [ID_HEADER]);
  if (!found) {
    if (sheet.actualRowCount > 0) {
      problems.push({
        sheet: spec.sheet,
        row: 1,
        column: ID_HEADER,
        path: '',
        code: 'MISSING_COLUMN',
        message: `“${spec.sheet}”表缺少“${ID_HEADER}”列，该表未导入`,
        messageEn: `Sheet "${spec.sheet}" has no "${ID_HEADER}" column and was not imported`,
      });
    }
    return undefined;
  }
  const rows = dataRows(sheet, found.rowNumber);
  if (rows.length > limits.maxListRows) {
    throw uploadInvalid(
      fileName,
      'TOO_MANY_ROWS',
      `“${spec.sheet}”表超过 ${limits.maxListRows} 行`,
      `sheet "${spec.sheet}" has more than ${limits.maxListRows} rows`,
    );
  }
  const idColumn = found.headers.get(ID_HEADER) as number;
  const nameColumn = found.headers.get(NAME_HEADER);
  const byId = new Map<string, ListEntry[]>();
  for (const row of rows) {
    const read = readRow(spec.sheet, row, spec.columns, found.headers);
    if (read.isEmpty) continue;
    if (read.isExample) {
      skipped.push({ sheet: spec.sheet, row: row.number, reason: 'example' });
      continue;
    }
    const key = convertCell('id', row.getCell(idColumn).value);
    if (!key.ok) {
      problems.push(cellIssueError(spec.sheet, row.number, ID_HEADER, '', key.issue));
      continue;
    }
    if (key.value === undefined) {
      problems.push({
        sheet: spec.sheet,
        row: row.number,
        column: ID_HEADER,
        path: '',
        code: 'REQUIRED',
        message: '缺少身份证号，无法对应到申报人',
        messageEn: 'No ID number: the row cannot be matched to an applicant',
      });
      continue;
    }
    const entries = byId.get(String(key.value)) ?? [];
    entries.push({ row: read, name: nameColumn === undefined ? '' : cellText(row.getCell(nameColumn).value) });
    byId.set(String(key.value), entries);
  }
  return { spec, byId };
}
