/**
 * `npm run bench`: every benchmark, each in its own process, with its figures
 * and the process's peak RSS. Figures are measured, never asserted.
 * `npm run bench -- review-form` runs the benchmarks whose file name matches;
 * `npm run bench -- --peers` runs only the comparison with pdfme and LibreOffice.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

interface Bench {
  readonly title: string;
  readonly module: string;
  readonly exportName: string;
}

const BENCHES: readonly Bench[] = [
  {
    title: 'Start and memory: node dist/start.js, as npm start runs it',
    module: 'bench/start.ts',
    exportName: 'benchStart',
  },
  { title: 'PDF engine: one-page GB/T 9704 notice', module: 'bench/pdf.ts', exportName: 'benchPdf' },
  { title: 'DOCX renderer: one-page notice', module: 'bench/docx.ts', exportName: 'benchDocx' },
  {
    title: 'Forms: pledge, publicity-notice (pdf, docx), first document after start-up',
    module: 'bench/forms.ts',
    exportName: 'benchForms',
  },
  { title: 'Roster of 500 applicants (xlsx, pdf)', module: 'bench/forms.ts', exportName: 'benchRoster' },
  { title: 'Review form (评审表), one copy', module: 'bench/review-form.ts', exportName: 'benchReviewForm' },
  { title: 'zlib level for PDF streams (review form)', module: 'bench/zlib.ts', exportName: 'benchZlib' },
  { title: 'Packet with 10 scans; batch of 100 applicants', module: 'bench/packets.ts', exportName: 'benchPackets' },
  { title: 'Soak: 10 connections over mixed routes, one server', module: 'bench/soak.ts', exportName: 'benchSoak' },
  { title: 'Peers: pdfme and a LibreOffice listener', module: 'bench/peers.ts', exportName: 'benchPeers' },
];

const args = process.argv.slice(2);
const only = args.includes('--peers') ? ['bench/peers.ts'] : args.filter((arg) => !arg.startsWith('--'));
const load = loadavg().map((v) => v.toFixed(1));
console.log(
  `zhicheng-docs benchmarks — Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load ${load.join(' ')}`,
);
for (const bench of BENCHES) {
  if (only.length > 0 && !only.some((name) => bench.module.includes(name))) continue;
  if (!existsSync(bench.module)) {
    console.log(`\n## ${bench.title}\n  (missing: ${bench.module})`);
    continue;
  }
  let output: string;
  try {
    output = execFileSync(process.execPath, ['--import', 'tsx', 'bench/child.ts', bench.module, bench.exportName], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, LOG_LEVEL: 'silent' },
    });
  } catch (error) {
    console.log(`\n## ${bench.title}\n  failed: ${(error as Error).message.split('\n')[0]}`);
    process.exitCode = 1;
    continue;
  }
  const last = output.trim().split('\n').at(-1) ?? '{}';
  const { result, peakRssMb, wallMs } = JSON.parse(last) as { result: unknown; peakRssMb: number; wallMs: number };
  console.log(`\n## ${bench.title}`);
  printFigures(result, '  ');
  console.log(`  peak RSS ${peakRssMb} MB (whole benchmark process), wall ${wallMs} ms`);
}
console.log(
  `\nload at the end ${loadavg()
    .map((v) => v.toFixed(1))
    .join(' ')} (1, 5, 15 min): figures of a busy machine are not idle figures`,
);
function printFigures(value: unknown, indent: string): void {
  if (value === null || typeof value !== 'object') {
    console.log(`${indent}${String(value)}`);
    return;
  }
  for (const [key, figure] of Object.entries(value)) {
    if (figure !== null && typeof figure === 'object') {
      const flat = Object.entries(figure).every(([, v]) => typeof v !== 'object');
      if (flat)
        console.log(
          `${indent}${key}: ${Object.entries(figure)
            .map(([k, v]) => `${k} ${format(v)}`)
            .join(', ')}`,
        );
      else {
        console.log(`${indent}${key}:`);
        printFigures(figure, `${indent}  `);
      }
    } else console.log(`${indent}${key}: ${format(figure)}`);
  }
}

function format(value: unknown): string {
  return typeof value === 'number' ? (Number.isInteger(value) ? String(value) : value.toFixed(2)) : String(value);
}
