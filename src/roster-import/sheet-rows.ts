/**
 * Reading data sheets: headers matched by their Chinese names (any order,
 * spaces and full-width brackets tolerated, unknown columns ignored), and rows
 * turned into values by JSON pointer plus the problems of unreadable cells.
 */
import type ExcelJS from 'exceljs';
import type { Row, Worksheet } from 'exceljs';
import { cellText, convertCell, isNone } from './cells.js';
import { EXAMPLE_MARK, REMARK_HEADER, type ColumnSpec } from './columns.js';
import { setPointer, unitLevelFromCell } from './mapping.js';
import { headerKey } from './text.js';
import type { RowError } from './types.js';

export type HeaderMap = ReadonlyMap<string, number>;

/** Header text → column number, matched by header or alias after folding widths and spaces. */
function mapHeaders(row: Row, columns: readonly ColumnSpec[]): Map<string, number> {
  const byKey = new Map<string, string>();
  for (const spec of columns) {
    for (const name of [spec.header, ...(spec.aliases ?? [])]) {
      if (!byKey.has(headerKey(name))) byKey.set(headerKey(name), spec.header);
    }
  }
  const found = new Map<string, number>();
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    const header = byKey.get(headerKey(cellText(cell.value)));
    if (header !== undefined && !found.has(header)) found.set(header, col);
  });
  return found;
}

/** The header row: the first of the top rows carrying every `required` header (staff sometimes add a title row). */
export function findHeaderRow(
  sheet: Worksheet,
  columns: readonly ColumnSpec[],
  required: readonly string[],
): { rowNumber: number; headers: HeaderMap } | undefined {
  const last = Math.min(sheet.rowCount, 6);
  for (let r = 1; r <= last; r++) {
    const headers = mapHeaders(sheet.getRow(r), columns);
    if (required.every((h) => headers.has(h))) return { rowNumber: r, headers };
  }
  return undefined;
}

export function findSheet(workbook: ExcelJS.Workbook, name: string): Worksheet | undefined {
  const key = headerKey(name);
  return workbook.worksheets.find((ws) => headerKey(ws.name) === key);
}

export interface ReadRow {
  readonly rowNumber: number;
  /** Values by JSON pointer (relative to the dossier or to a list entry). */
  readonly value: Record<string, unknown>;
  readonly errors: RowError[];
  /** Pointers whose cell could not be read; zod's "required" on them would only repeat the error. */
  readonly failed: Set<string>;
  readonly isExample: boolean;
  readonly isEmpty: boolean;
}

export function readRow(sheetName: string, row: Row, columns: readonly ColumnSpec[], headers: HeaderMap): ReadRow {
  const value: Record<string, unknown> = {};
  const errors: RowError[] = [];
  const failed = new Set<string>();
  let isEmpty = true;
  let isExample = false;
  for (const spec of columns) {
    const col = headers.get(spec.header);
    if (col === undefined) continue;
    const cell = row.getCell(col).value;
    if (spec.header === REMARK_HEADER) {
      isExample = cellText(cell).includes(EXAMPLE_MARK);
      continue;
    }
    const converted = convertCell(spec.kind, cell);
    if (!converted.ok) {
      isEmpty = false;
      const path = spec.path ?? '';
      failed.add(path);
      errors.push({ sheet: sheetName, row: row.number, column: spec.header, path, ...converted.issue });
      continue;
    }
    let v = converted.value;
    if (v !== undefined) isEmpty = false;
    if (!spec.path) continue;
    if (typeof v === 'string' && (spec.kind === 'optionalText' || spec.nullWhenEmpty) && isNone(v)) v = undefined;
    if (typeof v === 'string' && spec.path === '/applicant/unitLevel') v = unitLevelFromCell(v);
    if (v !== undefined) setPointer(value, spec.path, v);
  }
  return { rowNumber: row.number, value, errors, failed, isExample, isEmpty };
}

/** Data rows below the header, in order, with empty rows left out. */
export function dataRows(sheet: Worksheet, headerRow: number): Row[] {
  const rows: Row[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber > headerRow) rows.push(row);
  });
  return rows;
}
