/**
 * Runs roster imports in worker threads (piscina). Reading a 2,000-row
 * workbook takes seconds of CPU (exceljs); in a thread the event loop keeps
 * answering health checks meanwhile, a heap cap bounds what one hostile file
 * can take, and a timeout ends the thread instead of waiting on it. Threads
 * start on the first import and leave after a minute idle.
 */
import { Piscina } from 'piscina';
import { AppError } from '../errors.js';
import { workerEntry } from '../threads/entry.js';
import { threadHeapLimits } from '../threads/heap-limits.js';
import type { ImportOptions, RosterImportResult } from './import.js';
import { unwrapImportTask, type ImportTask, type ImportTaskResult } from './import-task.js';

export interface IsolationOptions {
  /** Time allowed for one import, in ms; past it the thread is ended and the caller gets 503. */
  readonly timeoutMs: number;
  /** Heap of an import thread, in MiB; a workbook that needs more is refused (422). */
  readonly maxHeapMb: number;
  /** Threads at most (imports at once). */
  readonly threads: number;
}

export const DEFAULT_ISOLATION: IsolationOptions = { timeoutMs: 60_000, maxHeapMb: 1024, threads: 2 };

export interface RosterImportPool {
  run(bytes: Uint8Array, options?: ImportOptions): Promise<RosterImportResult>;
  close(): Promise<void>;
}

function isOutOfMemory(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
}

export function createRosterImportPool(isolation: IsolationOptions = DEFAULT_ISOLATION): RosterImportPool {
  let pool: Piscina | undefined;
  const getPool = (): Piscina =>
    (pool ??= new Piscina({
      filename: workerEntry(import.meta.url, './import-task.js', './import-worker.mjs'),
      name: 'runImportTask',
      minThreads: 0,
      maxThreads: Math.max(1, isolation.threads),
      idleTimeout: 60_000,
      resourceLimits: threadHeapLimits(isolation.maxHeapMb),
    }));

  return {
    async run(bytes, options = {}) {
      // A private copy is transferred, so the caller's buffer stays usable.
      const copy = new Uint8Array(bytes);
      const task: ImportTask = { bytes: copy, options };
      const signal = AbortSignal.timeout(isolation.timeoutMs);
      let outcome: ImportTaskResult;
      try {
        outcome = (await getPool().run(task, { signal, transferList: [copy.buffer] })) as ImportTaskResult;
      } catch (error) {
        if (signal.aborted) {
          throw new AppError('RENDER_TIMEOUT', {
            cause: error,
            zh: '导入花名册超时，请稍后再试或拆分文件',
            en: 'Importing the roster took too long; try again later or split the file',
          });
        }
        if (isOutOfMemory(error)) {
          const zh = `${options.fileName ?? '上传的文件'}：工作簿过大，无法处理`;
          const en = `${options.fileName ?? 'The uploaded file'}: the workbook is too large to process`;
          throw new AppError('UPLOAD_INVALID', {
            cause: error,
            zh,
            en,
            details: [{ path: '/file', code: 'WORKBOOK_TOO_LARGE', message: zh, messageEn: en }],
          });
        }
        throw error;
      }
      return unwrapImportTask(outcome);
    },
    async close() {
      await pool?.destroy();
      pool = undefined;
    },
  };
}
