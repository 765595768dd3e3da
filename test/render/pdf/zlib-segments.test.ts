/**
 * A zlib stream put together from separately deflated pieces: zlib inflates it
 * to the pieces' data in order, its Adler-32 is the one zlib computes for that
 * data, and however the data is cut the stream holds the same data.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  adler32,
  adler32Combine,
  deflatePiece,
  storedPiece,
  zlibStream,
} from '../../../src/render/pdf/zlib-segments.js';

/** Bytes that compress a little, like font outlines: a pseudo-random walk. */
function sample(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = (i % 7 === 0 ? 0 : x >>> 24) & 0xff;
  }
  return out;
}

/** zlib's own Adler-32 of `data`: the last four bytes of its zlib stream. */
function zlibAdler(data: Uint8Array): number {
  const z = deflateSync(data);
  return new DataView(z.buffer, z.byteOffset, z.byteLength).getUint32(z.length - 4);
}

describe('adler32', () => {
  it('is the checksum zlib writes, for empty, short and long data', () => {
    for (const length of [0, 1, 100, 5552, 5553, 70_000]) {
      const data = sample(length, length + 1);
      expect(adler32(data)).toBe(zlibAdler(data));
    }
    // Every byte 0xff: the sums reach their largest before each reduction.
    const ones = new Uint8Array(20_000).fill(0xff);
    expect(adler32(ones)).toBe(zlibAdler(ones));
  });

  it('combines the checksums of two parts into the checksum of both', () => {
    const a = sample(9_000, 3);
    const b = sample(70_001, 4);
    const both = new Uint8Array([...a, ...b]);
    expect(adler32Combine(adler32(a), adler32(b), b.length)).toBe(adler32(both));
    expect(adler32Combine(adler32(a), adler32(new Uint8Array()), 0)).toBe(adler32(a));
    expect(adler32Combine(1, adler32(b), b.length)).toBe(adler32(b));
  });
});

describe('zlibStream', () => {
  it('inflates to the pieces in order, with a valid checksum', () => {
    const parts = [sample(3_000, 1), sample(0, 2), sample(40_000, 3), sample(17, 4)];
    const stream = zlibStream(parts.map((p) => deflatePiece(p)));
    // inflateSync checks the header and the Adler-32 trailer.
    expect(Buffer.from(inflateSync(stream)).equals(Buffer.concat(parts))).toBe(true);
    expect(Buffer.from(stream.subarray(stream.length - 4))).toEqual(deflateSync(Buffer.concat(parts)).subarray(-4));
  });

  it('holds the same data however the data is cut, and the same bytes for the same cut', () => {
    const data = sample(50_000, 9);
    const cut = (at: number[]) => {
      const bounds = [0, ...at, data.length];
      return zlibStream(bounds.slice(1).map((end, i) => deflatePiece(data.subarray(bounds[i]!, end))));
    };
    const whole = Buffer.from(data);
    for (const at of [[], [1], [25_000], [100, 200, 49_999]])
      expect(Buffer.from(inflateSync(cut(at))).equals(whole)).toBe(true);
    expect(Buffer.from(cut([123, 4567])).equals(Buffer.from(cut([123, 4567])))).toBe(true);
  });

  it('costs little over one deflate when the pieces are large', () => {
    const parts = [sample(30_000, 5), sample(30_000, 6), sample(30_000, 7)];
    const pieces = zlibStream(parts.map((p) => deflatePiece(p))).length;
    const one = deflateSync(Buffer.concat(parts), { level: 3 }).length;
    expect(pieces).toBeLessThan(one * 1.02);
  });
});

describe('storedPiece', () => {
  it('stands among deflated pieces: the stream inflates to the data, checksum included', () => {
    const parts = [sample(0, 1), sample(40, 2), sample(70_000, 3), sample(65_535, 4), sample(65_536, 5)];
    for (const order of [parts, [...parts].reverse()]) {
      const pieces = order.map((p, i) => (i % 2 === 0 ? storedPiece(p) : deflatePiece(p)));
      expect(Buffer.from(inflateSync(zlibStream(pieces))).equals(Buffer.concat(order))).toBe(true);
    }
    // Stored data is the data itself, five bytes a block of up to 65,535 bytes.
    expect(storedPiece(sample(70_000, 3)).deflated.length).toBe(70_010);
    expect(storedPiece(new Uint8Array()).deflated.length).toBe(5);
  });
});
