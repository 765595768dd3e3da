/**
 * Review form (评审表, one copy, 6 pages), build + PDF render in this process
 * (the dossier made and validated beforehand, as a request's body is):
 * one cold run (fonts parsed, templates compiled), untimed warm-up runs, then runs of the same
 * applicant and of a different applicant each time (new glyphs, new subsets),
 * in wall time and in the thread's CPU time (steadier on a shared machine).
 * The kernel counts a thread's CPU time in scheduler ticks (4 ms here), so one
 * render's CPU time is 0, 4, 8 or 12 ms: the CPU figure is the mean over all
 * the runs, not a median of ticks.
 * Run alone: npx tsx bench/review-form.ts
 */
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { PDFDocument } from 'pdf-lib';
import { reviewForm } from '../src/forms/review-form/index.js';
import { renderPdf } from '../src/render/pdf/index.js';
import { createSigner } from '../src/verify/index.js';
import type { Dossier } from '../src/domain/dossier.js';
import { applicant } from './applicants.js';

const WARM_UP_RUNS = 40;
const SAME_RUNS = 60;
/** More runs than of the same applicant: a median of many is less moved by a burst of the machine's other load. */
const DIFFERENT_RUNS = 200;

const CTX = {
  now: new Date('2024-09-20T03:00:00Z'),
  options: { copies: 1 },
  settings: { watermarkText: '档案系列职称评审专用' },
  signer: createSigner('benchmark secret'),
};

/** The review form of a dossier: what a request pays once its body is validated. */
function reviewFormOf(dossier: Dossier): Promise<Uint8Array> {
  return renderPdf(reviewForm.build(dossier, CTX));
}

/** The review form of the i-th benchmark applicant. */
export function reviewFormPdf(i: number): Promise<Uint8Array> {
  return reviewFormOf(applicant(i));
}

const round = (ms: number) => Math.round(ms * 100) / 100;

function quantile(times: number[], q: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  return round(sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN);
}

const mean = (times: number[]): number => round(times.reduce((a, b) => a + b, 0) / times.length);

/** CPU time of this thread, ms: on a shared machine it varies far less than wall time. */
function threadCpuMs(): number {
  const { user, system } = process.threadCpuUsage();
  return (user + system) / 1000;
}

export async function benchReviewForm(): Promise<Record<string, number>> {
  const timed = async (i: number) => {
    // The test dossier is made and validated before the clock starts (about 0.9 ms): the service validates
    // a request's body in its HTTP layer, and the figure is building and rendering the form.
    const dossier = applicant(i);
    const cpu = threadCpuMs();
    const start = performance.now();
    const bytes = await reviewFormOf(dossier);
    return { ms: performance.now() - start, cpuMs: threadCpuMs() - cpu, bytes };
  };
  const first = await timed(0);
  // Then untimed renders of the same applicant, as a render worker has done its warm-up documents and first
  // requests before it serves for long: V8 has optimised the hot code, which the first few dozen renders do not
  // see. The same applicant, so that no other applicant's glyphs are cached before the measured ones.
  for (let k = 0; k < WARM_UP_RUNS; k++) await reviewFormPdf(0);
  const same: number[] = [];
  const sameCpu: number[] = [];
  for (let k = 0; k < SAME_RUNS; k++) {
    const run = await timed(0);
    same.push(run.ms);
    sameCpu.push(run.cpuMs);
  }
  const different: number[] = [];
  const differentCpu: number[] = [];
  for (let k = 1; k <= DIFFERENT_RUNS; k++) {
    const run = await timed(k);
    different.push(run.ms);
    differentCpu.push(run.cpuMs);
  }
  const pages = (await PDFDocument.load(first.bytes)).getPageCount();
  const again = await reviewFormPdf(0);
  return {
    pages,
    firstMs: round(first.ms),
    sameApplicantMedianMs: quantile(same, 0.5),
    sameApplicantP95Ms: quantile(same, 0.95),
    differentApplicantMedianMs: quantile(different, 0.5),
    differentApplicantP95Ms: quantile(different, 0.95),
    // Means of the same runs in wall time and in CPU time of the rendering thread (GC helper threads
    // excluded): a mean counts the slow runs a median leaves out (garbage collection, a busy machine).
    sameApplicantMeanMs: mean(same),
    sameApplicantCpuMeanMs: mean(sameCpu),
    differentApplicantMeanMs: mean(different),
    differentApplicantCpuMeanMs: mean(differentCpu),
    differentApplicantRuns: DIFFERENT_RUNS,
    kb: Math.round(first.bytes.length / 1024),
    byteIdenticalRerun: Buffer.from(again).equals(Buffer.from(first.bytes)) ? 1 : 0,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(await benchReviewForm());
}
