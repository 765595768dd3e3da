import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMS } from '../../src/forms/registry.js';
import { expectErrorShape, fakeRender, makeApp, type Json } from './helpers.js';

describe('form listing routes (generated from the registry)', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await makeApp({}, { render: { renderDocument: fakeRender } });
  });
  afterAll(() => app.close());

  it('GET /v1/forms lists every registered form with its metadata', async () => {
    const res = await app.inject('/v1/forms');
    expect(res.statusCode).toBe(200);
    const list = res.json() as Json[];
    expect(list.map((form) => form.id)).toEqual(FORMS.map((form) => form.id));
    for (const form of FORMS) {
      expect(list.find((entry) => entry.id === form.id)).toEqual({
        id: form.id,
        title: form.title,
        titleEn: form.titleEn,
        attachment: form.attachment,
        formats: [...form.formats],
        description: form.description,
      });
    }
  });

  it.each(FORMS.map((form) => [form.id]))('GET /v1/forms/%s gives its input JSON Schema and options', async (id) => {
    const form = FORMS.find((candidate) => candidate.id === id)!;
    const res = await app.inject(`/v1/forms/${id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as Json;
    expect(body.id).toBe(id);
    expect(body.formats).toEqual([...form.formats]);
    expect(body.inputSchema.type).toBe('object');
    expect(Object.keys(body.inputSchema.properties).length).toBeGreaterThan(0);
    expect(body.inputSchema.$schema).toBeUndefined();
    if (form.options === undefined) expect(body.options).toBeNull();
    else expect(body.options.type).toBe('object');
  });

  it.each(FORMS.map((form) => [form.id]))('GET /v1/forms/%s/sample is an input the form accepts', async (id) => {
    const form = FORMS.find((candidate) => candidate.id === id)!;
    const res = await app.inject(`/v1/forms/${id}/sample`);
    expect(res.statusCode).toBe(200);
    expect(form.input.safeParse(res.json()).success).toBe(true);
  });

  it('answers an unknown form with 404 FORM_NOT_FOUND on every form route', async () => {
    for (const url of ['/v1/forms/no-such-form', '/v1/forms/no-such-form/sample']) {
      const res = await app.inject(url);
      expect(res.statusCode).toBe(404);
      expectErrorShape(res.json(), 404, 'FORM_NOT_FOUND');
    }
  });
});
