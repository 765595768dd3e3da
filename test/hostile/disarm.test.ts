/**
 * An A4 PDF full of active content (page-open JavaScript, a full-page Launch
 * link, URI and widget actions, an attachment, XFA, a resource smuggling the
 * page itself) merged into a packet: the page still shows, nothing that acts
 * is left, and the packet passes qpdf --check.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { testConfig } from '../../src/config.js';
import { multipart } from '../helpers/multipart.js';
import { inkInBox, rasterise } from '../helpers/pdf-tools.js';
import { activeContentPdf } from './corpus.js';

const dossier = readFileSync(new URL('../fixtures/dossiers/zhang-yue-intermediate.json', import.meta.url), 'utf8');

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildApp(testConfig());
});
afterAll(async () => app.close());

function qpdf(pdf: Uint8Array): { check: string; qdf: string } {
  const dir = mkdtempSync(join(tmpdir(), 'zd-disarm-'));
  writeFileSync(join(dir, 'in.pdf'), pdf);
  const check = execFileSync('qpdf', ['--check', join(dir, 'in.pdf')], { encoding: 'utf8' });
  execFileSync('qpdf', ['--qdf', '--object-streams=disable', join(dir, 'in.pdf'), join(dir, 'qdf.pdf')]);
  return { check, qdf: readFileSync(join(dir, 'qdf.pdf'), 'latin1') };
}

describe('a PDF scan with active content', { timeout: 60_000 }, () => {
  it('is itself what the test says: qpdf sees every kind of active content in it', () => {
    const { qdf } = qpdf(activeContentPdf());
    for (const marker of ['/JavaScript', '/Launch', '/URI', '/EmbeddedFile', '/OpenAction', '/AA', '/XFA']) {
      expect(qdf).toContain(marker);
    }
  });

  it('reaches the packet as its appearance only', async () => {
    const { payload, headers } = multipart([
      { name: 'dossier', value: dossier },
      { name: 'item13', value: activeContentPdf(), fileName: 'active.pdf', contentType: 'application/pdf' },
    ]);
    const response = await app.inject({ method: 'POST', url: '/v1/packets/pdf', payload, headers });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    const packet = response.rawPayload;
    const { check, qdf } = qpdf(packet);
    expect(check).toContain('No syntax or stream encoding errors found');
    for (const marker of ['/JavaScript', '/Launch', '/URI', '/EmbeddedFile', '/OpenAction', '/AA', '/XFA', '/Widget']) {
      expect(qdf, marker).not.toContain(marker);
    }
    // pdf-lib gives every copied page an empty /Annots array; none holds an annotation.
    expect(qdf.replace(/\/Annots \[\s*\]/g, '')).not.toContain('/Annots');
    expect(qdf).not.toContain('cmd.exe');
    expect(qdf).not.toContain('evil.example');
    // The scan's page (one of the last two: the packet pads to an even count) still shows its black bar.
    const pdf = await PDFDocument.load(packet);
    const count = pdf.getPageCount();
    const pages = await rasterise(packet, { dpi: 36, first: count - 1, last: count });
    const bar = { x: 60, y: 710, width: 475, height: 80 };
    const scanPage = pages.find((page) => inkInBox(page, bar) > 0);
    expect(scanPage).toBeDefined();
    const barPixels = (bar.width / 72) * 36 * (bar.height / 72) * 36;
    // The packet fits each scan page inside its label border, so the bar is a little smaller there.
    expect(inkInBox(scanPage!, bar)).toBeGreaterThan(barPixels * 0.6);
    expect(inkInBox(scanPage!, { x: 60, y: 100, width: 475, height: 500 })).toBe(0);
  });
});
