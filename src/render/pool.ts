/**
 * The render service: every render goes through here, so the limits hold for
 * all routes alike.
 * - RENDER_CONCURRENCY renders run at once; up to RENDER_QUEUE_SIZE wait; one
 *   more is refused at once (429), so a burst cannot pile up unbounded work.
 * - RENDER_TIMEOUT_MS bounds waiting plus rendering (503). In a worker the task
 *   is aborted (piscina ends the thread); in-process the CPU work cannot be
 *   interrupted, so its slot stays taken until it really ends.
 * - RENDER_WORKERS > 0 renders in piscina worker threads so the event loop keeps
 *   answering health checks while PDFs are laid out; 0 runs the same code here.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { Config } from '../config.js';
import { sharedFontBytes } from '../fonts/bytes.js';
import { getFontLibrary } from '../fonts/library.js';
import { AppError, fromErrorRecord } from '../errors.js';
import type { FormDefinition, Format } from '../forms/types.js';
import { createSigner } from '../verify/index.js';
import { workerEntry } from '../threads/entry.js';
import { render, type RenderedFile } from './index.js';
import {
  runRenderTask,
  type PingTask,
  type RenderDocument,
  type RenderTask,
  type RenderWorkerData,
  type TaskResult,
} from './worker.js';

export interface RenderStats {
  /** Worker threads (0 = in-process). */
  readonly workers: number;
  readonly inFlight: number;
  readonly queued: number;
  readonly completed: number;
  readonly failed: number;
  readonly rejected: number;
  readonly timedOut: number;
}

export interface RenderService {
  renderForm(
    formId: string,
    format: Format,
    input: unknown,
    options: Readonly<Record<string, unknown>>,
  ): Promise<RenderedFile>;
  /** True once the workers have loaded the forms (always true in-process). */
  ready(): boolean;
  stats(): RenderStats;
  /** Refuses new work, lets running renders finish, ends the threads. */
  close(): Promise<void>;
}

export interface RenderServiceOptions {
  /** Forms for in-process rendering; default the registry. */
  readonly forms?: readonly FormDefinition[];
  /** Module (URL) exporting FORMS, loaded by each worker; default the registry. */
  readonly formsModule?: string;
  /** Document → bytes for in-process rendering; default `render` of src/render/index.ts. */
  readonly renderDocument?: RenderDocument;
  /** Issue time of a render; default the clock. */
  readonly now?: () => Date;
}

export function createRenderService(config: Config, options: RenderServiceOptions = {}): RenderService {
  const slots = new Slots(config.RENDER_CONCURRENCY, config.RENDER_QUEUE_SIZE);
  const counters = { completed: 0, failed: 0, rejected: 0, timedOut: 0 };
  const now = options.now ?? (() => new Date());
  const settings = {
    watermarkText: config.WATERMARK_TEXT,
    ...(config.PUBLIC_BASE_URL === undefined ? {} : { publicBaseUrl: config.PUBLIC_BASE_URL }),
  };
  const execute =
    config.RENDER_WORKERS > 0 ? workerExecutor(config, options.formsModule) : inProcessExecutor(config, options);
  let closed = false;

  async function renderForm(
    formId: string,
    format: Format,
    input: unknown,
    renderOptions: Readonly<Record<string, unknown>>,
  ): Promise<RenderedFile> {
    if (closed) throw new AppError('NOT_READY');
    const task: RenderTask = {
      kind: 'render',
      formId,
      format,
      input,
      options: renderOptions,
      settings,
      now: now().getTime(),
    };
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new AppError('RENDER_TIMEOUT'));
      }, config.RENDER_TIMEOUT_MS);
    });
    const work = (async () => {
      await slots.acquire(controller.signal);
      try {
        return await execute.run(task, controller.signal);
      } finally {
        slots.release();
      }
    })();
    try {
      const file = await Promise.race([work, deadline]);
      counters.completed += 1;
      return file;
    } catch (error) {
      if (error instanceof AppError && error.code === 'TOO_MANY_REQUESTS') counters.rejected += 1;
      else if (error instanceof AppError && error.code === 'RENDER_TIMEOUT') counters.timedOut += 1;
      else counters.failed += 1;
      throw error;
    } finally {
      clearTimeout(timer);
      // The loser of the race settles later; its outcome is already accounted for.
      work.catch(() => undefined);
    }
  }

  return {
    renderForm,
    ready: () => !closed && execute.ready(),
    stats: () => ({
      workers: config.RENDER_WORKERS,
      inFlight: slots.active,
      queued: slots.waiting,
      ...counters,
    }),
    async close() {
      closed = true;
      // Running renders may finish, but no longer than one render may take.
      let timer: NodeJS.Timeout | undefined;
      const patience = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, config.RENDER_TIMEOUT_MS);
        timer.unref();
      });
      await Promise.race([slots.drained(), patience]);
      clearTimeout(timer);
      await execute.close();
    },
  };
}

