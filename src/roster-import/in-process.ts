/**
 * A roster import on the calling thread, with the reader (exceljs, the zip
 * guard) loaded on first use rather than when the service starts. The service
 * imports in worker threads (isolated.ts); this is the path without them.
 */
import type { ImportOptions, RosterImportResult } from './import.js';

export async function importInProcess(bytes: Uint8Array, options: ImportOptions = {}): Promise<RosterImportResult> {
  const { importRoster } = await import('./import.js');
  return importRoster(bytes, options);
}
