/**
 * Every form that offers PDF renders for every fixture: pdftotext -raw (content
 * stream order, so a cell's wrapped lines read as one piece) finds all of the
 * model's text, the one-page forms stay on one page, and a 500-row roster
 * renders (time printed, not asserted).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rosterForm } from '../../src/forms/roster/index.js';
import { render } from '../../src/render/index.js';
import { bigRoster } from './roster.test.js';
import { buildCase, renderCases, textsMissingFrom } from './render-inputs.js';
import { CTX } from './model-walk.js';

const run = promisify(execFile);
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'forms-pdf-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function pdfText(bytes: Uint8Array, name: string): Promise<{ text: string; pages: number }> {
  const file = join(dir, `${name}.pdf`);
  await writeFile(file, bytes);
  const { stdout: text } = await run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
  const { stdout: info } = await run('pdfinfo', [file]);
  return { text, pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0) };
}

/** The forms the notice has on one sheet. */
const ONE_PAGE = new Set(['publicity-notice', 'publicity-result', 'pledge', 'ce-exemption', 'materials-catalogue', 'political-appraisal', 'work-experience-certificate', 'roster']);

describe('forms as PDF', () => {
  for (const { form, name, input } of renderCases('pdf')) {
    it(`${form.id} (${name}) renders with all its text`, async () => {
      const doc = buildCase(form, input);
      const file = await render(doc, 'pdf');
      expect(file.contentType).toBe('application/pdf');
      const { text, pages } = await pdfText(file.bytes, `${form.id}-${name}`);
      expect(textsMissingFrom(doc, text)).toEqual([]);
      if (ONE_PAGE.has(form.id)) expect(pages).toBe(1);
    }, 30_000);
  }

  it('renders a 500-row roster across pages with every ID number', async () => {
    const input = bigRoster(500);
    const started = performance.now();
    const file = await render(rosterForm.build(input, CTX), 'pdf');
    console.log(`roster 500 rows → PDF: ${(performance.now() - started).toFixed(0)} ms, ${file.bytes.length} bytes`);
    const { text, pages } = await pdfText(file.bytes, 'roster-500');
    expect(pages).toBeGreaterThan(10);
    const compact = text.replace(/\s+/g, '');
    for (const d of input.dossiers.slice(0, 3)) expect(compact).toContain(d.applicant.idNumber);
    // The header row repeats on every page.
    expect(text.split('身份证号').length - 1).toBe(pages);
  }, 120_000);
});
