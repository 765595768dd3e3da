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
  // Real requests differ in names: a new glyph set each time means a new font subset (no subset cache hit).
  const varied: number[] = [];
  for (let i = 0; i < runs; i++) {
    const name = [0, 1, 2].map((k) => String.fromCodePoint(0x4e00 + (((i * 3 + k) * 37) % 20000))).join('');
    const d = { ...doc, blocks: [...doc.blocks, { type: 'paragraph' as const, runs: [{ text: `申报人：${name}` }] }] };
    t = performance.now();
    await renderPdf(d);
    varied.push(performance.now() - t);
  }
  const round = (v: number): number => Math.round(v * 100) / 100;
  const at = (list: number[], q: number): number =>
    round([...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor(q * list.length))]!);
  return {
    firstMs: round(firstMs),
    medianMs: at(times, 0.5),
    p95Ms: at(times, 0.95),
    variedMedianMs: at(varied, 0.5),
    variedP95Ms: at(varied, 0.95),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(await benchPdf());
}
