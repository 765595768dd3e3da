/**
 * Rosters without any applicant row (workbook or JSON) are a 422 ROSTER_EMPTY
 * saying so, on every route that takes a roster; the workbook routes refuse
 * form fields they do not take, and the `unit` field obeys BODY_LIMIT.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { testConfig } from '../../src/config.js';
import { multipart } from '../helpers/multipart.js';
import { clearExamples, loadTemplate, rosterUnit } from '../roster-import/fill.js';

let app: FastifyInstance;
let emptyWorkbook: Buffer;
beforeAll(async () => {
  app = await buildApp(testConfig());
  const workbook = await loadTemplate();
  clearExamples(workbook);
  emptyWorkbook = Buffer.from(await workbook.xlsx.writeBuffer());
}, 60_000);
afterAll(async () => app.close());

function expectRosterEmpty(response: { statusCode: number; json(): unknown }, path: string): void {
  expect(response.statusCode).toBe(422);
  const body = response.json() as { code: string; message: string; details: { path: string; code: string }[] };
  expect(body.code).toBe('ROSTER_EMPTY');
  expect(body.message).toContain('没有找到任何申报人员');
  expect(body.message).toContain('No applicant row was found');
  expect(body.details).toEqual([expect.objectContaining({ path, code: 'ROSTER_EMPTY' })]);
}

describe('an empty roster', { timeout: 60_000 }, () => {
  it('as JSON to /v1/batches', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/batches',
      payload: { unit: rosterUnit(), dossiers: [] },
    });
    expectRosterEmpty(response, '/dossiers');
  });

  it('as JSON to the roster form', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/forms/roster/xlsx',
      payload: { unit: rosterUnit(), dossiers: [] },
    });
    expectRosterEmpty(response, '/dossiers');
  });

  it('as a workbook to /v1/roster-imports and to /v1/batches', async () => {
    for (const url of ['/v1/roster-imports', '/v1/batches']) {
      const { payload, headers } = multipart([{ name: 'file', value: emptyWorkbook, fileName: 'roster.xlsx' }]);
      expectRosterEmpty(await app.inject({ method: 'POST', url, payload, headers }), '/file');
    }
  });

  it('as the unchanged template: the answer names the example row it skipped', async () => {
    const template = Buffer.from(await (await loadTemplate()).xlsx.writeBuffer());
    for (const url of ['/v1/roster-imports', '/v1/batches']) {
      const { payload, headers } = multipart([{ name: 'file', value: template, fileName: 'roster.xlsx' }]);
      const response = await app.inject({ method: 'POST', url, payload, headers });
      expectRosterEmpty(response, '/file');
      const [detail] = response.json().details;
      expect(detail.message, url).toMatch(/示例行（申报人员!2/);
      expect(detail.messageEn, url).toContain('Only example rows (申报人员!2');
    }
  });
});

describe('multipart bounds of the workbook routes', { timeout: 60_000 }, () => {
  it('refuses a field the route does not take with UNKNOWN_KEY at its name', async () => {
    for (const url of ['/v1/roster-imports', '/v1/batches']) {
      const { payload, headers } = multipart([
        { name: 'junk', value: 'x' },
        { name: 'file', value: emptyWorkbook, fileName: 'roster.xlsx' },
      ]);
      const response = await app.inject({ method: 'POST', url, payload, headers });
      expect(response.statusCode, url).toBe(422);
      expect(response.json().details[0]).toMatchObject({ path: '/junk', code: 'UNKNOWN_KEY' });
    }
  });

  it('answers a request past UPLOAD_LIMIT with 413 naming it, on the packet and batch routes', async () => {
    const small = await buildApp(testConfig({ UPLOAD_LIMIT: 50_000 }));
    try {
      for (const [url, field] of [
        ['/v1/packets/pdf', 'item6'],
        ['/v1/batches', 'file'],
      ] as const) {
        const { payload, headers } = multipart([
          { name: field, value: Buffer.alloc(60_000, 0x20), fileName: 'big.bin' },
        ]);
        const response = await small.inject({ method: 'POST', url, payload, headers });
        expect(response.statusCode, url).toBe(413);
        expect(response.json().message, url).toContain('UPLOAD_LIMIT');
      }
    } finally {
      await small.close();
    }
  });

  it('answers a unit field past BODY_LIMIT with 413 naming it', async () => {
    const { payload, headers } = multipart([
      { name: 'unit', value: `"${'x'.repeat(2 * 1024 * 1024)}"` },
      { name: 'file', value: emptyWorkbook, fileName: 'roster.xlsx' },
    ]);
    const response = await app.inject({ method: 'POST', url: '/v1/batches', payload, headers });
    expect(response.statusCode).toBe(413);
    expect(response.json().message).toContain('BODY_LIMIT');
  });
});
