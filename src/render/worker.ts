/**
 * One render task: build a form's document for an input and render it to bytes.
 * The same function runs in-process (RENDER_WORKERS=0) and inside a piscina
 * worker thread (the default export; see src/threads/entry.ts for how a thread
 * loads it). Across the thread boundary only plain
 * data travels: the task in, bytes or an error record out; the main thread turns
 * the record back into an AppError.
 */
import { workerData } from 'node:worker_threads';
import type { Document } from '../document/model.js';
import { AppError, toErrorRecord, validationError, type ErrorRecord } from '../errors.js';
import type { FormDefinition, FormSettings, Format, VerificationSigner } from '../forms/types.js';
import { createSigner } from '../verify/index.js';
import { adoptFontFiles, type SharedFontFile } from '../fonts/bytes.js';
import { render, type RenderedFile } from './index.js';
import { warmUpRenderers } from './warm-up.js';

export interface RenderTask {
  readonly kind: 'render';
  readonly formId: string;
  readonly format: Format;
  /** The input as the form's schema parsed it (the worker accepts it again: it came across a thread boundary). */
  readonly input: unknown;
  readonly options: Readonly<Record<string, unknown>>;
  readonly settings: FormSettings;
  /** Issue time, epoch ms: the same request gives the same bytes wherever it runs. */
  readonly now: number;
}

/** Sent once when the pool starts: loads the forms so a broken worker shows before traffic does. */
export interface PingTask {
  readonly kind: 'ping';
  /** Formats to warm up: PDF before the pool counts as ready, the others right after. */
  readonly warmUp: readonly Format[];
}

export type TaskResult =
  | { readonly ok: true; readonly file: RenderedFile }
  | { readonly ok: false; readonly error: ErrorRecord }
  | { readonly ok: true; readonly pong: true };

export type RenderDocument = (doc: Document, format: Format) => Promise<RenderedFile>;

export async function runRenderTask(
  task: RenderTask,
  forms: readonly FormDefinition[],
  renderDocument: RenderDocument,
  signer?: VerificationSigner,
): Promise<RenderedFile> {
  const form = forms.find((candidate) => candidate.id === task.formId);
  if (form === undefined) throw new AppError('FORM_NOT_FOUND');
  if (!form.formats.includes(task.format)) throw new AppError('FORMAT_NOT_SUPPORTED');
  // Only what the form's schema accepts is built: the task is plain data from another thread.
  const accepted = form.accept(task.input);
  if (!accepted.ok) throw validationError(accepted.problems);
  const ctx = { now: new Date(task.now), options: task.options, settings: task.settings };
  const doc = accepted.value.build(signer === undefined ? ctx : { ...ctx, signer });
  return renderDocument(doc, task.format);
}

/** What the pool passes each worker: where to load the forms from (tests point it at test forms). */
export interface RenderWorkerData {
  readonly formsModule: string;
  /** Secret of the verification codes printed on review forms; the main thread verifies with the same. */
  readonly verifySecret?: string;
  /** The main thread's font files in shared memory, so each thread does not hold its own copy. */
  readonly fontFiles?: Readonly<Record<string, SharedFontFile>>;
}

let formsPromise: Promise<readonly FormDefinition[]> | undefined;

function loadForms(): Promise<readonly FormDefinition[]> {
  const data = workerData as RenderWorkerData | undefined;
  if (data?.fontFiles && formsPromise === undefined) adoptFontFiles(data.fontFiles);
  const specifier = data?.formsModule ?? new URL('../forms/registry.js', import.meta.url).href;
  formsPromise ??= import(specifier).then((module: { FORMS: readonly FormDefinition[] }) => module.FORMS);
  return formsPromise;
}

let workerSigner: VerificationSigner | undefined;

function signerOfWorker(): VerificationSigner | undefined {
  const secret = (workerData as RenderWorkerData | undefined)?.verifySecret;
  if (secret === undefined) return undefined;
  workerSigner ??= createSigner(secret);
  return workerSigner;
}

/** piscina entry: plain data in, plain data out. Unexpected errors are thrown and become 500s. */
export default async function renderInWorker(task: RenderTask | PingTask): Promise<TaskResult> {
  const forms = await loadForms();
  if (task.kind === 'ping') {
    await warmUpRenderers(forms, task.warmUp);
    return { ok: true, pong: true };
  }
  try {
    const file = await runRenderTask(task, forms, render, signerOfWorker());
    const bytes = new Uint8Array(file.bytes); // a copy that owns its buffer, whatever the renderer returned
    return { ok: true, file: { bytes, contentType: file.contentType, extension: file.extension } };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: toErrorRecord(error) };
    throw error;
  }
}
