/**
 * A zlib stream put together from separately deflated pieces, so that a piece
 * that is the same from document to document (a run of a font subset's glyph
 * outlines) is deflated once and its bytes reused.
 *
 * Each piece is raw deflate ended with a sync flush: it starts from an empty
 * window (it refers to nothing before it) and ends byte-aligned, so pieces can
 * follow one another in any order. The stream is the zlib header, the pieces,
 * an empty final block and the Adler-32 of all the data, which is combined
 * from the pieces' own checksums. The bytes depend only on the pieces' data:
 * a piece deflated now or taken from a cache is the same piece.
 */
import { constants, deflateRawSync } from 'node:zlib';
import { deflateOptions } from './deflate.js';

/** A deflated piece: its bytes, and the length and Adler-32 of the data it holds. */
export interface DeflatedPiece {
  readonly deflated: Uint8Array;
  readonly length: number;
  readonly adler: number;
}

const ADLER_BASE = 65521;
/** The most bytes whose sums fit in 32 bits before they must be reduced (zlib's NMAX). */
const ADLER_RUN = 5552;

/** Adler-32 of `data`, as the zlib trailer holds it. */
export function adler32(data: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let start = 0; start < data.length; start += ADLER_RUN) {
    const end = Math.min(data.length, start + ADLER_RUN);
    for (let i = start; i < end; i++) {
      a += data[i]!;
      b += a;
    }
    a %= ADLER_BASE;
    b %= ADLER_BASE;
  }
  return ((b << 16) | a) >>> 0;
}

/** Adler-32 of the data of `first` followed by `length` bytes whose Adler-32 is `second` (zlib's adler32_combine). */
export function adler32Combine(first: number, second: number, length: number): number {
  const a1 = first & 0xffff;
  const b1 = first >>> 16;
  const a2 = second & 0xffff;
  const b2 = second >>> 16;
  const a = (a1 + a2 + ADLER_BASE - 1) % ADLER_BASE;
  // (length mod BASE) × (a1 − 1) < 2^32: exact in a double.
  const b = (b1 + b2 + (length % ADLER_BASE) * ((a1 + ADLER_BASE - 1) % ADLER_BASE)) % ADLER_BASE;
  return ((b << 16) | a) >>> 0;
}

/** Deflates `data` as a piece that can stand anywhere in a stream of pieces. */
export function deflatePiece(data: Uint8Array, level?: number): DeflatedPiece {
  const deflated = deflateRawSync(data, { ...deflateOptions(data.length, level), finishFlush: constants.Z_SYNC_FLUSH });
  return { deflated, length: data.length, adler: adler32(data) };
}

/** The most bytes a stored block holds. */
const STORED_MAX = 0xffff;

/**
 * `data` as a piece of stored (uncompressed) blocks: for a few bytes that
 * differ every time, copying them costs nothing where setting zlib up costs
 * tens of microseconds. A piece starts byte-aligned, so each block's three
 * header bits (not final, stored) and its padding are one zero byte.
 */
export function storedPiece(data: Uint8Array): DeflatedPiece {
  const blocks = Math.max(1, Math.ceil(data.length / STORED_MAX));
  const out = new Uint8Array(data.length + 5 * blocks);
  const view = new DataView(out.buffer);
  let at = 0;
  for (let start = 0; start === 0 || start < data.length; start += STORED_MAX) {
    const block = data.subarray(start, start + STORED_MAX);
    out[at] = 0;
    view.setUint16(at + 1, block.length, true);
    view.setUint16(at + 3, ~block.length & 0xffff, true);
    out.set(block, at + 5);
    at += 5 + block.length;
  }
  return { deflated: out, length: data.length, adler: adler32(data) };
}

/** zlib header: deflate with a 32 KB window (each piece uses at most that), "fast" level, no dictionary. */
const HEADER = [0x78, 0x5e];
/** A final fixed-Huffman block holding only its end code. */
const FINAL_BLOCK = [0x03, 0x00];

/** The zlib stream of the pieces' data, in order. */
export function zlibStream(pieces: readonly DeflatedPiece[]): Uint8Array {
  let size = HEADER.length + FINAL_BLOCK.length + 4;
  for (const p of pieces) size += p.deflated.length;
  const out = new Uint8Array(size);
  out.set(HEADER, 0);
  let at = HEADER.length;
  let adler = 1;
  for (const p of pieces) {
    out.set(p.deflated, at);
    at += p.deflated.length;
    adler = adler32Combine(adler, p.adler, p.length);
  }
  out.set(FINAL_BLOCK, at);
  at += FINAL_BLOCK.length;
  new DataView(out.buffer).setUint32(at, adler);
  return out;
}
