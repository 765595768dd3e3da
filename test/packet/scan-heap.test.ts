/**
 * The heap cap of the upload threads (UPLOAD_WORKER_HEAP_MB). A PDF within
 * every size and decode limit can still need more heap than that to parse: a
 * few MB of nested empty arrays become millions of objects. The thread is
 * ended, the caller gets 422 naming the file, and the next upload is read by a
 * fresh thread. The process itself must survive each time: a thread out of heap
 * can abort the whole process when its young generation is too large
 * (src/threads/heap-limits.ts), so the heavy file is sent several times.
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { testConfig } from '../../src/config.js';
import { multipart } from '../helpers/multipart.js';
import { makeImage } from './scan-fixtures.js';

const dossier = readFileSync(new URL('../fixtures/dossiers/zhang-yue-intermediate.json', import.meta.url), 'utf8');

/** A one-page PDF whose page points at an array of `count` empty arrays: 2 bytes each in the file, an object each in memory. */
function manyObjectsPdf(count: number): Buffer {
  return Buffer.from(
    '%PDF-1.4\n' +
      '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n' +
      '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n' +
      '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Extra 4 0 R >> endobj\n' +
      `4 0 obj [${'[]'.repeat(count)}] endobj\n` +
      'trailer << /Root 1 0 R /Size 5 >>\n%%EOF\n',
  );
}

let app: FastifyInstance;
beforeAll(async () => {
  // The smallest heap allowed, one thread, and time enough that the heap runs out before the clock.
  app = await buildApp(testConfig({ UPLOAD_WORKER_HEAP_MB: 64, UPLOAD_WORKERS: 1, UPLOAD_TIMEOUT_MS: 60_000 }));
});
afterAll(async () => app.close());

async function postPacket(file: { name: string; bytes: Uint8Array }) {
  const { payload, headers } = multipart([
    { name: 'dossier', value: dossier },
    { name: 'item6', value: file.bytes, fileName: file.name },
  ]);
  return app.inject({ method: 'POST', url: '/v1/packets/pdf', payload, headers });
}

describe('an upload thread out of heap', { timeout: 240_000 }, () => {
  it('answers 422 UPLOAD_TOO_LARGE naming the file, and reads the next upload', async () => {
    const heavy = manyObjectsPdf(2_000_000);
    expect(heavy.length).toBeLessThan(testConfig().UPLOAD_FILE_LIMIT); // within the size limit
    for (let attempt = 0; attempt < 4; attempt++) {
      const refused = await postPacket({ name: '考核表.pdf', bytes: heavy });
      expect(refused.statusCode, refused.body.slice(0, 300)).toBe(422);
      const body = refused.json();
      expect(body.code).toBe('UPLOAD_INVALID');
      expect(body.message).toContain('考核表.pdf');
      expect(body.message).toContain('内存');
      expect(body.details).toEqual([
        expect.objectContaining({ path: '/files/item6/考核表.pdf', code: 'UPLOAD_TOO_LARGE' }),
      ]);
    }

    const next = await postPacket({ name: '身份证.jpg', bytes: await makeImage('jpeg') });
    expect(next.statusCode, next.body.slice(0, 300)).toBe(200);
    expect(next.headers['content-type']).toBe('application/pdf');
  });
});
