/**
 * Load and soak: one server process (the compiled one `npm start` runs) on
 * loopback, 10 connections for 60 s (SOAK_SECONDS) with autocannon over mixed
 * routes: single forms (PDF and DOCX), a print packet, verification. Reports
 * requests per second, latency p50/p99, errors (non-2xx, socket errors and
 * timeouts; should be 0) and the server's RSS after warm-up and at the end
 * (flat within 10% means no leak). Rate limits are turned off for the run.
 *   npm run bench -- soak          SOAK_SECONDS=20 npm run bench -- soak
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { createSigner } from '../src/verify/index.js';

const SECRET = 'soak-benchmark-secret';
const CONNECTIONS = 10;

function fixture(name: string): string {
  return readFileSync(new URL(`../test/fixtures/dossiers/${name}.json`, import.meta.url), 'utf8');
}

/** The server's resident set, from /proc (Linux), in MB. */
function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return Math.round(kb / 1024);
}

function multipart(fields: Record<string, string>): { body: string; contentType: string } {
  const boundary = '----zhicheng-soak-boundary';
  const parts = Object.entries(fields).map(
    ([name, value]) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\nContent-Type: application/json\r\n\r\n${value}\r\n`,
  );
  return { body: `${parts.join('')}--${boundary}--\r\n`, contentType: `multipart/form-data; boundary=${boundary}` };
}

async function startServer(): Promise<{ port: number; pid: number; stop: () => Promise<number | null> }> {
  if (!existsSync('dist/server.js')) execFileSync('npm', ['run', 'build:server'], { stdio: 'inherit' });
  const child = spawn(process.execPath, ['dist/server.js'], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      VERIFY_SECRET: SECRET,
      RATE_LIMIT_MAX: '0',
      VERIFY_RATE_LIMIT_MAX: '0',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = /Server listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  child.stdout.resume(); // the request log is not kept
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i += 1) {
    if ((await fetch(`${base}/readyz`)).ok) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    port,
    pid: child.pid ?? 0,
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

function requests(): autocannon.Request[] {
  const json = { 'content-type': 'application/json' };
  const ayguli = fixture('ayguli-junior');
  const zhang = fixture('zhang-yue-intermediate');
  const code = createSigner(SECRET).sign({
    form: 'review-form',
    name: '张玥',
    idNumber: '652801199001010000',
    contentDigest: 'soak',
    issuedAt: new Date('2026-01-05T08:00:00Z'),
  }).code;
  const packet = multipart({ dossier: zhang });
  return [
    { method: 'POST', path: '/v1/forms/pledge/pdf', headers: json, body: ayguli },
    { method: 'GET', path: `/v1/verify/${code}` },
    { method: 'POST', path: '/v1/forms/publicity-notice/docx', headers: json, body: zhang },
    { method: 'GET', path: `/v1/verify/${code}` },
    { method: 'POST', path: '/v1/forms/review-form/pdf?copies=1', headers: json, body: zhang },
    { method: 'POST', path: '/v1/packets/pdf', headers: { 'content-type': packet.contentType }, body: packet.body },
    { method: 'POST', path: '/v1/forms/political-appraisal/pdf', headers: json, body: ayguli },
    { method: 'GET', path: '/v1/forms' },
  ];
}

/** One autocannon run; its instance is only a thenable, awaited here into a real promise. */
async function load(port: number, seconds: number): Promise<autocannon.Result> {
  return await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 60,
    requests: requests(),
  });
}

export async function benchSoak(): Promise<unknown> {
  const seconds = Number(process.env.SOAK_SECONDS ?? 60);
  const server = await startServer();
  try {
    // Warm-up: JIT, font subsets, worker heaps grow to their working size before RSS is taken.
    await load(server.port, Number(process.env.SOAK_WARMUP_SECONDS ?? Math.max(5, Math.round(seconds / 2))));
    const rssStart = rssMb(server.pid);
    const timeline: number[] = [];
    const sampler = setInterval(() => timeline.push(rssMb(server.pid)), 10_000);
    const result = await load(server.port, seconds).finally(() => clearInterval(sampler));
    const rssEnd = rssMb(server.pid);
    const errors = result.errors + result.timeouts + result.non2xx;
    return {
      run: { connections: CONNECTIONS, seconds, requests: result.requests.total },
      throughput: { 'req/s mean': result.requests.average, 'req/s min': result.requests.min },
      latency: { 'p50 ms': result.latency.p50, 'p99 ms': result.latency.p99, 'max ms': result.latency.max },
      errors: { total: errors, non2xx: result.non2xx, socket: result.errors, timeouts: result.timeouts },
      'status codes': Object.fromEntries(
        Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, stats.count]),
      ),
      'server RSS': {
        'after warm-up MB': rssStart,
        'at end MB': rssEnd,
        'change %': Math.round(((rssEnd - rssStart) / rssStart) * 1000) / 10,
        'every 10 s MB': timeline.join(' '),
      },
    };
  } finally {
    const code = await server.stop();
    if (code !== 0) console.error(`server exited with ${code}`);
  }
}
