import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type { Document } from '../../src/document/model.js';
import type { Format } from '../../src/forms/types.js';
import type { RenderedFile } from '../../src/render/index.js';
import { noteForm } from './fixtures/test-forms.js';
import { expectErrorShape, fakeRender, makeApp, postJson } from './helpers.js';

/** A renderer that finishes only when the test says so. */
function gatedRender() {
  const gates: Array<() => void> = [];
  const renderDocument = (doc: Document, format: Format): Promise<RenderedFile> =>
    new Promise((resolve) => gates.push(() => void fakeRender(doc, format).then(resolve)));
  return {
    renderDocument,
    started: () => gates.length,
    openAll: () => {
      for (const open of gates.splice(0)) open();
    },
  };
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
  if (!condition()) throw new Error('condition not reached');
}

async function untilAsync(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('condition not reached');
}

describe('render limits', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('answers 429 TOO_MANY_REQUESTS with Retry-After at once when the queue is full', async () => {
    const gate = gatedRender();
    app = await makeApp(
      { RENDER_CONCURRENCY: 1, RENDER_QUEUE_SIZE: 0 },
      { forms: [noteForm], render: { renderDocument: gate.renderDocument } },
    );
    const first = postJson(app, '/v1/forms/test-note/docx', { text: '第一份' });
    await until(() => gate.started() === 1);
    const second = await postJson(app, '/v1/forms/test-note/docx', { text: '第二份' });
    expect(second.statusCode).toBe(429);
    expectErrorShape(second.json(), 429, 'TOO_MANY_REQUESTS');
    expect(Number(second.headers['retry-after'])).toBeGreaterThan(0);

    const metrics = await app.inject('/metrics');
    expect(metrics.body).toMatch(/^render_in_flight 1$/m);
    expect(metrics.body).toMatch(/^render_rejected_total 1$/m);

    gate.openAll();
    expect((await first).statusCode).toBe(200);
  });

  it('queues up to RENDER_QUEUE_SIZE and serves them in turn', async () => {
    const gate = gatedRender();
    app = await makeApp(
      { RENDER_CONCURRENCY: 1, RENDER_QUEUE_SIZE: 1 },
      { forms: [noteForm], render: { renderDocument: gate.renderDocument } },
    );
    const first = postJson(app, '/v1/forms/test-note/docx', { text: '一' });
    await until(() => gate.started() === 1);
    const second = postJson(app, '/v1/forms/test-note/docx', { text: '二' });
    await untilAsync(async () => /^render_queue_depth 1$/m.test((await app!.inject('/metrics')).body));
    const third = await postJson(app, '/v1/forms/test-note/docx', { text: '三' });
    expect(third.statusCode).toBe(429);
    gate.openAll();
    await until(() => gate.started() === 1);
    gate.openAll();
    expect((await first).statusCode).toBe(200);
    expect((await second).statusCode).toBe(200);
  });

  it('answers 503 RENDER_TIMEOUT when a render takes longer than RENDER_TIMEOUT_MS', async () => {
    const gate = gatedRender();
    app = await makeApp(
      { RENDER_TIMEOUT_MS: 50 },
      { forms: [noteForm], render: { renderDocument: gate.renderDocument } },
    );
    const res = await postJson(app, '/v1/forms/test-note/docx', { text: '慢' });
    expect(res.statusCode).toBe(503);
    const body = res.json();
    expectErrorShape(body, 503, 'RENDER_TIMEOUT');
    expect(body.requestId).toBe(res.headers['x-request-id']);
    gate.openAll();
  });
});

describe('server limits from config', () => {
  it('sets the body limit and request timeout of the server', async () => {
    const app = await makeApp(
      { BODY_LIMIT: 4096, REQUEST_TIMEOUT_MS: 1234 },
      { forms: [noteForm], render: { renderDocument: fakeRender } },
    );
    try {
      expect(app.initialConfig.bodyLimit).toBe(4096);
      expect(app.server.requestTimeout).toBe(1234);
      expect(app.server.headersTimeout).toBe(1234);
      // The idle-socket timeout comes after the request deadline, so a slow request is answered 408 first.
      expect(app.initialConfig.connectionTimeout).toBeGreaterThan(1234);
      const res = await postJson(app, '/v1/forms/test-note/docx', { text: '长'.repeat(2000) });
      expect(res.statusCode).toBe(413);
      expectErrorShape(res.json(), 413, 'BODY_TOO_LARGE');
    } finally {
      await app.close();
    }
  });
});
