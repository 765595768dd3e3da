/**
 * The render service: every render goes through here, so the limits hold for
 * all routes alike.
 * - RENDER_CONCURRENCY renders run at once; up to RENDER_QUEUE_SIZE wait; one
 *   more is refused at once (429), so a burst cannot pile up unbounded work.
 * - Two lanes share the slots fairly: batch renders hold at most
 *   BATCH_RENDER_SHARE of them and wait their turn (never 429: a batch bounds
 *   its own concurrency), while single documents and packets keep the other
 *   slots and go first whenever a slot frees, so batches never starve them.
 * - RENDER_TIMEOUT_MS bounds waiting plus rendering (503); a batch render's
 *   clock starts when it gets its slot (its wait is the batch's own). In a worker the task
 *   is aborted (piscina ends the thread); in-process the CPU work cannot be
 *   interrupted, so its slot stays taken until it really ends.
 * - RENDER_WORKERS > 0 renders in piscina worker threads so the event loop keeps
 *   answering health checks while PDFs are laid out; 0 runs the same code here.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { Config } from '../config.js';
import { shareFontFiles } from '../fonts/bytes.js';
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

interface RenderStats {
  /** Worker threads (0 = in-process). */
  readonly workers: number;
  readonly inFlight: number;
  readonly queued: number;
  /** Batch renders running / waiting (part of inFlight / not counted in queued). */
  readonly batchInFlight: number;
  readonly batchQueued: number;
  readonly completed: number;
  readonly failed: number;
  readonly rejected: number;
  readonly timedOut: number;
}

/** Interactive: one form or one packet, a person waits. Batch: one of many documents of a batch. */
type RenderLane = 'interactive' | 'batch';

export interface RenderService {
  renderForm(
    formId: string,
    format: Format,
    input: unknown,
    options: Readonly<Record<string, unknown>>,
    lane?: RenderLane,
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
  const slots = new Slots(config.RENDER_CONCURRENCY, config.RENDER_QUEUE_SIZE, config.BATCH_RENDER_SHARE);
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
    lane: RenderLane = 'interactive',
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
    let expire: (error: AppError) => void = () => undefined;
    const deadline = new Promise<never>((_, reject) => {
      expire = reject;
    });
    const startClock = () => {
      timer = setTimeout(() => {
        controller.abort();
        expire(new AppError('RENDER_TIMEOUT'));
      }, config.RENDER_TIMEOUT_MS);
    };
    // An interactive caller's time includes its wait; a batch render's starts with its slot.
    if (lane === 'interactive') startClock();
    const work = (async () => {
      await slots.acquire(lane, controller.signal);
      if (lane === 'batch') startClock();
      try {
        return await execute.run(task, controller.signal);
      } finally {
        slots.release(lane);
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
      batchInFlight: slots.batchActive,
      batchQueued: slots.batchWaiting,
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

/**
 * Young generation of a render thread (three semi-spaces' worth). V8 lets it
 * grow to 48 MB, which an idle thread keeps resident; `npm run bench -- start`
 * measured the same render time from 12 MB up and 10–15 % more below it.
 */
const RENDER_YOUNG_GENERATION_MB = 12;

function workerExecutor(config: Config, formsModule: string | undefined): Executor {
  const workerData: RenderWorkerData = {
    formsModule: formsModule ?? new URL('../forms/registry.js', import.meta.url).href,
    ...(config.VERIFY_SECRET === undefined ? {} : { verifySecret: config.VERIFY_SECRET }),
    fontFiles: shareFontFiles(getFontLibrary().files()),
  };
  const size = Math.max(1, Math.min(config.RENDER_WORKERS, availableParallelism() * 4));
  const pool = new Piscina({
    filename: workerEntry(import.meta.url, './worker.js', './worker-entry.mjs'),
    minThreads: size,
    maxThreads: size,
    // Our own Slots bound the queue; piscina only sees what may run now.
    maxQueue: Math.max(config.RENDER_CONCURRENCY, size) * 2,
    workerData,
    resourceLimits: { maxYoungGenerationSizeMb: RENDER_YOUNG_GENERATION_MB },
  });
  let ready = false;
  // Ready once a thread has loaded the forms and rendered a PDF, the format most requests ask for; the
  // DOCX and XLSX renderers warm up right after, so a request in the next few hundred ms may wait for that.
  const ping: PingTask = { kind: 'ping', warmUp: ['pdf'] };
  const warmUp = pool.run(ping).then(() => {
    ready = true;
    const rest: PingTask = { kind: 'ping', warmUp: ['docx', 'xlsx'] };
    return pool.run(rest);
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

interface Waiter {
  readonly grant: () => void;
  readonly signal: AbortSignal;
  readonly onAbort: () => void;
}

/**
 * A counting semaphore with two lanes. Interactive waiters have a bounded line
 * (429 beyond it) and are served first; batch waiters line up without bound
 * (each batch limits its own concurrency) and may hold at most `batchLimit`
 * slots, so at least one slot stays free for single documents.
 */
class Slots {
  active = 0;
  batchActive = 0;
  private readonly lines: Record<RenderLane, Waiter[]> = { interactive: [], batch: [] };
  private readonly batchLimit: number;
  private idle: Array<() => void> = [];

  constructor(
    private readonly concurrency: number,
    private readonly queueSize: number,
    batchShare: number,
  ) {
    this.batchLimit =
      batchShare >= 1 || concurrency <= 1
        ? concurrency
        : Math.max(1, Math.min(concurrency - 1, Math.floor(concurrency * batchShare)));
  }

  get waiting(): number {
    return this.lines.interactive.length;
  }

  get batchWaiting(): number {
    return this.lines.batch.length;
  }

  acquire(lane: RenderLane, signal: AbortSignal): Promise<void> {
    if (this.lines[lane].length === 0 && this.canStart(lane)) {
      this.take(lane);
      return Promise.resolve();
    }
    if (lane === 'interactive' && this.lines.interactive.length >= this.queueSize) {
      return Promise.reject(new AppError('TOO_MANY_REQUESTS'));
    }
    const line = this.lines[lane];
    return new Promise<void>((resolve, reject) => {
      const entry: Waiter = {
        signal,
        grant: () => {
          signal.removeEventListener('abort', entry.onAbort);
          resolve();
        },
        onAbort: () => {
          const index = line.indexOf(entry);
          if (index >= 0) line.splice(index, 1);
          reject(new AppError('RENDER_TIMEOUT'));
        },
      };
      signal.addEventListener('abort', entry.onAbort, { once: true });
      line.push(entry);
    });
  }

  release(lane: RenderLane): void {
    this.active -= 1;
    if (lane === 'batch') this.batchActive -= 1;
    // Single documents first; a batch render only within the batches' share.
    for (const next of ['interactive', 'batch'] as const) {
      while (this.lines[next].length > 0 && this.canStart(next)) {
        this.take(next);
        this.lines[next].shift()?.grant();
      }
    }
    if (this.active === 0 && this.lines.interactive.length === 0 && this.lines.batch.length === 0) {
      for (const resolve of this.idle.splice(0)) resolve();
    }
  }

  /** Resolves when nothing runs and nothing waits. */
  drained(): Promise<void> {
    if (this.active === 0 && this.lines.interactive.length === 0 && this.lines.batch.length === 0) {
      return Promise.resolve();
    }
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private canStart(lane: RenderLane): boolean {
    return this.active < this.concurrency && (lane === 'interactive' || this.batchActive < this.batchLimit);
  }

  private take(lane: RenderLane): void {
    this.active += 1;
    if (lane === 'batch') this.batchActive += 1;
  }
}
