/**
 * Review form: build + PDF render of zhang-yue-intermediate (copies=1).
 * One cold run (fonts parsed, templates compiled), then 50 warm runs.
 * Run alone: npx tsx bench/review-form.ts
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { DossierSchema } from '../src/domain/dossier.js';
import { reviewForm } from '../src/forms/review-form/index.js';
import { renderPdf } from '../src/render/pdf/index.js';
import { createSigner } from '../src/verify/index.js';

const WARM_RUNS = 50;

export async function benchReviewForm(): Promise<{ pages: number; firstMs: number; medianMs: number; p95Ms: number }> {
  const fixture = new URL('../test/fixtures/dossiers/zhang-yue-intermediate.json', import.meta.url);
  const dossier = DossierSchema.parse(JSON.parse(readFileSync(fixture, 'utf8')));
  const ctx = {
    now: new Date('2024-09-20T03:00:00Z'),
    options: { copies: 1 },
    settings: { watermarkText: '档案系列职称评审专用' },
    signer: createSigner('benchmark secret'),
  };
  const once = async () => {
    const start = performance.now();
    const bytes = await renderPdf(reviewForm.build(dossier, ctx));
    return { ms: performance.now() - start, bytes };
  };

  const first = await once();
  const times: number[] = [];
  for (let i = 0; i < WARM_RUNS; i++) times.push((await once()).ms);
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)] ?? NaN;
  const { PDFDocument } = await import('pdf-lib');
  const pages = (await PDFDocument.load(first.bytes)).getPageCount();
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return { pages, firstMs: round(first.ms), medianMs: round(at(0.5)), p95Ms: round(at(0.95)) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  benchReviewForm().then(
    (result) => console.log(JSON.stringify({ bench: 'review-form', ...result })),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
