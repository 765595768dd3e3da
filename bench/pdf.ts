/**
 * PDF renderer benchmark: a typical one-page GB/T 9704 notice (title, six
 * paragraphs, signature) rendered 200 times warm. Run alone: npx tsx bench/pdf.ts
 */
import { fileURLToPath } from 'node:url';
import { renderPdf } from '../src/render/pdf/index.js';
import { noticeDocument } from '../test/render/pdf/sample-docs.js';

export async function benchPdf(runs = 200): Promise<Record<string, number>> {
  const doc = noticeDocument();
  let t = performance.now();
  await renderPdf(doc);
  const firstMs = performance.now() - t;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    t = performance.now();
    await renderPdf(doc);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const at = (q: number): number => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  const round = (v: number): number => Math.round(v * 100) / 100;
  return { firstMs: round(firstMs), medianMs: round(at(0.5)), p95Ms: round(at(0.95)) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(await benchPdf());
}
