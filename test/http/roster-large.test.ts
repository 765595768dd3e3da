/**
 * POST /v1/forms/roster/:format takes as many applicants as a batch: its body
 * limit is the batch's (UPLOAD_LIMIT), not the 1 MiB of single documents.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfInfo } from '../helpers/pdf-tools.js';
import { dossier, makeApp, postJson, rosterInput } from './helpers.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = await makeApp({ RENDER_TIMEOUT_MS: 600_000 });
});
afterAll(() => app.close());

/** 500 full dossiers of the fixtures: over the 1 MiB limit of a single document. */
function bigRoster() {
  const base = rosterInput();
  const fixtures = [dossier('zhang-yue-intermediate'), dossier('ayguli-junior'), dossier('bater-initial')];
  return { unit: base.unit, dossiers: Array.from({ length: 500 }, (_, i) => fixtures[i % 3]) };
}

describe('a 500-applicant roster over JSON', () => {
  const body = bigRoster();
  const size = Buffer.byteLength(JSON.stringify(body));

  it('is larger than a single document may be, and refused there', async () => {
    expect(size).toBeGreaterThan(1024 * 1024);
    const res = await postJson(app, '/v1/forms/pledge/pdf', { ...body.dossiers[0], padding: 'x'.repeat(size) });
    expect(res.statusCode).toBe(413);
  });

  it.each([['xlsx'], ['pdf'], ['docx']] as const)('renders as %s (200)', { timeout: 600_000 }, async (format) => {
    const res = await postJson(app, `/v1/forms/roster/${format}`, body);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.rawPayload.length).toBeGreaterThan(10_000);
    if (format === 'pdf') expect((await pdfInfo(res.rawPayload)).pages).toBeGreaterThan(10);
  });
});
