/** A dossier problem (JSON pointer) → the sheet, row and column staff must fix. */
import type { Problem } from '../errors.js';
import { LIST_SHEETS, MAIN_COLUMNS, type ColumnSpec } from './columns.js';
import type { RowError } from './types.js';

const LIST_FIELDS = new Map(LIST_SHEETS.map((s) => [s.field as string, s]));

/** Where a dossier problem sits in the workbook. */
export function locate(
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
    const rest = `/${parts.slice(2).join('/')}`;
    return { sheet: list.sheet, row: listRow, column: columnFor(list.columns, rest) };
  }
  return { sheet: mainSheet, row: mainRow, column: columnFor(MAIN_COLUMNS, problem.path) };
}

/** The column of a pointer: exact, else the first column inside it (a group), else the nearest enclosing one. */
function columnFor(columns: readonly ColumnSpec[], pointer: string): string {
  const exact = columns.find((c) => c.path === pointer);
  if (exact) return exact.header;
  const inside = columns.find((c) => c.path?.startsWith(`${pointer}/`));
  if (inside && pointer !== '/') return inside.header;
  let best: ColumnSpec | undefined;
  for (const c of columns) {
    if (c.path && pointer.startsWith(`${c.path}/`) && (!best || c.path.length > (best.path?.length ?? 0))) best = c;
  }
  return best?.header ?? '';
}

export function isUnder(path: string, failed: ReadonlySet<string>): boolean {
  for (const f of failed) if (f !== '' && (path === f || path.startsWith(`${f}/`))) return true;
  return false;
}
