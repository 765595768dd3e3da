import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMS } from '../../src/forms/registry.js';
import { CONTENT_TYPES } from '../../src/render/index.js';
import { fakeRender, makeApp, type Json } from './helpers.js';

describe('GET /openapi.json and /docs', () => {
  let app: FastifyInstance;
  let doc: Json;
  beforeAll(async () => {
    app = await makeApp({}, { render: { renderDocument: fakeRender } });
    const res = await app.inject('/openapi.json');
    expect(res.statusCode).toBe(200);
    doc = res.json();
  });
  afterAll(() => app.close());

  it('is OpenAPI 3.1', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.title).toBe('zhicheng-docs');
  });

  it('has the dossier schema as a component, generated from zod', () => {
    const dossier = doc.components.schemas.Dossier;
    expect(dossier.type).toBe('object');
    expect(Object.keys(dossier.properties)).toEqual(
      expect.arrayContaining(['applicant', 'application', 'workHistory', 'publicity', 'signedOn']),
    );
    expect(dossier.properties.applicant.properties.gender.enum).toEqual(['男', '女']);
    expect(dossier.$schema).toBeUndefined();
  });

  it('has the error schema', () => {
    const error = doc.components.schemas.Error;
    expect(Object.keys(error.properties)).toEqual(
      expect.arrayContaining(['statusCode', 'code', 'error', 'message', 'details']),
    );
  });

  it.each(FORMS.map((form) => [form.id]))('describes the render route of %s', (id) => {
    const form = FORMS.find((candidate) => candidate.id === id)!;
    const operation = doc.paths[`/v1/forms/${id}/{format}`]?.post;
    expect(operation).toBeDefined();
    const format = (operation.parameters as Json[]).find((parameter) => parameter.name === 'format');
    expect(format?.schema.enum).toEqual([...form.formats]);
    const body = operation.requestBody.content['application/json'].schema;
    expect(body.$ref).toMatch(/^#\/components\/schemas\/\w+$/);
    expect(doc.components.schemas[body.$ref.split('/').pop()]).toBeDefined();
    expect(Object.keys(operation.responses[200].content).sort()).toEqual(
      form.formats.map((f) => CONTENT_TYPES[f]).sort(),
    );
    for (const status of ['400', '404', '406', '413', '415', '422', '429', '500', '503']) {
      expect(operation.responses[status].content['application/json'].schema.$ref).toBe('#/components/schemas/Error');
    }
    if (form.options !== undefined) {
      expect((operation.parameters as Json[]).some((parameter) => parameter.in === 'query')).toBe(true);
    }
  });

  it("gives the review form's copies as the values it takes (1 or 2, default 2)", () => {
    const parameters = doc.paths['/v1/forms/review-form/{format}'].post.parameters as Json[];
    const copies = parameters.find((parameter) => parameter.name === 'copies');
    expect(copies).toMatchObject({ in: 'query', required: false, schema: { enum: [1, 2], default: 2 } });
  });

  it('uses the shared Dossier component for forms that take a dossier, and $refs it from the roster', () => {
    const pledge = doc.paths['/v1/forms/pledge/{format}'].post;
    expect(pledge.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/Dossier');
    if (doc.paths['/v1/forms/roster/{format}']) {
      expect(JSON.stringify(doc.components.schemas.RosterInput)).toContain('#/components/schemas/Dossier');
    }
  });

  it('lists the listing, checks, verify and operations routes', () => {
    for (const path of [
      '/v1/forms',
      '/v1/forms/{formId}',
      '/v1/forms/{formId}/sample',
      '/v1/checks',
      '/v1/verify/{code}',
      '/v1/roster-imports',
      '/v1/packets/pdf',
      '/v1/packets/zip',
      '/v1/batches',
      '/v1/roster-imports/template.xlsx',
      '/healthz',
      '/readyz',
      '/metrics',
      '/openapi.json',
      '/docs',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(doc.paths['/v1/checks'].post.requestBody.content['application/json'].schema.$ref).toBe(
      '#/components/schemas/Dossier',
    );
  });

  it('resolves every $ref inside the document', () => {
    const refs: string[] = [];
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value !== null && typeof value === 'object') {
        for (const [key, child] of Object.entries(value)) {
          if (key === '$ref' && typeof child === 'string') refs.push(child);
          else walk(child);
        }
      }
    };
    walk(doc);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      expect(ref, ref).toMatch(/^#\/components\/schemas\/[^/]+$/);
      expect(doc.components.schemas[ref.split('/').pop()!], ref).toBeDefined();
    }
  });

  it('gives every operation a unique operationId or none', () => {
    const ids = Object.values(doc.paths as Record<string, Json>).flatMap((item) =>
      Object.values(item)
        .map((operation: Json) => operation.operationId)
        .filter(Boolean),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('does not list the generic render pattern or the UI assets', () => {
    expect(doc.paths['/v1/forms/{formId}/{format}']).toBeUndefined();
    expect(Object.keys(doc.paths).some((path) => path.startsWith('/docs/'))).toBe(false);
  });

  it('serves Swagger UI as HTML from local assets', async () => {
    const res = await app.inject('/docs');
    const page = res.statusCode === 302 ? await app.inject(String(res.headers.location)) : res;
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('swagger-ui');
    expect(page.body).not.toMatch(/https?:\/\/(cdn|unpkg|cdnjs)/);
    const bundle = await app.inject('/docs/static/swagger-ui-bundle.js');
    expect(bundle.statusCode).toBe(200);
  });
});
