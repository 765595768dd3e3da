/**
 * The compiled service as `npm start` runs it (`node … dist/start.js` with the flags of package.json, built
 * first if needed): time from launch to the first 200 of /readyz, and the RSS
 * of the whole process (all threads) idle with 0, 1 and 2 render workers, and
 * after 30 review forms (a different applicant each) with one worker. The
 * difference between worker counts is what one render worker costs.
 * `npm start` itself is timed too: npm and the up-to-date check add to it.
 * Run alone: npx tsx bench/start.ts
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { applicant } from './applicants.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Node's arguments in `npm start` (package.json), so the figures are those of the command users run. */
const START_ARGS = (() => {
  const { scripts } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    scripts: { start: string };
  };
  const [command, ...args] = scripts.start.split(/\s+/);
  if (command !== 'node') throw new Error(`npm start does not run node: ${scripts.start}`);
  return args;
})();
const START_RUNS = 3;
const FORMS_AFTER_START = 30;

interface Started {
  readonly child: ChildProcess;
  readonly base: string;
  readonly readyMs: number;
  /** CPU time (all threads, user + system) spent until ready: what a busy machine does not inflate. */
  readonly cpuMs: number;
}

/** CPU time of a process so far, in ms (Linux /proc; NaN elsewhere). */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in 10 ms ticks
  } catch {
    return Number.NaN;
  }
}

/** Resident memory of a process and all its threads, in MB (Linux /proc, else ps). */
function rssMb(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    if (kb) return Math.round(Number(kb) / 1024);
  } catch {
    // not Linux
  }
  const out = spawnSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).stdout.trim();
  return Math.round(Number(out) / 1024);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function launch(command: string, args: readonly string[], workers: number): Promise<Started> {
  const started = performance.now();
  const child = spawn(command, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      RENDER_WORKERS: String(workers),
      LOG_LEVEL: 'info',
      VERIFY_SECRET: 'benchmark secret',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
    // Its own process group: stopping `npm start` must stop the server npm started, too.
    detached: true,
  });
  const base = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before listening`)));
  });
  for (;;) {
    const res = await fetch(`${base}/readyz`).catch(() => undefined);
    if (res?.status === 200) break;
    await sleep(10);
  }
  return { child, base, readyMs: Math.round(performance.now() - started), cpuMs: cpuMs(child.pid!) };
}

async function stop({ child }: Started): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid!, 'SIGTERM');
  await exited;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function benchStart(): Promise<Record<string, unknown>> {
  // `npm start` builds when a source is newer than dist/; do it now so the figures are the start alone.
  const build = spawnSync(process.execPath, ['scripts/build-if-stale.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('build failed');

  const readyOneWorker: number[] = [];
  const cpuOneWorker: number[] = [];
  const idle: Record<string, number> = {};
  let afterForms = 0;
  for (let run = 0; run < START_RUNS; run++) {
    const server = await launch(process.execPath, START_ARGS, 1);
    readyOneWorker.push(server.readyMs);
    cpuOneWorker.push(server.cpuMs);
    if (run === 0) {
      await sleep(2000);
      idle['1 worker'] = rssMb(server.child.pid!);
      for (let i = 0; i < FORMS_AFTER_START; i++) {
        const res = await fetch(`${server.base}/v1/forms/review-form/pdf?copies=1`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(applicant(1000 + i)),
        });
        if (res.status !== 200) throw new Error(`review form: HTTP ${res.status} ${await res.text()}`);
        await res.arrayBuffer();
      }
      await sleep(1000);
      afterForms = rssMb(server.child.pid!);
    }
    await stop(server);
  }
  for (const workers of [0, 2]) {
    const server = await launch(process.execPath, START_ARGS, workers);
    await sleep(2000);
    idle[`${workers} workers`] = rssMb(server.child.pid!);
    await stop(server);
  }
  // `npm start` as typed (dist/ up to date): npm, the up-to-date check, then the same server.
  const npmCli = process.env.npm_execpath;
  const viaNpm = npmCli
    ? await launch(process.execPath, [npmCli, 'start', '--silent'], 1)
    : await launch('npm', ['start', '--silent'], 1);
  await stop(viaNpm);

  return {
    node: process.version,
    readyMs: { median: median(readyOneWorker), runs: readyOneWorker.join(' / ') },
    cpuMsUntilReady: { median: median(cpuOneWorker), runs: cpuOneWorker.join(' / ') },
    npmStartReadyMs: viaNpm.readyMs,
    idleRssMb: idle,
    rssAfter30ReviewFormsMb: afterForms,
    perWorkerMb: {
      first: idle['1 worker']! - idle['0 workers']!,
      second: idle['2 workers']! - idle['1 worker']!,
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(await benchStart());
}
