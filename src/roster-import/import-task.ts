/**
 * One import as plain data in and out, so it can run in a worker thread:
 * an AppError crosses the thread boundary as a record and is rebuilt here.
 */
import { AppError, ERROR_CODES, fromErrorRecord, toErrorRecord, type ErrorRecord } from '../errors.js';
import type { ImportOptions, RosterImportResult } from './import.js';
import { importInProcess } from './in-process.js';

export interface ImportTask {
  readonly bytes: Uint8Array;
  readonly options: ImportOptions;
}

export type ImportTaskResult =
  | { readonly ok: true; readonly result: RosterImportResult }
  | { readonly ok: false; readonly appError?: ErrorRecord; readonly message: string };

export async function runImportTask(task: ImportTask): Promise<ImportTaskResult> {
  try {
    return { ok: true, result: await importInProcess(task.bytes, task.options) };
  } catch (error) {
    if (error instanceof AppError) {
      return { ok: false, appError: toErrorRecord(error), message: error.message };
    }
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** The result, or the error the task ended with (an AppError keeps its code and wording). */
export function unwrapImportTask(outcome: ImportTaskResult): RosterImportResult {
  if (outcome.ok) return outcome.result;
  const record = outcome.appError;
  if (record && record.code in ERROR_CODES) {
    throw fromErrorRecord(record);
  }
  throw new Error(`roster import failed: ${outcome.message}`);
}
