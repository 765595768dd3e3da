/**
 * The service's posture on an intranet: API keys, rate limits, security
 * headers, strict input (UNKNOWN_KEY), and one error shape for errors that
 * happen before any route runs (fastify's router, Node's HTTP parser).
 */
import { writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configuredKeys } from '../../src/http/plugins/api-keys.js';
import { FORMS } from '../../src/forms/registry.js';
import { dossier, expectErrorShape, fakeRender, type Json, makeApp, postJson, rosterInput } from './helpers.js';

const KEY = 'k-3f9a0c1e7b2d4a68';
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

describe('API keys', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await makeApp({}, { apiKeys: [KEY, 'second-key'], render: { renderDocument: fakeRender } });
  });
  afterAll(() => app.close());

  it('answers 401 UNAUTHORIZED in the error shape on /v1 without a key or with a wrong one', async () => {
    for (const headers of [{}, bearer('wrong'), { authorization: KEY }, bearer(`${KEY}x`)]) {
      const res = await app.inject({ url: '/v1/forms', headers });
      expect(res.statusCode).toBe(401);
      expectErrorShape(res.json(), 401, 'UNAUTHORIZED');
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(res.headers['x-request-id']).toBeTruthy();
    }
    const render = await postJson(app, '/v1/forms/pledge/pdf', dossier('ayguli-junior'));
    expect(render.statusCode).toBe(401);
    // Unknown /v1 routes do not tell an anonymous caller what exists.
    expect((await app.inject('/v1/no-such-thing')).statusCode).toBe(401);
  });

  it('serves /v1 with any configured key', async () => {
    expect((await app.inject({ url: '/v1/forms', headers: bearer(KEY) })).statusCode).toBe(200);
    expect((await app.inject({ url: '/v1/forms', headers: bearer('second-key') })).statusCode).toBe(200);
    const render = await app.inject({
      method: 'POST',
      url: '/v1/forms/pledge/pdf',
      headers: { ...bearer(KEY), 'content-type': 'application/json' },
      payload: JSON.stringify(dossier('ayguli-junior')),
    });
    expect(render.statusCode).toBe(200);
  });

  it('leaves health, verification, the OpenAPI document and the Swagger UI open', async () => {
    expect((await app.inject('/healthz')).statusCode).toBe(200);
    expect([200, 503]).toContain((await app.inject('/readyz')).statusCode);
    const verify = await app.inject('/v1/verify/AAAA');
    expect(verify.statusCode).toBe(200);
    expect(verify.json()).toEqual({ valid: false });
    expect((await app.inject('/openapi.json')).statusCode).toBe(200);
    expect((await app.inject('/docs/')).statusCode).toBe(200);
    // Verification is open for reading only.
    expect((await app.inject({ method: 'POST', url: '/v1/verify/AAAA' })).statusCode).toBe(401);
  });

  it('puts /metrics behind a key unless METRICS_PUBLIC is set', async () => {
    expect((await app.inject('/metrics')).statusCode).toBe(401);
    expect((await app.inject({ url: '/metrics', headers: bearer(KEY) })).statusCode).toBe(200);
    const open = await makeApp({ METRICS_PUBLIC: true }, { apiKeys: [KEY] });
    try {
      expect((await open.inject('/metrics')).statusCode).toBe(200);
    } finally {
      await open.close();
    }
  });

  it('describes the bearer scheme in OpenAPI, with verify and health marked public', async () => {
    const doc = (await app.inject('/openapi.json')).json();
    expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.security).toEqual([{ apiKey: [] }]);
    expect(doc.paths['/v1/verify/{code}'].get.security).toEqual([]);
    expect(doc.paths['/healthz'].get.security).toEqual([]);
    expect(doc.paths['/v1/checks'].post.security).toBeUndefined();
  });

  it('is off without keys (the API stays open, as npm start without settings)', async () => {
    const open = await makeApp({}, { render: { renderDocument: fakeRender } });
    try {
      expect((await open.inject('/v1/forms')).statusCode).toBe(200);
    } finally {
      await open.close();
    }
  });

  it('reads API_KEYS and API_KEYS_FILE, and refuses a lock with no key in it', () => {
    const file = join(tmpdir(), `posture-keys-${process.pid}.txt`);
    writeFileSync(file, '# portal backends\nfile-key-1\n\n  file-key-2  \n');
    expect(configuredKeys({ API_KEYS: 'a, b,', API_KEYS_FILE: file })).toEqual(['a', 'b', 'file-key-1', 'file-key-2']);
    expect(configuredKeys({ API_KEYS: undefined, API_KEYS_FILE: undefined })).toEqual([]);
    expect(() => configuredKeys({ API_KEYS: ' , ', API_KEYS_FILE: undefined })).toThrow(/no key/);
    expect(() => configuredKeys({ API_KEYS: undefined, API_KEYS_FILE: `${file}.missing` })).toThrow(/API_KEYS_FILE/);
  });
});

