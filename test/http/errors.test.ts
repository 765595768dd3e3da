import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toAppError } from '../../src/http/plugins/error-handler.js';
import { brokenForm, noteForm } from './fixtures/test-forms.js';
import { expectErrorShape, fakeRender, makeApp, postJson } from './helpers.js';

describe('error handler', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await makeApp({}, { forms: [noteForm, brokenForm], render: { renderDocument: fakeRender } });
  });
  afterAll(() => app.close());

  it('answers an unknown route with 404 NOT_FOUND in the error shape, with a request id header', async () => {
    const res = await app.inject('/v1/nothing-here');
    expect(res.statusCode).toBe(404);
    expectErrorShape(res.json(), 404, 'NOT_FOUND');
    expect(res.json().message).toBe('请求的地址不存在 / No such route');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers a wrong method on a known path with 405 and Allow', async () => {
    const res = await app.inject({ method: 'DELETE', url: '/v1/forms' });
    expect(res.statusCode).toBe(405);
    expectErrorShape(res.json(), 405, 'METHOD_NOT_ALLOWED');
    expect(res.headers.allow).toContain('GET');
    const render = await app.inject({ method: 'GET', url: '/v1/forms/test-note/pdf' });
    expect(render.statusCode).toBe(405);
    expect(render.headers.allow).toContain('POST');
  });

  it('keeps a caller-supplied x-request-id that looks like an id, and replaces one that does not', async () => {
    const kept = await app.inject({ url: '/healthz', headers: { 'x-request-id': 'portal-42.abc' } });
    expect(kept.headers['x-request-id']).toBe('portal-42.abc');
    const replaced = await app.inject({ url: '/healthz', headers: { 'x-request-id': 'bad id <script>' } });
    expect(replaced.headers['x-request-id']).not.toContain('<');
  });

  it('answers an error in a build with 500 INTERNAL_ERROR, a request id, and no internals', async () => {
    const res = await postJson(app, '/v1/forms/test-broken/docx', { text: '你好' });
    expect(res.statusCode).toBe(500);
    const body = res.json();
    expectErrorShape(body, 500, 'INTERNAL_ERROR');
    expect(body.message).toBe('服务内部错误 / Internal server error');
    expect(body.details).toEqual([]);
    expect(body.requestId).toBe(res.headers['x-request-id']);
    expect(res.body).not.toMatch(/secret|internals|layout\.ts|652801|at /);
  });
});

describe('errors of fastify and its plugins', () => {
  it.each([
    ['FST_REQ_FILE_TOO_LARGE', 413, 'BODY_TOO_LARGE'],
    ['FST_FILES_LIMIT', 413, 'BODY_TOO_LARGE'],
    ['FST_INVALID_MULTIPART_CONTENT_TYPE', 406, 'UNSUPPORTED_MEDIA_TYPE'],
    ['FST_ERR_CTP_INVALID_JSON_BODY', 400, 'MALFORMED_JSON'],
    ['FST_SOMETHING_NEW', 400, 'BAD_REQUEST'],
  ])('maps %s (%i) to our code %s', (code, statusCode, ours) => {
    const error = Object.assign(new Error('plugin message'), { code, statusCode });
    expect(toAppError(error)?.code).toBe(ours);
  });

  it('leaves anything else to become a 500', () => {
    expect(toAppError(new Error('boom'))).toBeUndefined();
    expect(toAppError(Object.assign(new Error('x'), { code: 'FST_SOMETHING', statusCode: 500 }))).toBeUndefined();
    expect(toAppError(Object.assign(new Error('x'), { code: 'ECONNRESET', statusCode: 400 }))).toBeUndefined();
  });
});
