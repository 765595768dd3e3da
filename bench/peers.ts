/**
 * `npm run bench -- --peers`: the one-page notice (附件1 推荐单位公示) and the
 * review form (6 pages) made three ways in the same run:
 * - this service: build + PDF render in process;
 * - pdfme (@pdfme/generator): the same lines of text at the same places, in the
 *   same font (Noto Serif SC), one text field per line, so pdfme does no line
 *   breaking of its own and draws no table rules (both in its favour);
 * - LibreOffice: a long-running soffice listening on a loopback socket converts
 *   the service's DOCX of the same document to PDF (bench/peers/lo-convert.py
 *   talks UNO to it; needs the Debian package python3-uno).
 * Medians of warm runs, and how many times faster this service is.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Document } from '../src/document/model.js';
import { publicityNoticeForm } from '../src/forms/publicity-notice/index.js';
import { reviewForm } from '../src/forms/review-form/index.js';
import { render } from '../src/render/index.js';
import { renderPdfWithLayout, type PlacedGlyph } from '../src/render/pdf/index.js';
import { createSigner } from '../src/verify/index.js';
import { applicant } from './applicants.js';

const RUNS = { ours: 100, pdfme: 20, libreoffice: 10 };
const MM = 72 / 25.4;
const PAGE_H_MM = 297;

const CTX = {
  now: new Date('2024-09-20T03:00:00Z'),
  settings: { watermarkText: '档案系列职称评审专用' },
  signer: createSigner('benchmark secret'),
};

const DOCUMENTS: Record<string, () => Document> = {
  notice: () => publicityNoticeForm.build(applicant(0), { ...CTX, options: {} }),
  'review form': () => reviewForm.build(applicant(0), { ...CTX, options: { copies: 1 } }),
};

const round = (ms: number) => Math.round(ms * 100) / 100;

async function medianMs(runs: number, once: () => Promise<unknown>): Promise<number> {
  await once(); // warm: code loaded, fonts parsed
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await once();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return round(times[Math.floor(times.length / 2)]!);
}

// ---- pdfme: our laid-out lines as pdfme text fields

interface Line {
  page: number;
  text: string;
  x: number;
  baseline: number;
  size: number;
}

/** Glyphs of one page, baseline and run of neighbours, joined into lines of text. */
function linesOf(glyphs: readonly PlacedGlyph[]): Line[] {
  const lines: Line[] = [];
  const sorted = [...glyphs].sort((a, b) => a.page - b.page || b.y - a.y || a.x - b.x);
  for (const g of sorted) {
    const baseline = g.y + g.height * 0.12;
    const last = lines.at(-1);
    const end = last ? last.x + Array.from(last.text).length * last.size : 0;
    if (
      last &&
      last.page === g.page &&
      Math.abs(last.baseline - baseline) < 0.5 &&
      last.size === g.height &&
      g.x - end < g.height * 2
    ) {
      last.text += g.char;
    } else lines.push({ page: g.page, text: g.char, x: g.x, baseline, size: g.height });
  }
  return lines;
}

async function pdfmeRenderer(doc: Document): Promise<() => Promise<Uint8Array>> {
  const { generate } = await import('@pdfme/generator');
  const { text } = await import('@pdfme/schemas');
  const { glyphs } = await renderPdfWithLayout(doc);
  const lines = linesOf(glyphs);
  const pages = Math.max(...lines.map((l) => l.page)) + 1;
  const schemas: Record<string, unknown>[][] = Array.from({ length: pages }, () => []);
  const input: Record<string, string> = {};
  lines.forEach((line, i) => {
    const name = `l${i}`;
    const sizeMm = line.size / MM;
    schemas[line.page]!.push({
      name,
      type: 'text',
      position: { x: line.x / MM, y: PAGE_H_MM - line.baseline / MM - sizeMm * 0.88 },
      width: (Array.from(line.text).length * line.size * 1.05) / MM + 2,
      height: sizeMm * 1.3,
      fontSize: line.size,
      fontName: 'NotoSerifSC',
      lineHeight: 1,
    });
    input[name] = line.text;
  });
  const require = createRequire(import.meta.url);
  const font = {
    NotoSerifSC: {
      data: readFileSync(require.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf')),
      fallback: true,
    },
  };
  const template = { basePdf: { width: 210, height: PAGE_H_MM, padding: [0, 0, 0, 0] }, schemas };
  return () =>
    generate({
      template: template as never,
      inputs: [input],
      options: { font },
      plugins: { text },
    });
}

// ---- LibreOffice listener

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('port'))));
    });
  });
}

interface Listener {
  convert(docx: string, pdf: string): Promise<void>;
  close(): void;
}

async function libreOfficeListener(dir: string): Promise<Listener> {
  const port = await freePort();
  const soffice = spawn(
    'soffice',
    [
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--headless',
      '--invisible',
      '--norestore',
      '--nologo',
      `--accept=socket,host=127.0.0.1,port=${port};urp;StarOffice.ComponentContext`,
    ],
    { stdio: 'ignore' },
  );
  const client: ChildProcessWithoutNullStreams = spawn('/usr/bin/python3', [
    fileURLToPath(new URL('./peers/lo-convert.py', import.meta.url)),
    String(port),
  ]);
  client.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  const replies = createInterface({ input: client.stdout })[Symbol.asyncIterator]();
  const next = async (): Promise<string> => {
    const { value, done } = await replies.next();
    if (done) throw new Error('the LibreOffice client ended (is python3-uno installed?)');
    return value as string;
  };
  if ((await next()) !== 'ready') throw new Error('LibreOffice listener did not start');
  return {
    async convert(docx, pdf) {
      client.stdin.write(`${docx} ${pdf}\n`);
      const reply = await next();
      if (reply !== 'ok') throw new Error(`LibreOffice: ${reply}`);
    },
    close() {
      client.stdin.end();
      client.kill();
      soffice.kill();
    },
  };
}

export async function benchPeers(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-peers-'));
  const listener = await libreOfficeListener(dir);
  const results: Record<string, unknown> = {};
  try {
    for (const [name, build] of Object.entries(DOCUMENTS)) {
      const ours = await medianMs(RUNS.ours, async () => render(build(), 'pdf'));
      const pdfmeOnce = await pdfmeRenderer(build());
      const pdfme = await medianMs(RUNS.pdfme, pdfmeOnce);
      if (process.env.PEERS_OUT) writeFileSync(join(process.env.PEERS_OUT, `${name}.pdfme.pdf`), await pdfmeOnce());
      const docx = join(dir, `${name.replace(/\s/g, '-')}.docx`);
      writeFileSync(docx, (await render(build(), 'docx')).bytes);
      const libreoffice = await medianMs(RUNS.libreoffice, () => listener.convert(docx, `${docx}.pdf`));
      results[name] = {
        oursMs: ours,
        pdfmeMs: pdfme,
        libreOfficeMs: libreoffice,
        'faster than pdfme': `${round(pdfme / ours)}×`,
        'faster than LibreOffice': `${round(libreoffice / ours)}×`,
      };
    }
  } finally {
    listener.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(await benchPeers());
}
