/**
 * Batches and single documents share the render slots fairly: batches hold at
 * most BATCH_RENDER_SHARE of them and wait their turn, single documents keep a
 * lane and go first. Renders are stand-ins that take a few ms each, so the
 * test measures scheduling, not typesetting.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import type { Document } from '../../src/document/model.js';
import type { Format } from '../../src/forms/types.js';
import { createRenderService, type RenderService } from '../../src/render/pool.js';
import type { RenderedFile } from '../../src/render/index.js';
import { dossier, fakeRender, type Json, makeApp, postJson, rosterInput } from './helpers.js';

const slowFakeRender = async (doc: Document, format: Format): Promise<RenderedFile> => {
  await new Promise((resolve) => setTimeout(resolve, 10));
  return fakeRender(doc, format);
};

function batchOf(size: number): Json {
  const { unit, dossiers } = rosterInput();
  return { unit, dossiers: Array.from({ length: size }, (_, i) => dossiers[i % dossiers.length]) };
}

describe('render lanes', () => {
  const config = testConfig({ RENDER_CONCURRENCY: 2, BATCH_RENDER_SHARE: 0.5, RENDER_TIMEOUT_MS: 60_000 });
  let service: RenderService;
  beforeAll(() => {
    service = createRenderService(config, { renderDocument: slowFakeRender });
  });
  afterAll(() => service.close());

  it('answers 20 single forms with 200 while 3 batches of 100 applicants run', async () => {
    const app = await makeApp(config, { renderService: service });
    try {
      const batches = [1, 2, 3].map(() => postJson(app, '/v1/batches', batchOf(100)));
      for (const batch of batches) batch.catch(() => undefined);
      // Wait until the batches fill their lane.
      for (let i = 0; i < 600 && service.stats().batchQueued < 10; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(service.stats().batchQueued).toBeGreaterThanOrEqual(10);
      expect(service.stats().batchInFlight).toBeLessThanOrEqual(1);

      const singles = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          postJson(app, `/v1/forms/${i % 2 === 0 ? 'pledge' : 'publicity-notice'}/pdf`, dossier('ayguli-junior')),
        ),
      );
      expect(singles.map((res) => res.statusCode)).toEqual(Array(20).fill(200));
      // The batches were still going while the singles were served.
      expect(service.stats().batchQueued + service.stats().batchInFlight).toBeGreaterThan(0);
      expect(service.stats().rejected).toBe(0);

      // Closing the service ends the batches early (their remaining renders are refused).
      await service.close();
      await Promise.allSettled(batches);
    } finally {
      await app.close();
    }
  }, 120_000);

  it('lets a batch use its share while no single document waits, and never refuses a batch render', async () => {
    const own = createRenderService(
      testConfig({ RENDER_CONCURRENCY: 4, BATCH_RENDER_SHARE: 0.5, RENDER_QUEUE_SIZE: 1 }),
      {
        renderDocument: slowFakeRender,
      },
    );
    try {
      const sample = rosterInput().dossiers[0];
      const renders = Array.from({ length: 12 }, () => own.renderForm('pledge', 'pdf', sample, {}, 'batch'));
      await new Promise((resolve) => setImmediate(resolve));
      // Half of 4 slots, the rest waiting in the batch lane (not refused although RENDER_QUEUE_SIZE is 1).
      expect(own.stats().batchInFlight).toBe(2);
      expect(own.stats().batchQueued).toBe(10);
      const single = own.renderForm('pledge', 'pdf', sample, {});
      expect(own.stats().inFlight).toBe(3);
      await single;
      await Promise.all(renders);
      expect(own.stats().rejected).toBe(0);
    } finally {
      await own.close();
    }
  });
});
