/**
 * Font files shared with render threads: the threads start before the files
 * are read, wait for them on first use, see the very bytes of the file in the
 * main thread's shared memory (not a copy), and fail clearly when a file cannot
 * be read instead of rendering with empty fonts.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { shareFontFiles, type SharedFontFiles } from '../../src/fonts/bytes.js';

const dir = mkdtempSync(join(tmpdir(), 'zhicheng-font-bytes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BYTES_MODULE = new URL('../../src/fonts/bytes.ts', import.meta.url).href;

interface ThreadAnswer {
  readonly sha256?: string;
  readonly shared?: boolean;
  readonly error?: string;
}

/** A thread that adopts the shared files at once and then reads `file` through fontBytes. */
function readInThread(shared: SharedFontFiles, file: string): Promise<ThreadAnswer> {
  const source = `
    import { workerData, parentPort } from 'node:worker_threads';
    import { createHash } from 'node:crypto';
    const { adoptFontBytes, fontBytes } = await import(${JSON.stringify(BYTES_MODULE)});
    adoptFontBytes(workerData.shared);
    try {
      const bytes = fontBytes(workerData.file);
      parentPort.postMessage({
        sha256: createHash('sha256').update(bytes).digest('hex'),
        shared: bytes.buffer instanceof SharedArrayBuffer,
      });
    } catch (error) {
      parentPort.postMessage({ error: error.message });
    }`;
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(source)}`), {
    workerData: { shared, file },
  });
  return new Promise((resolve, reject) => {
    worker.once('message', (answer: ThreadAnswer) => {
      void worker.terminate();
      resolve(answer);
    });
    worker.once('error', reject);
  });
}

describe('font files shared with render threads', () => {
  it('a thread started before the files are read waits for them and reads the same shared bytes', async () => {
    const file = join(dir, 'face.ttf');
    const content = randomBytes(3 * 1024 * 1024);
    writeFileSync(file, content);
    const { shared, fill } = shareFontFiles([file]);
    const buffer = shared.files[file]!;
    expect(buffer.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(buffer.every((byte) => byte === 0)).toBe(true); // sized, not yet read

    const answer = readInThread(shared, file);
    await new Promise((resolve) => setTimeout(resolve, 200)); // the thread is up and waiting
    await fill();
    expect(await answer).toEqual({ sha256: createHash('sha256').update(content).digest('hex'), shared: true });
  });

  it('a file that cannot be read makes the waiting thread fail, not render from zeros', async () => {
    const file = join(dir, 'vanishing.ttf');
    writeFileSync(file, randomBytes(1024));
    const { shared, fill } = shareFontFiles([file]);
    const answer = readInThread(shared, file);
    rmSync(file);
    await expect(fill()).rejects.toThrow(/ENOENT/);
    expect(await answer).toEqual({ error: 'the font files could not be read' });
  });
});