describe('rate limits', () => {
  it('answers 429 RATE_LIMITED in the error shape with Retry-After past the limit, per key', async () => {
    const app = await makeApp({ RATE_LIMIT_MAX: 3 }, { apiKeys: [KEY, 'other-key'] });
    try {
      for (let i = 0; i < 3; i += 1) {
        expect((await app.inject({ url: '/v1/forms', headers: bearer(KEY) })).statusCode).toBe(200);
      }
      const limited = await app.inject({ url: '/v1/forms', headers: bearer(KEY) });
      expect(limited.statusCode).toBe(429);
      expectErrorShape(limited.json(), 429, 'RATE_LIMITED');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(limited.headers['x-request-id']).toBeTruthy();
      // Another key has its own budget; health probes are never limited.
      expect((await app.inject({ url: '/v1/forms', headers: bearer('other-key') })).statusCode).toBe(200);
      expect((await app.inject('/healthz')).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('limits the public verify route more strictly, per client address', async () => {
    const app = await makeApp({ VERIFY_RATE_LIMIT_MAX: 2, RATE_LIMIT_MAX: 100 });
    try {
      expect((await app.inject('/v1/verify/AAAA')).statusCode).toBe(200);
      expect((await app.inject('/v1/verify/BBBB')).statusCode).toBe(200);
      const limited = await app.inject('/v1/verify/CCCC');
      expect(limited.statusCode).toBe(429);
      expectErrorShape(limited.json(), 429, 'RATE_LIMITED');
      // Another address, and the rest of the API, are not affected.
      expect((await app.inject({ url: '/v1/verify/AAAA', remoteAddress: '10.0.0.7' })).statusCode).toBe(200);
      expect((await app.inject('/v1/forms')).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('is generous by default: a burst of 300 requests passes', async () => {
    const app = await makeApp();
    try {
      const codes = await Promise.all(Array.from({ length: 300 }, () => app.inject('/v1/forms')));
      expect(codes.filter((res) => res.statusCode !== 200)).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

describe('security headers', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await makeApp();
  });
  afterAll(() => app.close());

  it('sends a CSP of local sources only, and the usual hardening headers, on pages and API answers', async () => {
    for (const url of ['/docs/', '/v1/forms', '/healthz', '/v1/nothing']) {
      const res = await app.inject(url);
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("object-src 'self' blob:");
      expect(csp).toContain("frame-src 'self' blob:");
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https:|upgrade-insecure/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    }
  });
});

describe('strict input', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await makeApp({}, { render: { renderDocument: fakeRender } });
  });
  afterAll(() => app.close());

  it('refuses a misspelt key (workSumary) with 422 UNKNOWN_KEY at /workSumary', async () => {
    const { workSummary, ...rest } = dossier('zhang-yue-intermediate');
    const res = await postJson(app, '/v1/forms/review-form/pdf', { ...rest, workSumary: workSummary });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expectErrorShape(body, 422, 'UNKNOWN_KEY');
    expect(body.details).toEqual([expect.objectContaining({ path: '/workSumary', code: 'UNKNOWN_KEY' })]);
  });

  it('reports unknown keys at any depth alongside other problems', async () => {
    const d = dossier('ayguli-junior');
    d.applicant.education.schoool = 'x';
    d.applicant.phone = '12';
    const res = await postJson(app, '/v1/checks', d);
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expectErrorShape(body, 422, 'VALIDATION_FAILED');
    expect(body.details.map((p: { path: string; code: string }) => `${p.code} ${p.path}`)).toEqual(
      expect.arrayContaining(['UNKNOWN_KEY /applicant/education/schoool', 'PHONE_INVALID /applicant/phone']),
    );
  });

  it('refuses unknown keys in roster and batch bodies, in their units and dossiers', async () => {
    const roster = rosterInput();
    roster.unit.preparor = 'x';
    roster.dossiers[1].applicant.nickname = 'y';
    const res = await postJson(app, '/v1/forms/roster/xlsx', roster);
    expect(res.statusCode).toBe(422);
    expect(
      res
        .json()
        .details.map((p: { path: string }) => p.path)
        .sort(),
    ).toEqual(['/dossiers/1/applicant/nickname', '/unit/preparor']);
    const batch = await postJson(app, '/v1/batches', { ...rosterInput(), extra: true, unit: roster.unit });
    expect(batch.statusCode).toBe(422);
    expect(
      batch
        .json()
        .details.map((p: { path: string }) => p.path)
        .sort(),
    ).toEqual(['/extra', '/unit/preparor']);
  });

  it('refuses query options a form does not take, at /query/<name>', async () => {
    const d = dossier('zhang-yue-intermediate');
    const typo = await postJson(app, '/v1/forms/review-form/pdf?copy=1', d);
    expect(typo.statusCode).toBe(422);
    expectErrorShape(typo.json(), 422, 'UNKNOWN_KEY');
    expect(typo.json().details[0]).toMatchObject({ path: '/query/copy', code: 'UNKNOWN_KEY' });
    // The answer says it is the URL, and which options the form takes.
    expect(typo.json().message).toContain('查询参数');
    expect(typo.json().details[0].message).toContain('?copies');
    const none = await postJson(app, '/v1/forms/pledge/pdf?copies=1', d);
    expect(none.statusCode).toBe(422);
    expect(none.json().details[0]).toMatchObject({ path: '/query/copies', code: 'UNKNOWN_KEY' });
    // Not a misspelling: the pledge takes no options at all.
    expect(none.json().details[0].message).toContain('不接受查询参数');
    expect(none.json().details[0].messageEn).toContain('takes no query options');
    expect((await postJson(app, '/v1/forms/review-form/pdf?copies=1', d)).statusCode).toBe(200);
  });

  it('keeps every form sample valid under the strict schemas', async () => {
    for (const form of FORMS) {
      const sample = await app.inject(`/v1/forms/${form.id}/sample`);
      const res = await postJson(app, `/v1/forms/${form.id}/${form.formats[0]}`, sample.body);
      expect(res.statusCode, `${form.id}: ${res.body.slice(0, 300)}`).toBe(200);
    }
  });
});

describe('errors before any route runs', () => {
  let app: FastifyInstance;
  let port: number;
  beforeAll(async () => {
    app = await makeApp({ REQUEST_TIMEOUT_MS: 1500 });
    await app.listen({ host: '127.0.0.1', port: 0 });
    port = (app.server.address() as { port: number }).port;
  });
  afterAll(() => app.close());

  it('answers a URL that does not decode (/v1/verify/%ff) with 400 BAD_REQUEST, with x-request-id', async () => {
    const res = await app.inject('/v1/verify/%ff');
    expect(res.statusCode).toBe(400);
    expectErrorShape(res.json(), 400, 'BAD_REQUEST');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body).not.toContain('FST_');
  });

  /** Sends raw bytes and reads the whole answer until the server closes the socket. */
  function raw(bytes: string, opts: { end?: boolean } = {}): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(bytes);
        if (opts.end) socket.end();
      });
      let out = '';
      socket.setEncoding('latin1');
      socket.on('data', (chunk: string) => {
        out += chunk;
      });
      socket.on('close', () => resolve(out));
      socket.on('error', reject);
    });
  }

  function parseRaw(answer: string): { status: number; headers: string; body: Record<string, unknown> } {
    const [head = '', body = ''] = answer.split('\r\n\r\n');
    return { status: Number(head.split(' ')[1]), headers: head.toLowerCase(), body: JSON.parse(body) };
  }

  it('answers a bad Content-Length with 400 BAD_REQUEST in the error shape', async () => {
    const answer = parseRaw(
      await raw(
        'POST /v1/checks HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\nContent-Type: application/json\r\n\r\n{}',
      ),
    );
    expect(answer.status).toBe(400);
    expectErrorShape(answer.body, 400, 'BAD_REQUEST');
    expect(answer.headers).toMatch(/x-request-id: [0-9a-f-]{36}/);
  });

  it('answers headers that are too large with 431 HEADERS_TOO_LARGE', async () => {
    const answer = parseRaw(await raw(`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(40_000)}\r\n\r\n`));
    expect(answer.status).toBe(431);
    expectErrorShape(answer.body, 431, 'HEADERS_TOO_LARGE');
    expect(answer.headers).toContain('x-request-id: ');
  });

  it('answers a request not received in time with 408 REQUEST_TIMEOUT', async () => {
    const answer = parseRaw(
      await raw(
        'POST /v1/checks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{',
      ),
    );
    expect(answer.status).toBe(408);
    expectErrorShape(answer.body, 408, 'REQUEST_TIMEOUT');
    expect(answer.headers).toContain('x-request-id: ');
  }, 20_000);

  it('answers unknown routes (404) and wrong methods (405) in the error shape over the network too', async () => {
    const base = `http://127.0.0.1:${port}`;
    const missing = await fetch(`${base}/nowhere`);
    expect(missing.status).toBe(404);
    expectErrorShape((await missing.json()) as Json, 404, 'NOT_FOUND');
    expect(missing.headers.get('x-request-id')).toBeTruthy();
    const method = await fetch(`${base}/v1/checks`, { method: 'PUT' });
    expect(method.status).toBe(405);
    expectErrorShape((await method.json()) as Json, 405, 'METHOD_NOT_ALLOWED');
    expect(method.headers.get('x-request-id')).toBeTruthy();
  });
});
