/**
 * A filled roster workbook → dossiers, with every problem tied to the Excel
 * row and column staff have to fix. Rows with problems are reported, never
 * dropped; empty rows are skipped; rows marked 示例 in 备注 are skipped and listed.
 */
import ExcelJS from 'exceljs';
import type { Row, Worksheet } from 'exceljs';
import { RosterUnitSchema, type Dossier, type RosterUnit } from '../domain/dossier.js';
import { normaliseName } from '../domain/names.js';
import { parseDossier } from '../domain/parse.js';
import { problemsFromZodError } from '../domain/problems.js';
import { AppError, type Problem } from '../errors.js';
import { convertCell, cellText, isNone, type CellIssue } from './cells.js';
import {
  EXAMPLE_MARK,
  ID_HEADER,
  LIST_SHEETS,
  MAIN_COLUMNS,
  MAIN_SHEET,
  NAME_HEADER,
  NULLABLE_GROUPS,
  REMARK_HEADER,
  UNIT_FIELDS,
  UNIT_SHEET,
  type ColumnSpec,
  type ListSheetSpec,
} from './columns.js';
import { DEFAULT_LIMITS, type RosterImportLimits } from './limits.js';
import { getPointer, setPointer, unitLevelFromCell } from './mapping.js';
import { headerKey } from './text.js';
import { inspectZip } from './zip-guard.js';

/** One problem, located in the workbook and in the dossier. */
export interface RowError {
  /** Worksheet name, e.g. "申报人员" or "工作经历". */
  readonly sheet: string;
  /** Excel row number (1-based, as Excel shows it). */
  readonly row: number;
  /** Chinese column header; "" when the problem concerns the whole row. */
  readonly column: string;
  /** JSON pointer into the dossier ("" for workbook-level problems). */
  readonly path: string;
  readonly code: string;
  readonly message: string;
  readonly messageEn: string;
}

/** The outcome for one applicant row of the main sheet. */
export interface RowResult {
  /** Excel row number on the main sheet. */
  readonly row: number;
  readonly name?: string;
  readonly ok: boolean;
  /** Index into `dossiers` when ok. */
  readonly dossierIndex?: number;
  /** Problems of this applicant, on the main sheet or on its list-sheet rows. */
  readonly errors: RowError[];
}

/** A row left out on purpose (the template's example), listed so nothing vanishes unseen. */
export interface SkippedRow {
  readonly sheet: string;
  readonly row: number;
  readonly reason: 'example';
}

export interface RosterImportResult {
  readonly dossiers: Dossier[];
  readonly rows: RowResult[];
  /** The 填报单位 sheet, when filled in and valid. */
  readonly unit?: RosterUnit;
  /** Problems not tied to one applicant: list rows whose 身份证号 matches nobody, the unit sheet, missing columns. */
  readonly problems: RowError[];
  readonly skipped: SkippedRow[];
}

export interface ImportOptions {
  /** Named in error messages. */
  readonly fileName?: string;
  readonly limits?: Partial<RosterImportLimits>;
}

function uploadInvalid(fileName: string, code: string, zh: string, en: string): AppError {
  const problem: Problem = { path: '/file', code, message: `${fileName}：${zh}`, messageEn: `${fileName}: ${en}` };
  return new AppError('UPLOAD_INVALID', { details: [problem], zh: problem.message, en: problem.messageEn });
}

// ---------------------------------------------------------------- headers

type HeaderMap = ReadonlyMap<string, number>;

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
function findHeaderRow(
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

function findSheet(workbook: ExcelJS.Workbook, name: string): Worksheet | undefined {
  const key = headerKey(name);
  return workbook.worksheets.find((ws) => headerKey(ws.name) === key);
}

// ---------------------------------------------------------------- rows

interface ReadRow {
  readonly rowNumber: number;
  /** Values by JSON pointer (relative to the dossier or to a list entry). */
  readonly value: Record<string, unknown>;
  readonly errors: RowError[];
  /** Pointers whose cell could not be read; zod's "required" on them would only repeat the error. */
  readonly failed: Set<string>;
  readonly isExample: boolean;
  readonly isEmpty: boolean;
}

function readRow(sheetName: string, row: Row, columns: readonly ColumnSpec[], headers: HeaderMap): ReadRow {
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
function dataRows(sheet: Worksheet, headerRow: number): Row[] {
  const rows: Row[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber > headerRow) rows.push(row);
  });
  return rows;
}

// ---------------------------------------------------------------- list sheets

interface ListEntry {
  readonly row: ReadRow;
  readonly name: string;
}

interface ListIndex {
  readonly spec: ListSheetSpec;
  readonly byId: Map<string, ListEntry[]>;
  readonly headers: HeaderMap;
}

function cellIssueError(sheet: string, row: number, column: string, path: string, issue: CellIssue): RowError {
  return { sheet, row, column, path, ...issue };
}

