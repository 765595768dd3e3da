/**
 * One uploaded file as plain data in and out, so it can run in an upload
 * worker thread: the file and the limits in, the clean pages or an error
 * record out (an AppError does not survive the thread boundary as a class).
 */
import { AppError, toErrorRecord, type ErrorRecord } from '../errors.js';
import { inspectScan, type Scan, type ScanLimits, type UploadedFile } from './scans.js';

export interface ScanTask {
  readonly file: UploadedFile;
  readonly limits: ScanLimits;
  /** Decoded image bytes the request has left. */
  readonly imageBudget: number;
}

export type ScanTaskResult =
  | { readonly ok: true; readonly scan: Scan }
  | { readonly ok: false; readonly error: ErrorRecord };

export async function runScanTask(task: ScanTask): Promise<ScanTaskResult> {
  try {
    return { ok: true, scan: await inspectScan(task.file, task.limits, task.imageBudget) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: toErrorRecord(error) };
    throw error;
  }
}
