/**
 * Through the whole app: a review form rendered by POST /v1/forms/review-form
 * carries a code that GET /v1/verify/:code accepts, with the same secret on
 * both sides; a bad photo and a bad copies value are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { dossier, expectErrorShape, fakeRender, makeApp, postJson } from '../http/helpers.js';

describe('review form → verify, through the app', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await makeApp({ VERIFY_SECRET: 'end-to-end secret' }, { render: { renderDocument: fakeRender } });
  });
  afterAll(() => app.close());

  it('issues a code on the form that the verify route accepts', async () => {
    const res = await postJson(app, '/v1/forms/review-form/pdf?copies=1', dossier('zhang-yue-intermediate'));
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.copies).toBe(1);
    const qrText: string = doc.pageMark.qrText;
    expect(qrText).toMatch(/^\/v1\/verify\//);
    const check = await app.inject({ method: 'GET', url: qrText });
    expect(check.statusCode).toBe(200);
    const body = check.json();
    expect(body).toMatchObject({ valid: true, form: 'review-form', serial: doc.watermark.subtext });
    expect(body.name).not.toBe('张玥');
    expect(Date.parse(body.issuedAt)).not.toBeNaN();
  });

  it('defaults to two copies', async () => {
    const res = await postJson(app, '/v1/forms/review-form/pdf', dossier('bater-initial'));
    expect(res.statusCode).toBe(200);
    expect(res.json().copies).toBe(2);
  });

  it('does not accept a code signed with another secret', async () => {
    const other = await makeApp({ VERIFY_SECRET: 'another secret' }, { render: { renderDocument: fakeRender } });
    try {
      const res = await postJson(other, '/v1/forms/review-form/pdf', dossier('ayguli-junior'));
      const check = await app.inject({ method: 'GET', url: res.json().pageMark.qrText });
      expect(check.json()).toEqual({ valid: false });
    } finally {
      await other.close();
    }
  });

  it('refuses a photo that is not a JPEG or PNG with a 422 at /applicant/photo', async () => {
    const body = dossier('zhang-yue-intermediate');
    body.applicant.photo = Buffer.from('GIF89a not really').toString('base64');
    const res = await postJson(app, '/v1/forms/review-form/pdf', body);
    expect(res.statusCode).toBe(422);
    expectErrorShape(res.json(), 422, 'VALIDATION_FAILED');
    expect(res.json().details).toEqual([expect.objectContaining({ path: '/applicant/photo', code: 'PHOTO_INVALID' })]);
  });

  it('refuses copies other than 1 or 2 as a client error', async () => {
    const res = await postJson(app, '/v1/forms/review-form/pdf?copies=3', dossier('zhang-yue-intermediate'));
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
  });

  it('documents GET /v1/verify/{code} in OpenAPI with its response, and hides the catch-all', async () => {
    const res = await app.inject({ method: 'GET', url: '/openapi.json' });
    expect(res.statusCode).toBe(200);
    // biome-ignore lint/suspicious/noExplicitAny: raw JSON that the test reads and edits freely
    const paths = res.json().paths as Record<string, any>;
    const route = paths['/v1/verify/{code}']?.get;
    expect(route).toBeDefined();
    const schema = JSON.stringify(route.responses['200']);
    for (const key of ['valid', 'serial', 'form', 'name', 'issuedAt']) expect(schema).toContain(key);
    expect(Object.keys(paths).filter((path) => path.startsWith('/v1/verify/') && path.includes('*'))).toEqual([]);
  });
});
