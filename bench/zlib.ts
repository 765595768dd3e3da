/**
 * Which zlib level for the PDF streams: the review form's streams (page
 * contents, font subsets, ToUnicode maps, watermark tile) are inflated back and
 * deflated at each level; time per document and total size. The renderer's
 * level (src/render/pdf/deflate.ts) was chosen from these figures.
 * Run alone: npx tsx bench/zlib.ts
 */
import { fileURLToPath } from 'node:url';
import { deflateSync, inflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { DEFLATE_LEVEL, deflateOptions } from '../src/render/pdf/deflate.js';
import { reviewFormPdf } from './review-form.js';

const ROUNDS = 20;

export async function benchZlib(): Promise<Record<string, unknown>> {
  const pdf = await PDFDocument.load(await reviewFormPdf(0));
  const streams: Uint8Array[] = [];
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (object instanceof PDFRawStream && object.dict.get(PDFName.of('Filter')) === PDFName.of('FlateDecode')) {
      streams.push(inflateSync(object.contents));
    }
  }
  const rawKb = streams.reduce((sum, s) => sum + s.length, 0) / 1024;
  const levels: Record<string, { msPerDocument: number; kb: number }> = {};
  for (const level of [1, 2, 3, 4, 6, 9]) {
    let size = 0;
    const start = performance.now();
    for (let round = 0; round < ROUNDS; round++) {
      size = 0;
      for (const s of streams) size += deflateSync(s, deflateOptions(s.length, level)).length;
    }
    const ms = (performance.now() - start) / ROUNDS;
    levels[`level ${level}${level === DEFLATE_LEVEL ? ' (used)' : ''}`] = {
      msPerDocument: Math.round(ms * 100) / 100,
      kb: Math.round(size / 1024),
    };
  }
  return { streams: streams.length, rawKb: Math.round(rawKb), ...levels };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(await benchZlib());
}
