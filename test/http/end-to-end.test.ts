/**
 * A few requests through the real forms and renderers, to be sure the HTTP
 * layer hands back the files the renderers make (the other HTTP tests use a
 * stand-in renderer).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossier, makeApp, postJson, rosterInput, type Json } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'http-e2e-'));

function pdfText(bytes: Buffer): string {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('real renders over HTTP', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await makeApp();
  });
  afterAll(() => app.close());

  it('POST /v1/forms/pledge/pdf gives a PDF with the applicant printed in it', async () => {
    const ayguli = dossier('ayguli-junior');
    const res = await postJson(app, '/v1/forms/pledge/pdf', ayguli);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);
    expect(pdfText(res.rawPayload).replace(/\s+/g, '')).toContain(ayguli.applicant.name);
  }, 60_000);

  it('POST /v1/forms/review-form/pdf honours ?copies=1 and refuses ?copies=3 at /query/copies', async () => {
    const zhang = dossier('zhang-yue-intermediate');
    const bad = await postJson(app, '/v1/forms/review-form/pdf?copies=3', zhang);
    expect(bad.statusCode).toBe(422);
    expect((bad.json().details as Json[]).map((detail) => detail.path)).toContain('/query/copies');
    const one = await postJson(app, '/v1/forms/review-form/pdf?copies=1', zhang);
    expect(one.statusCode).toBe(200);
    expect(one.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 60_000);

  it('POST /v1/forms/roster/xlsx gives a workbook named for the unit', async () => {
    const res = await postJson(app, '/v1/forms/roster/xlsx', rosterInput());
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(String(res.headers['content-disposition'])).toMatch(
      /^attachment; filename="roster\.xlsx"; filename\*=UTF-8''%E9%99%84%E4%BB%B65/,
    );
  }, 60_000);
});
