/**
 * Reads uploaded scans in worker threads (piscina), never on the event loop:
 * decoding a hostile PDF or PNG may take seconds of CPU and a lot of memory.
 * Each thread has a heap cap (`resourceLimits`), each file a time budget; a
 * thread that runs out of either is ended by piscina, which starts a fresh one,
 * and the caller gets a 422 (out of memory) or a 503 (out of time) naming the
 * file. Meanwhile the event loop keeps answering /healthz.
 */
import { Piscina } from 'piscina';
import { AppError, fromErrorRecord } from '../errors.js';
import { workerEntry } from '../threads/entry.js';
import { threadHeapLimits } from '../threads/heap-limits.js';
import type { Scan, ScanLimits, UploadedFile } from './scans.js';
import { uploadError } from './upload-error.js';
import type { ScanTask, ScanTaskResult } from './scan-task.js';

export interface ScanPoolOptions {
  /** Threads (files read at once). */
  readonly threads: number;
  /** Time allowed for one file, in ms. */
  readonly timeoutMs: number;
  /** Heap of a thread, in MiB. */
  readonly maxHeapMb: number;
}

export interface ScanPool {
  /** Checks one upload and makes its clean A4 pages; `imageBudget` is what the request has left of decoded image bytes. */
  inspect(file: UploadedFile, limits: ScanLimits, imageBudget: number): Promise<Scan>;
  close(): Promise<void>;
}

export function createScanPool(options: ScanPoolOptions): ScanPool {
  const threads = Math.max(1, options.threads);
  let pool: Piscina | undefined;
  const getPool = (): Piscina =>
    (pool ??= new Piscina({
      filename: workerEntry(import.meta.url, './scan-task.js', './scan-worker.mjs'),
      name: 'runScanTask',
      minThreads: 0,
      maxThreads: threads,
      idleTimeout: 60_000,
      maxQueue: threads * 32,
      resourceLimits: threadHeapLimits(options.maxHeapMb),
    }));

  return {
    async inspect(file, limits, imageBudget) {
      // A private copy is transferred, so the caller's buffer stays usable.
      const bytes = new Uint8Array(file.bytes);
      const task: ScanTask = { file: { ...file, bytes }, limits, imageBudget };
      const signal = AbortSignal.timeout(options.timeoutMs);
      let outcome: ScanTaskResult;
      try {
        outcome = (await getPool().run(task, { signal, transferList: [bytes.buffer] })) as ScanTaskResult;
      } catch (error) {
        throw poolError(error, file, signal.aborted, options.timeoutMs);
      }
      if (!outcome.ok) throw fromErrorRecord(outcome.error);
      return outcome.scan;
    },
    async close() {
      await pool?.destroy();
      pool = undefined;
    },
  };
}

function poolError(error: unknown, file: UploadedFile, timedOut: boolean, timeoutMs: number): AppError {
  if (timedOut) {
    const zh = `文件“${file.fileName}”处理超时（上限 ${timeoutMs} 毫秒），请稍后再试或换一个文件`;
    const en = `File "${file.fileName}" took longer than ${timeoutMs} ms to process; try again later or with another file`;
    return new AppError('UPLOAD_TIMEOUT', {
      cause: error,
      zh,
      en,
      details: [{ path: file.path, code: 'UPLOAD_TIMEOUT', message: zh, messageEn: en }],
    });
  }
  const code = (error as { code?: string } | null)?.code;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return uploadError(file, '处理时所需内存超过上限', 'needs more memory than allowed to process', 'UPLOAD_TOO_LARGE');
  }
  if (/queue is at limit/i.test((error as Error | null)?.message ?? '')) return new AppError('TOO_MANY_REQUESTS');
  // A thread that cannot start is our fault, not the file's.
  if (code?.startsWith('ERR_MODULE') || code === 'ERR_WORKER_INIT_FAILED') throw error;
  // Anything else a hostile file provokes in a decoder is still the file's fault, not ours.
  return uploadError(file, '无法读取', 'cannot be read', 'UPLOAD_CORRUPT');
}
