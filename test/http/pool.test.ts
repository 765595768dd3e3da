import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { AppError } from '../../src/errors.js';
import { createRenderService, type RenderService } from '../../src/render/pool.js';
import { dossier, expectErrorShape, makeApp, postJson } from './helpers.js';

const formsModule = new URL('./fixtures/test-forms.ts', import.meta.url).href;

async function untilReady(service: RenderService): Promise<void> {
  for (let i = 0; i < 600 && !service.ready(); i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('render worker pool (RENDER_WORKERS=1)', () => {
  let service: RenderService;
  beforeAll(async () => {
    service = createRenderService(testConfig({ RENDER_WORKERS: 1, RENDER_CONCURRENCY: 1 }), { formsModule });
    await untilReady(service);
  }, 40_000);
  afterAll(() => service.close());

  it('starts a TypeScript worker thread and becomes ready', () => {
    expect(service.ready()).toBe(true);
    expect(service.stats().workers).toBe(1);
  });

  it('renders a DOCX in the worker and hands back the bytes', async () => {
    const file = await service.renderForm('test-note', 'docx', { text: '线程里生成的便笺' }, { copies: 1 });
    expect(file.extension).toBe('docx');
    expect(file.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(file.bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(file.bytes.subarray(0, 2)).toString('latin1')).toBe('PK');
    expect(service.stats().completed).toBe(1);
  }, 30_000);

  it('maps an AppError raised in the worker back to an AppError by code', async () => {
    const error = await service.renderForm('no-such-form', 'docx', {}, {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('FORM_NOT_FOUND');
  });

  it('passes an unexpected worker error on as a plain error (a 500 at the HTTP layer)', async () => {
    const error = await service.renderForm('test-broken', 'docx', { text: 'x' }, {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(AppError);
  });
});

describe('the app rendering through the pool', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    const { noteForm, brokenForm } = await import('./fixtures/test-forms.js');
    app = await makeApp({ RENDER_WORKERS: 1 }, { forms: [noteForm, brokenForm], render: { formsModule } });
  }, 40_000);
  afterAll(() => app.close());

  it('serves a file rendered in a worker thread, and keeps answering /healthz meanwhile', async () => {
    const pending = postJson(app, '/v1/forms/test-note/docx', { text: '你好' });
    const health = await app.inject('/healthz');
    expect(health.statusCode).toBe(200);
    const res = await pending;
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    const broken = await postJson(app, '/v1/forms/test-broken/docx', { text: 'x' });
    expect(broken.statusCode).toBe(500);
    expectErrorShape(broken.json(), 500, 'INTERNAL_ERROR');
  }, 30_000);
});

describe('verification codes printed by a worker verify in the main thread', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await makeApp({ RENDER_WORKERS: 1, VERIFY_SECRET: undefined });
  }, 40_000);
  afterAll(() => app.close());

  it('the QR on a review form rendered in a worker leads to { valid: true }', async () => {
    const zhang = dossier('zhang-yue-intermediate');
    const res = await postJson(app, '/v1/forms/review-form/pdf?copies=1', zhang);
    expect(res.statusCode).toBe(200);
    const dir = mkdtempSync(join(tmpdir(), 'http-verify-'));
    writeFileSync(join(dir, 'form.pdf'), res.rawPayload);
    execFileSync('pdftoppm', ['-r', '200', '-f', '1', '-l', '1', '-png', join(dir, 'form.pdf'), join(dir, 'page')]);
    const page = readdirSync(dir).find((file) => file.endsWith('.png'))!;
    const scanned = execFileSync('zbarimg', ['--quiet', '--raw', join(dir, page)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    const path = scanned.slice(scanned.indexOf('/v1/verify/'));
    expect(path).toMatch(/^\/v1\/verify\/\S+$/);
    const verified = await app.inject(path);
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toMatchObject({ valid: true, form: 'review-form' });
  }, 60_000);
});
