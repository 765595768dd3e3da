/**
 * A print packet with 10 scans, and a batch of 100 applicants, over real HTTP
 * on the loopback interface, as a caller sees them (the service's default
 * worker pool unless RENDER_WORKERS is set). Run alone: npx tsx bench/packets.ts
 */
import { readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { multipart } from '../test/helpers/multipart.js';
import { makeImage, makePdf } from '../test/packet/scan-fixtures.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../test/fixtures/dossiers/${name}.json`, import.meta.url), 'utf8');

function stats(samples: number[]): { firstMs: number; medianMs: number; p95Ms: number; runs: number } {
  const [first = 0, ...warm] = samples;
  const sorted = [...warm].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { firstMs: first, medianMs: at(0.5), p95Ms: at(0.95), runs: samples.length };
}

export async function benchPackets(): Promise<Record<string, unknown>> {
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
  const app = await buildApp(config);
  const origin = await app.listen({ host: '127.0.0.1', port: 0 });
  const post = async (path: string, body: Buffer | string, contentType: string, keep = true) => {
    const response = await fetch(`${origin}${path}`, {
      method: 'POST',
      body,
      headers: { 'content-type': contentType },
    });
    if (response.status !== 200)
      throw new Error(`${path}: ${response.status} ${(await response.text()).slice(0, 300)}`);
    // The batch ZIP is only counted, as a client saving it to disk would hold little of it in memory.
    const chunks: Uint8Array[] = [];
    let length = 0;
    for await (const chunk of response.body!) {
      length += chunk.length;
      if (keep) chunks.push(chunk);
    }
    return { bytes: Buffer.concat(chunks), length };
  };
  try {
    const jpeg = await makeImage('jpeg', [1240, 1754]);
    const pdfScan = await makePdf(2);
    // Ten scans over the catalogue items: seven A4-sized JPEGs and three 2-page PDFs.
    const scans = Array.from({ length: 10 }, (_, i) => {
      const isPdf = i % 3 === 2;
      return {
        name: `item${(i % 12) + 1}`,
        value: isPdf ? pdfScan : jpeg,
        fileName: `scan-${i}.${isPdf ? 'pdf' : 'jpg'}`,
      };
    });
    const fields = [{ name: 'dossier', value: fixture('zhang-yue-intermediate') }, ...scans];
    const packetTimes: number[] = [];
    let packetPages = 0;
    for (let i = 0; i < 21; i++) {
      const { payload, headers } = multipart(fields);
      const started = performance.now();
      const { bytes: packet } = await post('/v1/packets/pdf', payload, headers['content-type']!);
      packetTimes.push(performance.now() - started);
      packetPages = (await PDFDocument.load(packet)).getPageCount();
    }

    const base = JSON.parse(fixture('zhang-yue-intermediate'));
    const unit = JSON.parse(readFileSync(new URL('../test/fixtures/roster-unit.json', import.meta.url), 'utf8')).unit;
    const dossiers = Array.from({ length: 100 }, (_, i) => ({
      ...base,
      applicant: { ...base.applicant, name: `张${String.fromCodePoint(0x4e00 + i)}玥` },
    }));
    const started = performance.now();
    const zip = await post('/v1/batches', JSON.stringify({ unit, dossiers }), 'application/json', false);
    const batchMs = performance.now() - started;
    return {
      packet10Scans: { ...stats(packetTimes), pages: packetPages },
      batch100: {
        ms: Math.round(batchMs),
        perApplicantMs: Math.round(batchMs / 100),
        zipMB: +(zip.length / 1048576).toFixed(1),
        workers: config.RENDER_WORKERS,
      },
    };
  } finally {
    await app.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchPackets(), null, 2));
}
