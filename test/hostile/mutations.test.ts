/**
 * Valid scans, mutated at random (bytes flipped, cut short, junk inserted,
 * a slice repeated), through the upload worker pool: every one is either
 * accepted or refused with a 4xx naming the file, never a 5xx. And a file past
 * its time budget ends its thread; the pool answers the next file as before.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { testConfig } from '../../src/config.js';
import { scanPoolOptions, uploadLimits } from '../../src/packet/limits.js';
import { createScanPool } from '../../src/packet/scan-pool.js';
import type { UploadedFile } from '../../src/packet/scans.js';
import { makeImage, makePdf } from '../packet/scan-fixtures.js';
import { CORPUS_LIMITS, activeContentPdf } from './corpus.js';
import { lzwZeros, onePage } from './pdf-bytes.js';

const config = testConfig(CORPUS_LIMITS);
const limits = uploadLimits(config);
const pool = createScanPool(scanPoolOptions(config));
afterAll(async () => pool.close());

const upload = (bytes: Uint8Array, fileName: string): UploadedFile => ({
  item: 6,
  fileName,
  bytes,
  path: `/files/item6/${fileName}`,
});

type Mutation =
  | { kind: 'flip'; at: number; xor: number }
  | { kind: 'cut'; at: number }
  | { kind: 'insert'; at: number; junk: Uint8Array }
  | { kind: 'repeat'; at: number; length: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), xor: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    junk: fc.uint8Array({ minLength: 1, maxLength: 64 }),
  }),
  fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 4096 }) }),
);

function mutate(bytes: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let out = Buffer.from(bytes);
  for (const m of mutations) {
    const at = m.at % Math.max(1, out.length);
    if (m.kind === 'flip') {
      out = Buffer.from(out);
      out[at] = out[at]! ^ m.xor;
    } else if (m.kind === 'cut') {
      out = out.subarray(0, at);
    } else if (m.kind === 'insert') {
      out = Buffer.concat([out.subarray(0, at), m.junk, out.subarray(at)]);
    } else {
      out = Buffer.concat([out.subarray(0, at), out.subarray(at, at + m.length), out.subarray(at)]);
    }
  }
  return out;
}

describe('mutated scans through the upload workers', { timeout: 240_000 }, () => {
  it('never answer with a 5xx', async () => {
    const seeds: [string, Uint8Array][] = [
      ['scan.jpg', await makeImage('jpeg')],
      ['scan.png', await makeImage('png')],
      ['scan.pdf', await makePdf(2)],
      ['active.pdf', activeContentPdf()],
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...seeds),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        async ([fileName, bytes], mutations) => {
          const file = upload(mutate(bytes, mutations), fileName);
          try {
            const scan = await pool.inspect(file, limits, limits.requestImageBytes);
            expect(scan.pages).toBeGreaterThan(0);
          } catch (error) {
            expect(error).toBeInstanceOf(AppError);
            const appError = error as AppError;
            expect(appError.statusCode, `${appError.code}: ${appError.message}`).toBeLessThan(500);
            expect(appError.details[0]?.path).toBe(file.path);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('ends a thread past its time budget with 503 naming the file, and goes on', async () => {
    const hurried = createScanPool({ ...scanPoolOptions(config), timeoutMs: 1 });
    try {
      const slow = upload(onePage({ dict: '/Filter /LZWDecode', data: lzwZeros(2) }), 'slow.pdf');
      const error = await hurried.inspect(slow, limits, Infinity).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('UPLOAD_TIMEOUT');
      expect((error as AppError).statusCode).toBe(503);
      expect((error as AppError).details[0]?.path).toBe('/files/item6/slow.pdf');
    } finally {
      await hurried.close();
    }
    // The shared pool, and a fresh thread, still read a good file.
    const scan = await pool.inspect(upload(await makePdf(1), 'good.pdf'), limits, Infinity);
    expect(scan.pages).toBe(1);
  });
});
