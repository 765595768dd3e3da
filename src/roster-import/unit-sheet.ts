/** The 填报单位 sheet: the roster's unit block, one label/value pair a row. */
import type ExcelJS from 'exceljs';
import { RosterUnitSchema, type RosterUnit } from '../domain/dossier.js';
import { problemsFromZodError } from '../domain/problems.js';
import { cellText, convertCell, isNone } from './cells.js';
import { UNIT_FIELDS, UNIT_SHEET } from './columns.js';
import { cellIssueError } from './list-sheets.js';
import { findSheet } from './sheet-rows.js';
import { headerKey } from './text.js';
import type { RowError } from './types.js';

export function readUnit(workbook: ExcelJS.Workbook, problems: RowError[]): RosterUnit | undefined {
  const sheet = findSheet(workbook, UNIT_SHEET);
  if (!sheet) return undefined;
  const byKey = new Map(UNIT_FIELDS.map((f) => [headerKey(f.header), f]));
  const value: Record<string, unknown> = {};
  const rowOf = new Map<string, number>();
  let any = false;
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const field = byKey.get(headerKey(cellText(row.getCell(1).value)));
    if (!field?.path) return;
    rowOf.set(field.path, row.number);
    const converted = convertCell(field.kind, row.getCell(2).value);
    if (!converted.ok) {
      any = true;
      problems.push(cellIssueError(UNIT_SHEET, row.number, field.header, `/unit${field.path}`, converted.issue));
      return;
    }
    if (converted.value !== undefined && !(field.kind === 'optionalText' && isNone(converted.value))) {
      any = true;
      value[field.path.slice(1)] = converted.value;
    }
  });
  if (!any) return undefined;
  const parsed = RosterUnitSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const p of problemsFromZodError(parsed.error, '/unit')) {
    const fieldPath = p.path.slice('/unit'.length);
    const field = UNIT_FIELDS.find((f) => f.path === fieldPath);
    problems.push({ sheet: UNIT_SHEET, row: rowOf.get(fieldPath) ?? 0, column: field?.header ?? '', ...p });
  }
  return undefined;
}