function readListSheet(
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
    throw uploadInvalid(fileName, 'TOO_MANY_ROWS', `“${spec.sheet}”表超过 ${limits.maxListRows} 行`, `sheet "${spec.sheet}" has more than ${limits.maxListRows} rows`);
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
  return { spec, byId, headers: found.headers };
}

// ---------------------------------------------------------------- problems → cells

const LIST_FIELDS = new Map(LIST_SHEETS.map((s) => [s.field as string, s]));

/** Where a dossier problem sits in the workbook. */
function locate(
  problem: Problem,
  mainSheet: string,
  mainRow: number,
  sources: ReadonlyMap<string, readonly number[]>,
): Pick<RowError, 'sheet' | 'row' | 'column'> {
  const parts = problem.path.split('/').slice(1);
  const list = parts[0] === undefined ? undefined : LIST_FIELDS.get(parts[0]);
  if (list) {
    const index = Number(parts[1]);
    const listRow = Number.isInteger(index) ? sources.get(list.field)?.[index] : undefined;
    if (listRow === undefined) return { sheet: mainSheet, row: mainRow, column: list.sheet };
    const rest = '/' + parts.slice(2).join('/');
    return { sheet: list.sheet, row: listRow, column: columnFor(list.columns, rest) };
  }
  return { sheet: mainSheet, row: mainRow, column: columnFor(MAIN_COLUMNS, problem.path) };
}

/** The column of a pointer: exact, else the first column inside it (a group), else the nearest enclosing one. */
function columnFor(columns: readonly ColumnSpec[], pointer: string): string {
  const exact = columns.find((c) => c.path === pointer);
  if (exact) return exact.header;
  const inside = columns.find((c) => c.path?.startsWith(pointer + '/'));
  if (inside && pointer !== '/') return inside.header;
  let best: ColumnSpec | undefined;
  for (const c of columns) {
    if (c.path && pointer.startsWith(c.path + '/') && (!best || c.path.length > (best.path?.length ?? 0))) best = c;
  }
  return best?.header ?? '';
}

function isUnder(path: string, failed: ReadonlySet<string>): boolean {
  for (const f of failed) if (f !== '' && (path === f || path.startsWith(f + '/'))) return true;
  return false;
}

// ---------------------------------------------------------------- unit sheet

function readUnit(workbook: ExcelJS.Workbook, problems: RowError[]): RosterUnit | undefined {
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

// ---------------------------------------------------------------- main

function sameName(listName: string, mainName: string): boolean {
  return listName === '' || normaliseName(listName) === normaliseName(mainName);
}

/** OLE compound files: .xls, .et, and any workbook Excel has encrypted with a password. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
function isOleFile(bytes: Uint8Array): boolean {
  return OLE_MAGIC.every((byte, i) => bytes[i] === byte);
}

async function loadWorkbook(bytes: Uint8Array, limits: RosterImportLimits, fileName: string): Promise<ExcelJS.Workbook> {
  if (bytes.byteLength > limits.maxFileBytes) {
    throw uploadInvalid(fileName, 'FILE_TOO_LARGE', `文件超过 ${limits.maxFileBytes} 字节`, `the file is larger than ${limits.maxFileBytes} bytes`);
  }
  if (isOleFile(bytes)) {
    throw uploadInvalid(
      fileName,
      'XLS_OR_ENCRYPTED',
      '是旧版 .xls（或 WPS .et）文件或加了密码的工作簿，请在 Excel/WPS 中“另存为” .xlsx（不设密码）后上传',
      'an old .xls (or WPS .et) file or a password-protected workbook; save it as an unencrypted .xlsx and upload again',
    );
  }
  const verdict = await inspectZip(bytes, { maxEntries: limits.maxZipEntries, maxUncompressedBytes: limits.maxUncompressedBytes });
  if (!verdict.ok) {
    if (verdict.reason === 'not-zip' || verdict.reason === 'not-xlsx') {
      throw uploadInvalid(fileName, 'NOT_XLSX', '不是 Excel 工作簿（.xlsx）文件', 'not an Excel workbook (.xlsx)');
    }
    throw uploadInvalid(fileName, 'ZIP_TOO_LARGE', `解压后过大（${verdict.detail}）`, `too large once uncompressed (${verdict.detail})`);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (cause) {
    throw new AppError('UPLOAD_INVALID', {
      cause,
      details: [{ path: '/file', code: 'NOT_XLSX', message: `${fileName}：无法读取该 Excel 工作簿`, messageEn: `${fileName}: the workbook cannot be read` }],
      zh: `${fileName}：无法读取该 Excel 工作簿`,
      en: `${fileName}: the workbook cannot be read`,
    });
  }
  return workbook;
}

function findMainSheet(workbook: ExcelJS.Workbook): { sheet: Worksheet; headerRow: number; headers: HeaderMap } | undefined {
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
    throw uploadInvalid(fileName, 'TOO_MANY_ROWS', `申报人员超过 ${limits.maxApplicants} 行`, `more than ${limits.maxApplicants} applicant rows`);
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
          sources.set(list.spec.field, entries.map((e) => e.row.rowNumber));
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
