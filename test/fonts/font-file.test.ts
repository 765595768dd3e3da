/**
 * Font files read as they are used: only the ranges asked for are read, render
 * threads see what any thread has read (shared memory, not copies), a subset
 * made from a file read piecemeal equals one made from the whole file, and the
 * metrics read from the tables equal fontkit's.
 */
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type * as Fontkit from 'fontkit';
import { afterAll, describe, expect, it } from 'vitest';
import { FontFile, fontFile, shareFontFiles, type SharedFontFile } from '../../src/fonts/bytes.js';
import { getFontLibrary } from '../../src/fonts/library.js';
import { Sfnt } from '../../src/fonts/sfnt.js';
import { subsetTrueType } from '../../src/fonts/subset.js';

const dir = mkdtempSync(join(tmpdir(), 'zhicheng-font-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BYTES_MODULE = new URL('../../src/fonts/bytes.ts', import.meta.url).href;
const fontkit = createRequire(import.meta.url)('fontkit') as typeof Fontkit;

/** A FontFile of its own (not the process's shared one), nothing read yet. */
function freshFile(path: string): FontFile {
  const size = statSync(path).size;
  return new FontFile(path, {
    bytes: new Uint8Array(new SharedArrayBuffer(size)),
    loaded: new Uint8Array(new SharedArrayBuffer(Math.ceil(size / 4096))),
  });
}

const isZero = (bytes: Uint8Array) => bytes.every((byte) => byte === 0);

/** A thread that adopts the shared files and reads [offset, offset + length) of `file`. */
function readInThread(
  shared: Record<string, SharedFontFile>,
  file: string,
  offset: number,
  length: number,
): Promise<{ bytes?: Uint8Array; error?: string }> {
  const source = `
    import { workerData, parentPort } from 'node:worker_threads';
    const { adoptFontFiles, fontFile } = await import(${JSON.stringify(BYTES_MODULE)});
    adoptFontFiles(workerData.shared);
    try {
      const f = fontFile(workerData.file);
      f.ensure(workerData.offset, workerData.length);
      parentPort.postMessage({ bytes: f.bytes.slice(workerData.offset, workerData.offset + workerData.length) });
    } catch (error) {
      parentPort.postMessage({ error: error.message });
    }`;
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(source)}`), {
    workerData: { shared, file, offset, length },
  });
  return new Promise((resolve, reject) => {
    worker.once('message', (answer: { bytes?: Uint8Array; error?: string }) => {
      void worker.terminate();
      resolve(answer);
    });
    worker.once('error', reject);
  });
}

describe('font files read as they are used', () => {
  it('reads only the 4 KB chunks of the ranges asked for', () => {
    const path = join(dir, 'plain.ttf');
    const content = randomBytes(1024 * 1024);
    writeFileSync(path, content);
    const file = freshFile(path);
    file.ensure(5000, 100);
    expect(Buffer.from(file.bytes.subarray(4096, 8192)).equals(content.subarray(4096, 8192))).toBe(true);
    expect(isZero(file.bytes.subarray(0, 4096))).toBe(true);
    expect(isZero(file.bytes.subarray(8192))).toBe(true);
    file.ensureAll();
    expect(Buffer.from(file.bytes).equals(content)).toBe(true);
  });

  it('a render thread sees what the main thread read, and reads the rest itself', async () => {
    const path = join(dir, 'shared.ttf');
    const content = randomBytes(256 * 1024);
    writeFileSync(path, content);
    const shared = shareFontFiles([path]);
    fontFile(path).ensure(0, 8192);
    rmSync(path); // what the thread gets from here on can only come from the main thread's memory
    const seen = await readInThread(shared, path, 100, 5000);
    expect(Buffer.from(seen.bytes!).equals(content.subarray(100, 5100))).toBe(true);
    const unread = await readInThread(shared, path, 100_000, 10);
    expect(unread.error).toMatch(/ENOENT/);
  });

  it('subsets from a file read piecemeal equal subsets from the whole file, reading a small part of it', () => {
    const text = '专业技术职务任职资格评审表阿依古丽·买买提（2024年）——巴音郭楞蒙古自治州档案局ABCxyz0123';
    for (const face of getFontLibrary().chains.song.map((entry) => entry.regular)) {
      const lazy = freshFile(face.file);
      const whole = freshFile(face.file);
      whole.ensureAll();
      const lazySfnt = new Sfnt(lazy);
      const wholeSfnt = new Sfnt(whole);
      const gids = [0, ...new Set([...text].map((ch) => wholeSfnt.glyphId(ch.codePointAt(0)!)))];
      expect(Buffer.from(subsetTrueType(lazySfnt, gids)).equals(Buffer.from(subsetTrueType(wholeSfnt, gids)))).toBe(
        true,
      );
      const loaded = lazy.shared.loaded.reduce((sum, flag) => sum + flag, 0);
      expect(loaded / lazy.shared.loaded.length).toBeLessThan(0.15);
    }
  });

  it("reads each configured face's metrics from its tables exactly as fontkit does", () => {
    for (const path of getFontLibrary().files()) {
      const font = fontkit.create(readFileSync(path));
      if (!('unitsPerEm' in font)) throw new Error('not a single font');
      const metrics = new Sfnt(freshFile(path)).metrics();
      expect(metrics).toEqual({
        unitsPerEm: font.unitsPerEm,
        bbox: { minX: font.bbox.minX, minY: font.bbox.minY, maxX: font.bbox.maxX, maxY: font.bbox.maxY },
        ascent: font.ascent,
        descent: font.descent,
        capHeight: font.capHeight,
        postscriptName: font.postscriptName,
      });
    }
  });
});
