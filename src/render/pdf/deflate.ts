/**
 * Flate compression of every PDF stream, at one level chosen by measurement:
 * `npm run bench -- zlib` deflates the review form's streams at each level
 * (figures in the README). Level 3 takes clearly less time than zlib's default
 * 6 for files a few per cent larger; levels 1–2 save little more time.
 */
import { deflateSync } from 'node:zlib';

export const DEFLATE_LEVEL = 3;

/** Deflates bytes, or a content stream's operators (latin1: operators are ASCII, text is hex). */
export function deflate(data: Uint8Array | string): Uint8Array {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
  return deflateSync(bytes, { level: DEFLATE_LEVEL });
}
