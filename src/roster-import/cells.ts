/**
 * Cell values as exceljs reads them → the values a dossier holds. Staff type
 * the same thing many ways (a date as text, as an Excel date, as a serial
 * number; an ID as a number), so each kind accepts every unambiguous form and
 * reports the ambiguous ones instead of guessing.
 */
import type { CellValue } from 'exceljs';
import type { CellKind } from './columns.js';

/** A cell problem in the shape of a domain Problem, without its path. */
export interface CellIssue {
  readonly code: string;
  readonly message: string;
  readonly messageEn: string;
}

export type Converted =
  | { readonly ok: true /** undefined: the cell is empty. */; readonly value: string | number | undefined }
  | { readonly ok: false; readonly issue: CellIssue };

type Plain = string | number | boolean | Date | { readonly error: string } | undefined;

/** Unwraps rich text, hyperlinks and formulas (their cached result) to one plain value. */
export function plainValue(value: CellValue | undefined): Plain {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : plainValue(value.text as CellValue);
  if ('error' in value) return { error: String(value.error) };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null) return undefined;
    if (typeof result === 'object' && result !== null && 'error' in result) {
      return { error: String((result as { error: unknown }).error) };
    }
    return result as string | number | boolean | Date;
  }
  return undefined;
}

/** The text of a cell for headers and keys: trimmed, '' when empty. */
export function cellText(value: CellValue | undefined): string {
  const plain = plainValue(value);
  if (plain === undefined || typeof plain === 'object') {
    return plain instanceof Date ? isoDate(plain) : '';
  }
  return String(plain).trim();
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Excel stores a date as local wall time; exceljs hands it over as that time in UTC. */
function isoDate(date: Date): string {
  // Half a second of slack: some writers store 23:59:59.9995 for midnight.
  const d = new Date(date.getTime() + 500);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** Serial day numbers between 1954 and 2119: the only numbers read as dates in a date column. */
const SERIAL_MIN = 20_000;
const SERIAL_MAX = 80_000;
const EXCEL_EPOCH_OFFSET_DAYS = 25_569; // 1970-01-01 as an Excel serial (1900 date system)

function serialToDate(serial: number): Date {
  return new Date(Math.round((serial - EXCEL_EPOCH_OFFSET_DAYS) * 86_400_000));
}

const YM_TEXT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/u;
const YM_COMPACT = /^(\d{4})(\d{2})$/u;
const YMD_TEXT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/u;
const YMD_COMPACT = /^(\d{4})(\d{2})(\d{2})$/u;

function validMonth(month: string): boolean {
  const m = Number(month);
  return m >= 1 && m <= 12;
}

/** A date typed as text in any common way → YYYY-MM-DD or YYYY-MM, or undefined. */
function parseDateText(text: string): { ym: string; ymd?: string } | undefined {
  const t = text.normalize('NFKC').trim();
  const full = YMD_TEXT.exec(t) ?? YMD_COMPACT.exec(t);
  if (full) {
    const [, y, m, d] = full as unknown as [string, string, string, string];
    if (!validMonth(m)) return undefined;
    return { ym: `${y}-${pad2(Number(m))}`, ymd: `${y}-${pad2(Number(m))}-${pad2(Number(d))}` };
  }
  const ym = YM_TEXT.exec(t) ?? YM_COMPACT.exec(t);
  if (ym) {
    const [, y, m] = ym as unknown as [string, string, string];
    if (!validMonth(m)) return undefined;
    return { ym: `${y}-${pad2(Number(m))}` };
  }
  return undefined;
}

const issue = (code: string, message: string, messageEn: string): Converted => ({
  ok: false,
  issue: { code, message, messageEn },
});

function convertDate(kind: 'yearMonth' | 'date', plain: Exclude<Plain, undefined | { error: string }>): Converted {
  const want = kind === 'yearMonth' ? 'YYYY-MM' : 'YYYY-MM-DD';
  if (typeof plain === 'number') {
    if (Number.isInteger(plain) && plain >= SERIAL_MIN && plain <= SERIAL_MAX) {
      return convertDate(kind, serialToDate(plain));
    }
    if (!Number.isInteger(plain)) {
      // 1985.1 could be January or October once Excel has dropped the trailing zero.
      return issue(
        'DATE_AMBIGUOUS',
        `“${plain}”是数字，无法确定月份，请按文本 ${want} 填写`,
        `"${plain}" is a number and its month is ambiguous; type it as text ${want}`,
      );
    }
    return convertDate(kind, String(plain));
  }
  if (plain instanceof Date) {
    const iso = isoDate(plain);
    return { ok: true, value: kind === 'yearMonth' ? iso.slice(0, 7) : iso };
  }
  const text = String(plain).trim();
  const parsed = parseDateText(text);
  if (parsed && kind === 'yearMonth') return { ok: true, value: parsed.ym };
  if (parsed?.ymd) return { ok: true, value: parsed.ymd };
  return issue(
    'DATE_FORMAT',
    `“${text}”不是 ${want} 格式的${kind === 'yearMonth' ? '年月' : '日期'}`,
    `"${text}" is not a ${kind === 'yearMonth' ? 'year-month' : 'date'} in the form ${want}`,
  );
}

/** Excel keeps 15 significant digits of a number; an 18-digit ID stored as a number has lost its last three. */
const EXCEL_DIGITS = 15;

function convertId(plain: Exclude<Plain, undefined | { error: string }>): Converted {
  if (typeof plain === 'number') {
    const digits = Number.isFinite(plain) ? Math.abs(plain).toFixed(0) : '';
    if (!Number.isInteger(plain) || digits.length > EXCEL_DIGITS) {
      return issue(
        'ID_PRECISION_LOST',
        '身份证号被 Excel 存成了数字，后几位已丢失；请把该列设为文本格式后重新输入',
        'The ID number was stored by Excel as a number and has lost its last digits; format the column as text and type it again',
      );
    }
    return { ok: true, value: digits };
  }
  const text = (plain instanceof Date ? isoDate(plain) : String(plain)).normalize('NFKC').replace(/\s+/gu, '');
  return { ok: true, value: text === '' ? undefined : text.toUpperCase() };
}

function convertNumber(kind: 'int' | 'number', plain: Exclude<Plain, undefined | { error: string }>): Converted {
  if (typeof plain === 'number') return { ok: true, value: plain };
  const text = String(plain).normalize('NFKC').trim();
  // "2024年", "30学时", "60课时": the unit is decoration.
  const bare = text.replace(kind === 'int' ? /\s*年度?$/u : /\s*(学时|课时|小时)$/u, '');
  if (/^-?\d+(\.\d+)?$/u.test(bare)) return { ok: true, value: Number(bare) };
  return issue('NUMBER_FORMAT', `“${text}”不是数字`, `"${text}" is not a number`);
}

/** Values that mean "nothing here" in an optional field (the notice prints 无 for empty fields). */
export function isNone(value: string | number | undefined): boolean {
  return value === undefined || value === '' || value === '无' || value === '/' || value === '—';
}

export function convertCell(kind: CellKind, value: CellValue | undefined): Converted {
  const plain = plainValue(value);
  if (plain === undefined) return { ok: true, value: undefined };
  if (typeof plain === 'object' && !(plain instanceof Date)) {
    return issue('CELL_ERROR', `单元格是错误值 ${plain.error}`, `The cell holds the error value ${plain.error}`);
  }
  if (typeof plain === 'string' && plain.trim() === '') return { ok: true, value: undefined };
  switch (kind) {
    case 'text':
    case 'optionalText':
      return { ok: true, value: plain instanceof Date ? isoDate(plain) : String(plain).trim() };
    case 'phone':
      return {
        ok: true,
        value:
          typeof plain === 'number' && Number.isInteger(plain)
            ? plain.toFixed(0)
            : String(plain).normalize('NFKC').trim(),
      };
    case 'id':
      return convertId(plain);
    case 'yearMonth':
    case 'date':
      return convertDate(kind, plain);
    case 'int':
    case 'number':
      return convertNumber(kind, plain);
  }
}
