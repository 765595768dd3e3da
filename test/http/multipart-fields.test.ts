/**
 * A multipart field over BODY_LIMIT is a 413 BODY_TOO_LARGE naming the setting
 * and the field, whether it was sent as text or as application/json; a small
 * field that is not JSON is a 400 MALFORMED_JSON. Same on every upload route.
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { testConfig } from '../../src/config.js';
import { multipart, type MultipartField } from '../helpers/multipart.js';

const BODY_LIMIT = 4096;
const dossier = readFileSync(new URL('../fixtures/dossiers/zhang-yue-intermediate.json', import.meta.url), 'utf8');
/** Valid JSON, the fixture padded with spaces to twice the limit. */
const oversize = `${dossier.trimEnd()}${' '.repeat(2 * BODY_LIMIT)}\n`;

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildApp(testConfig({ BODY_LIMIT }));
});
afterAll(async () => app.close());

async function post(url: string, fields: MultipartField[]) {
  const { payload, headers } = multipart(fields);
  const response = await app.inject({ method: 'POST', url, payload, headers });
  return { status: response.statusCode, body: response.json() as Record<string, unknown> };
}

/** The error shape of every refusal (docs/api.md), with the message naming what was refused. */
function expectError(body: Record<string, unknown>, statusCode: number, code: string, ...named: string[]): void {
  expect(body).toMatchObject({ statusCode, code, details: [] });
  expect(Object.keys(body).sort()).toEqual(['code', 'details', 'error', 'message', 'statusCode']);
  for (const word of named) expect(body.message).toContain(word);
  expect(body.message).toMatch(/[\u4e00-\u9fff].* \/ [A-Za-z]/); // Chinese first, then English
}

describe('an oversize multipart field', () => {
  it.each([
    ['text', undefined],
    ['application/json', 'application/json'],
    ['application/json; charset=utf-8', 'application/json; charset=utf-8'],
  ])('dossier sent as %s: 413 naming BODY_LIMIT and the field', async (_, contentType) => {
    const field: MultipartField = { name: 'dossier', value: oversize, ...(contentType ? { contentType } : {}) };
    const { status, body } = await post('/v1/packets/pdf', [field]);
    expect(status).toBe(413);
    expectError(body, 413, 'BODY_TOO_LARGE', 'BODY_LIMIT', String(BODY_LIMIT), 'dossier');
  });

  it.each([
    ['text', undefined],
    ['application/json', 'application/json'],
  ])('batch unit sent as %s: 413 naming BODY_LIMIT and the field', async (_, contentType) => {
    const unit = JSON.stringify({ name: '巴州档案局', padding: 'x'.repeat(2 * BODY_LIMIT) });
    const { status, body } = await post('/v1/batches', [
      { name: 'unit', value: unit, ...(contentType ? { contentType } : {}) },
      { name: 'file', value: new Uint8Array(16), fileName: '花名册.xlsx' },
    ]);
    expect(status).toBe(413);
    expectError(body, 413, 'BODY_TOO_LARGE', 'BODY_LIMIT', 'unit');
  });

  it('a small application/json field that is not JSON stays a 400 MALFORMED_JSON, naming no limit', async () => {
    const { status, body } = await post('/v1/packets/pdf', [
      { name: 'dossier', value: '{"applicant": ', contentType: 'application/json' },
    ]);
    expect(status).toBe(400);
    expectError(body, 400, 'MALFORMED_JSON', 'application/json');
    expect(body.message).not.toContain('BODY_LIMIT');
  });
});
