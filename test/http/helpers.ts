/** Shared setup of the HTTP tests: an app on test settings, fixture dossiers, fake renderers. */
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../../src/app.js';
import { testConfig, type Config } from '../../src/config.js';
import type { Document } from '../../src/document/model.js';
import type { Format } from '../../src/forms/types.js';
import { CONTENT_TYPES, type RenderedFile } from '../../src/render/index.js';

// biome-ignore lint/suspicious/noExplicitAny: raw JSON that the test reads and edits freely
export type Json = Record<string, any>;

export function dossier(name: 'ayguli-junior' | 'bater-initial' | 'zhang-yue-intermediate'): Json {
  return JSON.parse(readFileSync(new URL(`../fixtures/dossiers/${name}.json`, import.meta.url), 'utf8')) as Json;
}

export function rosterInput(): Json {
  const roster = JSON.parse(readFileSync(new URL('../fixtures/roster-unit.json', import.meta.url), 'utf8')) as Json;
  const dossiers = (roster.dossierFiles as string[]).map((file) =>
    JSON.parse(readFileSync(new URL(`../fixtures/${file}`, import.meta.url), 'utf8')),
  );
  return { unit: roster.unit, dossiers };
}

/** Stands in for the real renderers where a test is about HTTP, not typesetting: the model as JSON bytes. */
export async function fakeRender(doc: Document, format: Format): Promise<RenderedFile> {
  return {
    bytes: new TextEncoder().encode(JSON.stringify(doc)),
    contentType: CONTENT_TYPES[format],
    extension: format,
  };
}

export async function makeApp(config: Partial<Config> = {}, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = await buildApp(testConfig(config), options);
  await app.ready();
  return app;
}

export function postJson(app: FastifyInstance, url: string, body: unknown) {
  return app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/json' },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** The error shape every error response has (docs/api.md). */
export function expectErrorShape(body: Json, statusCode: number, code: string): void {
  if (body.statusCode !== statusCode || body.code !== code) {
    throw new Error(`expected ${statusCode} ${code}, got ${JSON.stringify(body)}`);
  }
  for (const key of ['statusCode', 'code', 'error', 'message', 'details']) {
    if (!(key in body)) throw new Error(`error body lacks ${key}: ${JSON.stringify(body)}`);
  }
  if (!/ \/ /.test(body.message)) throw new Error(`message is not "中文 / English": ${body.message}`);
  if (typeof body.stack !== 'undefined') throw new Error('error body carries a stack');
}
