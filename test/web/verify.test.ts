/**
 * Verification in a real browser: the QR link of a printed review form opens a
 * readable answer whose 验证码 matches the one printed beside the QR. Also the
 * API key question: asked once on the first 401, then sent as a Bearer token.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compact, pdfText } from '../helpers/pdf-tools.js';
import { openBench, type Bench } from './browser.js';

const FIXTURE = readFileSync(new URL('../fixtures/dossiers/zhang-yue-intermediate.json', import.meta.url), 'utf8');
const KEY = 'test-key-0123456789';

let bench: Bench;
let keyRequests = 0;
beforeAll(async () => {
  // Stands in for the service's API-key setting: every /v1 route but verify needs the key.
  bench = await openBench({}, (app) => {
    app.addHook('onRequest', async (request, reply) => {
      if (!request.url.startsWith('/v1/') || request.url.startsWith('/v1/verify/')) return;
      if (request.headers.authorization === `Bearer ${KEY}`) {
        keyRequests += 1;
        return;
      }
      return reply
        .code(401)
        .send({ statusCode: 401, code: 'UNAUTHORIZED', message: '需要 API 密钥 / API key required', details: [] });
    });
  });
}, 120_000);
afterAll(async () => bench?.close(), 60_000);

/** The review form's first page QR content and the short code printed beside it. */
async function printedReviewForm(): Promise<{ path: string; shortCode: string }> {
  const response = await fetch(`${bench.baseUrl}/v1/forms/review-form/pdf?copies=1`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
    body: FIXTURE,
  });
  expect(response.status).toBe(200);
  const pdf = new Uint8Array(await response.arrayBuffer());
  const dir = mkdtempSync(join(tmpdir(), 'zc-verify-'));
  try {
    writeFileSync(join(dir, 'form.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', '200', '-f', '1', '-l', '1', '-png', join(dir, 'form.pdf'), join(dir, 'page')]);
    const image = readdirSync(dir).find((name) => name.endsWith('.png'))!;
    const scanned = execFileSync('zbarimg', ['--quiet', '--raw', join(dir, image)], { encoding: 'utf8' }).trim();
    const text = compact(await pdfText(pdf, { first: 1, last: 1 }));
    const shortCode = /[A-Z2-7]{4}-[A-Z2-7]{4}/.exec(text)?.[0];
    expect(shortCode).toBeDefined();
    return { path: scanned.slice(scanned.indexOf('/v1/verify/')), shortCode: shortCode! };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('staff page: verify and API keys', () => {
  it('opens the QR link of a printed review form as a readable answer with the printed code', async () => {
    const { page, baseUrl } = bench;
    const printed = await printedReviewForm();
    expect(printed.path).toMatch(/^\/v1\/verify\/\S+$/);
    // API clients still get JSON from the same link.
    const json = await fetch(`${baseUrl}${printed.path}`);
    expect(json.headers.get('content-type')).toContain('application/json');
    expect(await json.json()).toMatchObject({ valid: true, shortCode: printed.shortCode });

    await page.goto(`${baseUrl}${printed.path}`);
    await page.getByText('核验通过').waitFor();
    expect(await page.locator('#verify-short-code').textContent()).toBe(printed.shortCode);

    // A typed code that was altered is refused, readably.
    const code = decodeURIComponent(printed.path.slice('/v1/verify/'.length));
    const altered = `${code.slice(0, -2)}${code.endsWith('AA') ? 'BB' : 'AA'}`;
    await page.goto(`${baseUrl}/#/verify`);
    await page.getByLabel('二维码中的验证内容').fill(altered);
    await page.getByRole('button', { name: '核验', exact: true }).click();
    await page.getByText('核验未通过').waitFor();
  }, 180_000);

  it('asks for the API key once on a 401 and sends it from then on', async () => {
    const { page, baseUrl } = bench;
    await page.goto(`${baseUrl}/#/documents`);
    const dialog = page.getByRole('dialog', { name: '请输入 API 密钥' });
    await dialog.waitFor();
    await dialog.getByLabel('API 密钥').fill(KEY);
    await dialog.getByRole('button', { name: '确定' }).click();
    await page.getByRole('button', { name: '预览附件3 个人承诺书' }).waitFor();
    expect(keyRequests).toBeGreaterThan(0);
    expect(await page.evaluate("sessionStorage.getItem('zhicheng.apiKey')")).toBe(KEY);
    // Another view: no second question.
    await page.getByRole('link', { name: '单位批量' }).click();
    await page.getByRole('button', { name: '下载花名册模板' }).waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    const source = await (await fetch(`${baseUrl}/`)).text();
    expect(source).not.toContain(KEY);
  }, 120_000);
});
