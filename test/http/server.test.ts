/**
 * The compiled server (dist/start.js, what `npm start` runs) as a process: it
 * listens, answers, renders through worker threads that load compiled code, and
 * on SIGTERM closes and exits 0; a bad setting stops it with the variable's name.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from '../helpers/compiled.js';
import { dossier } from './helpers.js';

beforeAll(() => ensureBuilt(), 180_000);

function start(env: Record<string, string>): ChildProcessWithoutNullStreams {
  // Plain node, no loader: a worker that still needed TypeScript would fail to start.
  return spawn(process.execPath, ['dist/start.js'], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env },
  });
}

function exitOf(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** The port from fastify's "Server listening at http://127.0.0.1:PORT" log line. */
function listeningPort(child: ChildProcessWithoutNullStreams): Promise<number> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = /Server listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before listening:\n${out}`)));
  });
}

describe('dist/start.js', () => {
  it('serves, renders in a worker thread, and exits 0 on SIGTERM', async () => {
    const child = start({ RENDER_WORKERS: '1' });
    const output: string[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    const exited = exitOf(child);
    try {
      const port = await listeningPort(child);
      const base = `http://127.0.0.1:${port}`;
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      let ready = await fetch(`${base}/readyz`);
      for (let i = 0; i < 100 && ready.status !== 200; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        ready = await fetch(`${base}/readyz`);
      }
      expect(ready.status).toBe(200);
      expect(output.join('')).toContain(`running on Node ${process.version}`);
      const res = await fetch(`${base}/v1/forms/pledge/docx`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(dossier('bater-initial')),
      });
      expect(res.status).toBe(200);
      expect(
        Buffer.from(await res.arrayBuffer())
          .subarray(0, 2)
          .toString('latin1'),
      ).toBe('PK');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 60_000);

  it('refuses to start on an invalid setting, naming it', async () => {
    const child = start({ RENDER_CONCURRENCY: 'lots' });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    expect(await exitOf(child)).toBe(78);
    expect(err).toContain('RENDER_CONCURRENCY="lots"');
  }, 30_000);
});
