/**
 * Dossier ↔ roster cells, driven by the column table: JSON pointers in and out,
 * plus the one field whose cell text differs from its value (单位层级).
 */
import type { Dossier } from '../domain/dossier.js';
import {
  ID_HEADER,
  LIST_SHEETS,
  MAIN_COLUMNS,
  NAME_HEADER,
  UNIT_LEVEL_ALIASES,
  UNIT_LEVELS,
  type ColumnSpec,
} from './columns.js';

export type CellOut = string | number;

function segments(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function getPointer(value: unknown, pointer: string): unknown {
  let current = value;
  for (const key of segments(pointer)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

export function setPointer(target: Record<string, unknown>, pointer: string, value: unknown): void {
  const keys = segments(pointer);
  let current = target;
  for (const key of keys.slice(0, -1)) {
    const next = current[key];
    if (next === null || typeof next !== 'object') current[key] = {};
    current = current[key] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1];
  if (last !== undefined) current[last] = value;
}

const UNIT_LEVEL_LABELS = Object.fromEntries(Object.entries(UNIT_LEVELS).map(([label, level]) => [level, label]));

/** 州直 / 县市 / 乡镇 (and their variants) → prefecture / county / township; anything else as typed. */
export function unitLevelFromCell(text: string): string {
  const label = UNIT_LEVEL_ALIASES[text.normalize('NFKC').replace(/\s+/gu, '')];
  return label ? UNIT_LEVELS[label] : text;
}

function cellFor(spec: ColumnSpec, source: unknown): CellOut {
  if (!spec.path) return '';
  const value = getPointer(source, spec.path);
  if (spec.path === '/applicant/unitLevel' && typeof value === 'string') return UNIT_LEVEL_LABELS[value] ?? value;
  if (typeof value === 'string' || typeof value === 'number') return value;
  return '';
}

/** One applicant's main-sheet row, keyed by header. */
export function mainRowFromDossier(dossier: Dossier): Record<string, CellOut> {
  return Object.fromEntries(MAIN_COLUMNS.map((spec) => [spec.header, cellFor(spec, dossier)]));
}

/** One applicant's list-sheet rows, keyed by sheet name, each keyed by header. */
export function listRowsFromDossier(dossier: Dossier): Record<string, Record<string, CellOut>[]> {
  const out: Record<string, Record<string, CellOut>[]> = {};
  for (const sheet of LIST_SHEETS) {
    const entries = dossier[sheet.field] as readonly unknown[];
    out[sheet.sheet] = entries.map((entry) =>
      Object.fromEntries(
        sheet.columns.map((spec) => {
          if (spec.header === ID_HEADER) return [spec.header, dossier.applicant.idNumber];
          if (spec.header === NAME_HEADER) return [spec.header, dossier.applicant.name];
          return [spec.header, cellFor(spec, entry)];
        }),
      ),
    );
  }
  return out;
}