interface Executor {
  run(task: RenderTask, signal: AbortSignal): Promise<RenderedFile>;
  ready(): boolean;
  close(): Promise<void>;
}

function inProcessExecutor(config: Config, options: RenderServiceOptions): Executor {
  const signer = config.VERIFY_SECRET === undefined ? undefined : createSigner(config.VERIFY_SECRET);
  let formsPromise: Promise<readonly FormDefinition[]> | undefined;
  const forms = () =>
    (formsPromise ??=
      options.forms !== undefined
        ? Promise.resolve(options.forms)
        : import('../forms/registry.js').then((module) => module.FORMS));
  const renderDocument: RenderDocument = options.renderDocument ?? render;
  return {
    run: async (task) => runRenderTask(task, await forms(), renderDocument, signer),
    ready: () => true,
    close: async () => undefined,
  };
}

function workerExecutor(config: Config, formsModule: string | undefined): Executor {
  const workerData: RenderWorkerData = {
    formsModule: formsModule ?? new URL('../forms/registry.js', import.meta.url).href,
    ...(config.VERIFY_SECRET === undefined ? {} : { verifySecret: config.VERIFY_SECRET }),
    fontBytes: sharedFontBytes(getFontLibrary().files()),
  };
  const size = Math.max(1, Math.min(config.RENDER_WORKERS, availableParallelism() * 4));
  const pool = new Piscina({
    filename: workerEntry(import.meta.url, './worker.js', './worker-entry.mjs'),
    minThreads: size,
    maxThreads: size,
    // Our own Slots bound the queue; piscina only sees what may run now.
    maxQueue: Math.max(config.RENDER_CONCURRENCY, size) * 2,
    workerData,
  });
  let ready = false;
  const ping: PingTask = { kind: 'ping' };
  const warmUp = pool.run(ping).then(() => {
    ready = true;
  });
  // A worker that cannot start leaves the service not ready; the error surfaces at the first render.
  warmUp.catch(() => undefined);

  return {
    async run(task, signal) {
      let result: TaskResult;
      try {
        result = (await pool.run(task, { signal })) as TaskResult;
      } catch (error) {
        if (signal.aborted) throw new AppError('RENDER_TIMEOUT', { cause: error });
        throw error;
      }
      if (!result.ok) throw fromErrorRecord(result.error);
      if (!('file' in result)) throw new Error('worker answered a render task with a ping result');
      const { file } = result;
      return { bytes: file.bytes, contentType: file.contentType, extension: file.extension };
    },
    ready: () => ready,
    close: () => pool.close(),
  };
}

/** A counting semaphore with a bounded waiting line. */
class Slots {
  active = 0;
  private readonly queue: Array<{ grant: () => void; signal: AbortSignal; onAbort: () => void }> = [];
  private idle: Array<() => void> = [];

  constructor(
    private readonly concurrency: number,
    private readonly queueSize: number,
  ) {}

  get waiting(): number {
    return this.queue.length;
  }

  acquire(signal: AbortSignal): Promise<void> {
    if (this.active < this.concurrency) {
      this.active += 1;
      return Promise.resolve();
    }
    if (this.queue.length >= this.queueSize) return Promise.reject(new AppError('TOO_MANY_REQUESTS'));
    return new Promise<void>((resolve, reject) => {
      const entry = {
        signal,
        grant: () => {
          signal.removeEventListener('abort', entry.onAbort);
          resolve();
        },
        onAbort: () => {
          const index = this.queue.indexOf(entry);
          if (index >= 0) this.queue.splice(index, 1);
          reject(new AppError('RENDER_TIMEOUT'));
        },
      };
      signal.addEventListener('abort', entry.onAbort, { once: true });
      this.queue.push(entry);
    });
  }

  release(): void {
    const next = this.queue.shift();
    if (next !== undefined) {
      next.grant(); // the slot passes straight to the next in line
      return;
    }
    this.active -= 1;
    if (this.active === 0) {
      for (const resolve of this.idle.splice(0)) resolve();
    }
  }

  /** Resolves when nothing runs and nothing waits. */
  drained(): Promise<void> {
    if (this.active === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }
}
