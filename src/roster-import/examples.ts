/** The applicant sheet's rows skipped as examples: what an import without applicants held after all. */
import { MAIN_SHEET } from './columns.js';
import type { RosterImportResult, SkippedRow } from './types.js';

export function examplesOnMainSheet(result: RosterImportResult): SkippedRow[] {
  return result.skipped.filter((row) => row.sheet === MAIN_SHEET);
}
