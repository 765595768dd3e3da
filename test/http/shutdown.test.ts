/**
 * SIGTERM with a real process: requests in flight get SHUTDOWN_GRACE_MS; a
 * batch that cannot finish in time is cut off so that its client sees a failed
 * transfer (curl exits non-zero, the ZIP has no central directory), never a
 * clean end of a truncated ZIP; the server exits 0.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from '../helpers/compiled.js';
import { dossier, rosterInput } from './helpers.js';

beforeAll(() => ensureBuilt(), 180_000);
const work = mkdtempSync(join(tmpdir(), 'zhicheng-shutdown-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function start(env: Record<string, string>): ChildProcessWithoutNullStreams {
  // The compiled server, as `npm start` runs it.
  return spawn(process.execPath, ['dist/server.js'], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env },
  });
}

function listening(child: ChildProcessWithoutNullStreams, log: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      log.push(chunk.toString('utf8'));
      const match = /Server listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(log.join(''));
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before listening:\n${log.join('')}`)));
  });
}

function run(command: string, args: string[]): { exited: Promise<number | null> } {
  const child = spawn(command, args, { stdio: 'ignore' });
  return { exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The ZIP's end-of-central-directory record (PK\x05\x06) within its last 64 KiB + 22 bytes. */
function hasCentralDirectory(file: string): boolean {
  const bytes = readFileSync(file);
  return bytes.subarray(Math.max(0, bytes.length - 65_557)).includes(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
}

describe('shutdown on SIGTERM', () => {
  it('cuts off a 2,000-applicant batch past the grace period: curl fails, the server exits 0', async () => {
    const { unit, dossiers } = rosterInput();
    const body = join(work, 'batch.json');
    writeFileSync(body, JSON.stringify({ unit, dossiers: Array.from({ length: 2000 }, (_, i) => dossiers[i % 3]) }));
    const out = join(work, 'batch.zip');

    const log: string[] = [];
    const child = start({ RENDER_WORKERS: '0', SHUTDOWN_GRACE_MS: '2000' });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const port = await listening(child, log);
    const curl = run('curl', [
      '-sS',
      '-X',
      'POST',
      '-H',
      'content-type: application/json',
      '--data-binary',
      `@${body}`,
      '-o',
      out,
      `http://127.0.0.1:${port}/v1/batches`,
    ]);
    // SIGTERM once the ZIP is streaming.
    for (let i = 0; i < 600; i += 1) {
      await sleep(100);
      if (statSync(out, { throwIfNoEntry: false })?.size) break;
    }
    expect(statSync(out).size).toBeGreaterThan(0);
    child.kill('SIGTERM');

    expect(await curl.exited).not.toBe(0); // 18: transfer closed with outstanding read data remaining
    expect(await exited).toBe(0);
    expect(hasCentralDirectory(out)).toBe(false);
    expect(log.join('')).toContain('grace period over');
  }, 120_000);

  it('lets a request in flight finish within the grace period, then exits 0', async () => {
    const log: string[] = [];
    const child = start({ RENDER_WORKERS: '0', SHUTDOWN_GRACE_MS: '20000' });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const port = await listening(child, log);
    const { unit, dossiers } = rosterInput();
    const small = fetch(`http://127.0.0.1:${port}/v1/batches`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ unit, dossiers: [...dossiers, dossier('ayguli-junior')] }),
    });
    for (let i = 0; i < 300 && !log.join('').includes('incoming request'); i += 1) await sleep(50);
    child.kill('SIGTERM');
    const res = await small;
    expect(res.status).toBe(200);
    const zip = Buffer.from(await res.arrayBuffer());
    const file = join(work, 'small.zip');
    writeFileSync(file, zip);
    expect(hasCentralDirectory(file)).toBe(true);
    expect(await exited).toBe(0);
    expect(log.join('')).not.toContain('grace period over');
  }, 120_000);
});
