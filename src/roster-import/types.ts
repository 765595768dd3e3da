/** What an import gives back: dossiers, and each problem located in the workbook. */
import type { Dossier, RosterUnit } from '../domain/dossier.js';
import type { RosterImportLimits } from './limits.js';

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
