/**
 * Flate compression of every PDF stream, at one level chosen by measurement:
 * `npm run bench -- zlib` deflates the review form's streams at each level
 * (figures in the README). Level 3 takes a fifth less time than zlib's default
 * 6 for files 3 % larger; levels 1–2 save no more time and are larger.
 *
 * zlib allocates and clears its window and hash tables on every call: at the
 * defaults (a 32 KB window, memLevel 8) that costs about 0.1 ms, more than
 * deflating a 3 KB page content stream itself, and a review form has two dozen
 * streams. Both are sized to the input instead: a window as large as the input
 * finds every match a 32 KB one would, so the output is as small.
 */
import { deflateSync, type ZlibOptions } from 'node:zlib';

export const DEFLATE_LEVEL = 3;

/** zlib options for `length` bytes at `level`: the window just covers the input (2^9 … 2^15 bytes). */
export function deflateOptions(length: number, level = DEFLATE_LEVEL): ZlibOptions {
  const windowBits = Math.min(15, Math.max(9, Math.ceil(Math.log2(length + 1))));
  return { level, windowBits, memLevel: windowBits - 7 };
}

/** Deflates bytes, or a content stream's operators (latin1: operators are ASCII, text is hex). */
export function deflate(data: Uint8Array | string): Uint8Array {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
  return deflateSync(bytes, deflateOptions(bytes.length));
}
