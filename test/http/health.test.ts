import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFontServices } from '../../src/http/fonts.js';
import { noteForm } from './fixtures/test-forms.js';
import { expectErrorShape, fakeRender, makeApp, postJson } from './helpers.js';

describe('operations routes', () => {
  const fonts = createFontServices();
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await makeApp({}, { forms: [noteForm], fonts, render: { renderDocument: fakeRender } });
  });
  afterAll(() => app.close());

  it('GET /healthz answers while the process runs', async () => {
    const res = await app.inject('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz is 503 NOT_READY until the fonts are loaded, then 200', async () => {
    const before = await app.inject('/readyz');
    expect(before.statusCode).toBe(503);
    expectErrorShape(before.json(), 503, 'NOT_READY');
    expect(before.json().message).toContain('fonts not loaded');
    await fonts.preload();
    const after = await app.inject('/readyz');
    expect(after.statusCode).toBe(200);
    expect(after.json()).toEqual({ status: 'ready' });
  }, 30_000);

  it('GET /metrics counts requests by route pattern and status and times renders', async () => {
    await postJson(app, '/v1/forms/test-note/docx', { text: '你好' });
    await postJson(app, '/v1/forms/test-note/docx', { text: '' });
    const res = await app.inject('/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = res.body;
    expect(text).toContain('# TYPE http_requests_total counter');
    expect(text).toMatch(
      /^http_requests_total\{method="POST",route="\/v1\/forms\/:formId\/:format",status="200"\} 1$/m,
    );
    expect(text).toMatch(
      /^http_requests_total\{method="POST",route="\/v1\/forms\/:formId\/:format",status="422"\} 1$/m,
    );
    expect(text).toMatch(/^render_duration_seconds_count\{form="test-note",format="docx"\} 1$/m);
    expect(text).toMatch(/^render_duration_seconds_bucket\{form="test-note",format="docx",le="\+Inf"\} 1$/m);
    expect(text).toMatch(/^render_queue_depth 0$/m);
    expect(text).toMatch(/^render_in_flight 0$/m);
    expect(text).not.toContain('你好');
  });
});

describe('routes of other modules registered by buildApp', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await makeApp({}, { render: { renderDocument: fakeRender } });
  });
  afterAll(() => app.close());

  it('serves the roster import template', async () => {
    const res = await app.inject('/v1/roster-imports/template.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
  }, 30_000);

  it('answers a verification code that is not ours with { valid: false }', async () => {
    const res = await app.inject('/v1/verify/not-a-code');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ valid: false });
  });
});
