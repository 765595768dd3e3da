import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { rosterImportOpenApiPaths, RosterImportResponse } from '../../src/roster-import/index.js';
import rosterImportRoutes, { type RosterImportRoutesOptions } from '../../src/roster-import/routes.js';
import { filledTemplate, fixture, FIXTURE_NAMES, writeRow } from './fill.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A minimal app: multipart, the plugin, and an error handler giving the API's error shape. */
async function buildTestApp(withMultipart: boolean, options: RosterImportRoutesOptions = {}): Promise<FastifyInstance> {
  const app = Fastify();
  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof AppError) {
      return reply.code(error.statusCode).send({
        statusCode: error.statusCode,
        code: error.code,
        message: `${error.zh} / ${error.en}`,
        details: error.details,
      });
    }
    const statusCode = (error as { statusCode?: number }).statusCode ?? 500;
    return reply.code(statusCode).send({ statusCode, code: (error as { code?: string }).code });
  });
  if (withMultipart) await app.register(multipart);
  await app.register(rosterImportRoutes, { limits: { maxFileBytes: 2 * 1024 * 1024 }, ...options });
  await app.ready();
  return app;
}

function multipartBody(
  field: string,
  fileName: string,
  bytes: Uint8Array,
  type = XLSX,
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----roster-test-boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`;
  const payload = Buffer.concat([
    Buffer.from(head, 'utf8'),
    Buffer.from(bytes),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

let app: FastifyInstance;
let filled: Uint8Array;
beforeAll(async () => {
  app = await buildTestApp(true);
  filled = await filledTemplate((workbook, rows) => {
    writeRow(workbook.getWorksheet('申报人员')!, rows['ayguli-junior']!, { 身份证号: '652801198503120021' });
  });
});
afterAll(async () => app.close());

describe('GET /v1/roster-imports/template.xlsx', () => {
  it('sends the template with a Chinese file name and an ASCII fallback', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/roster-imports/template.xlsx' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toContain('attachment');
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent('申报人员花名册模板.xlsx')}`);
    expect(disposition).toMatch(/filename="[\x20-\x7e]+\.xlsx"/);
    expect(res.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
  });
});

describe('POST /v1/roster-imports', () => {
  it('returns dossiers, per-row results and a summary, 200 even when a row fails', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/roster-imports',
      ...multipartBody('file', '花名册.xlsx', filled),
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.summary).toEqual({ total: 3, ok: 2, failed: 1 });
    expect(body.dossiers).toEqual([fixture('zhang-yue-intermediate'), fixture('bater-initial')]);
    const failed = body.rows.find((r: { ok: boolean }) => !r.ok);
    expect(failed).toMatchObject({ row: 3, name: '阿依古丽·买买提', ok: false });
    expect(failed.errors[0]).toMatchObject({
      sheet: '申报人员',
      row: 3,
      column: '身份证号',
      path: '/applicant/idNumber',
    });
    expect(body.unit.name).toBe('巴音郭楞蒙古自治州党委办公室档案监督指导一科');
    // The body is what the OpenAPI description promises.
    expect(RosterImportResponse.safeParse(body).success).toBe(true);
    const described = rosterImportOpenApiPaths()['/v1/roster-imports'] as {
      post: { responses: Record<string, unknown> };
    };
    expect(JSON.stringify(described.post.responses['200'])).toContain('dossierIndex');
  });

  it('accepts the workbook as the raw request body', async () => {
    const ok = await filledTemplate();
    const res = await app.inject({
      method: 'POST',
      url: '/v1/roster-imports',
      headers: { 'content-type': XLSX },
      payload: Buffer.from(ok),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().summary).toEqual({ total: FIXTURE_NAMES.length, ok: FIXTURE_NAMES.length, failed: 0 });
  });

  it('answers 422 UPLOAD_INVALID naming the file when it is not an XLSX', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/roster-imports',
      ...multipartBody('file', 'roster.csv', new TextEncoder().encode('姓名,身份证号\n'), 'text/csv'),
    });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe('UPLOAD_INVALID');
    expect(body.message).toContain('roster.csv');
    expect(body.details[0]).toMatchObject({ path: '/file', code: 'NOT_XLSX' });
  });

  it('answers 422 UPLOAD_INVALID when no file is sent, or under another field name', async () => {
    const other = await app.inject({
      method: 'POST',
      url: '/v1/roster-imports',
      ...multipartBody('upload', 'a.xlsx', filled),
    });
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({ code: 'UPLOAD_INVALID', details: [{ path: '/file', code: 'NO_FILE' }] });
    const boundary = 'b0';
    const empty = await app.inject({
      method: 'POST',
      url: '/v1/roster-imports',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--${boundary}--\r\n`,
    });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().code).toBe('UPLOAD_INVALID');
  });

  it('answers 422 UPLOAD_INVALID for a file over the size limit', async () => {
    const big = new Uint8Array(3 * 1024 * 1024);
    const res = await app.inject({
      method: 'POST',
      url: '/v1/roster-imports',
      ...multipartBody('file', 'big.xlsx', big),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'UPLOAD_INVALID', details: [{ code: 'FILE_TOO_LARGE' }] });
  });

  it('answers 415 for a JSON body', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/roster-imports', payload: { dossiers: [] } });
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('ends an import that runs past its time with 503, and can read on the event loop instead', async () => {
    const slow = await buildTestApp(true, { isolation: { timeoutMs: 1 } });
    try {
      const res = await slow.inject({
        method: 'POST',
        url: '/v1/roster-imports',
        ...multipartBody('file', 'r.xlsx', filled),
      });
      expect(res.statusCode).toBe(503);
      expect(res.json().code).toBe('RENDER_TIMEOUT');
    } finally {
      await slow.close();
    }
    const inline = await buildTestApp(true, { isolation: false });
    try {
      const res = await inline.inject({
        method: 'POST',
        url: '/v1/roster-imports',
        ...multipartBody('file', 'r.xlsx', filled),
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().summary).toEqual({ total: 3, ok: 2, failed: 1 });
    } finally {
      await inline.close();
    }
  });

  it('refuses an import past the concurrent-import limit with 429', async () => {
    const narrow = await buildTestApp(true, { maxConcurrent: 1 });
    try {
      const request = () =>
        narrow.inject({ method: 'POST', url: '/v1/roster-imports', ...multipartBody('file', 'r.xlsx', filled) });
      const statuses = (await Promise.all([request(), request()])).map((res) => res.statusCode).sort();
      expect(statuses).toEqual([200, 429]);
    } finally {
      await narrow.close();
    }
  });

  it('registers multipart itself when the app has not', async () => {
    const bare = await buildTestApp(false, { isolation: false });
    try {
      const res = await bare.inject({
        method: 'POST',
        url: '/v1/roster-imports',
        ...multipartBody('file', 'r.xlsx', filled),
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().summary.total).toBe(3);
    } finally {
      await bare.close();
    }
  });
});
