/**
 * The staff page in a real browser: one applicant from a fixture, a problem the
 * server finds shown next to its field, fixed, and a document downloaded.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compact, pdfText } from '../helpers/pdf-tools.js';
import { makeImage } from '../packet/scan-fixtures.js';
import { download, openBench, STEP_TIMEOUT, type Bench } from './browser.js';

const FIXTURE = new URL('../fixtures/dossiers/zhang-yue-intermediate.json', import.meta.url);
const GOOD_ID = '652824198811020640';
const BAD_ID = '652824198811020641';

let bench: Bench;
beforeAll(async () => {
  bench = await openBench();
}, 120_000);
afterAll(async () => bench?.close(), 60_000);

describe('staff page: one applicant', () => {
  it('serves the page and its assets from the service itself', async () => {
    const response = await fetch(`${bench.baseUrl}/`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('职称申报材料工作台');
    // No inline script or style (CSP), nothing from another host.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|style=/);
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]!);
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const asset of assets) {
      const file = await fetch(`${bench.baseUrl}${asset}`);
      expect(file.status).toBe(200);
      expect(file.headers.get('cache-control')).toContain('immutable');
    }
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('shows the ID check-digit error next to the ID field, then downloads the pledge once it is fixed', async () => {
    const { page, baseUrl, downloads } = bench;
    await page.goto(`${baseUrl}/`);
    const broken = JSON.parse(readFileSync(FIXTURE, 'utf8'));
    broken.applicant.idNumber = BAD_ID;
    const file = join(downloads, 'applicant.json');
    writeFileSync(file, JSON.stringify(broken));
    await page.getByLabel('导入 JSON…').setInputFiles(file);

    const idField = page.getByLabel('身份证号', { exact: true });
    await expect.poll(() => idField.inputValue(), { timeout: STEP_TIMEOUT }).toBe(BAD_ID);
    await page.getByRole('button', { name: '检查材料' }).click();
    const idProblems = page.locator('#f\\.applicant\\.idNumber-problems');
    await idProblems.getByText('身份证号校验位错误').waitFor();
    expect(await idField.getAttribute('aria-invalid')).toBe('true');
    // Focus moved to the first problem, and the summary links to the field.
    await expect.poll(() => page.evaluate('document.activeElement?.id')).toBe('f.applicant.idNumber');
    expect(await page.locator('#problem-summary a[href="#f.applicant.idNumber"]').count()).toBe(1);

    await idField.fill(GOOD_ID);
    // From the keyboard: Enter in a field checks the form.
    await idField.press('Enter');
    await page
      .locator('#problem-summary')
      .getByText(/检查通过|检查完成/)
      .waitFor();
    expect(await idProblems.textContent()).toBe('');
    // The paper items (MATERIAL_MISSING) have no field here: they send the clerk to the packet screen,
    // not back to the summary itself.
    const paper = page.locator('#problem-summary li', { hasText: '纸质材料' });
    expect(await paper.count()).toBeGreaterThan(0);
    expect(await paper.first().locator('a[href="#/packet"]').count()).toBe(1);
    expect(await page.locator('#problem-summary a[href="#problem-summary"]').count()).toBe(0);
    expect(await page.locator('#problem-summary li').filter({ hasText: /^：/ }).count()).toBe(0);

    await page.getByRole('link', { name: '② 预览与下载' }).click();
    const pledge = await download(page, () =>
      page.getByRole('button', { name: '下载附件3 个人承诺书（PDF）' }).click(),
    );
    expect(pledge.name).toMatch(/承诺书.*\.pdf$/);
    const text = compact(await pdfText(readFileSync(pledge.path)));
    expect(text).toContain('个人承诺书');
    expect(text).toContain('张玥');
  }, 240_000);

  it('keeps the draft in the browser across a reload until the clerk clears it', async () => {
    const { page, baseUrl } = bench;
    await page.goto(`${baseUrl}/#/applicant`);
    const name = page.getByLabel('姓名', { exact: true });
    await name.fill('李四');
    await page.evaluate("window.dispatchEvent(new Event('pagehide'))");
    await page.reload();
    await expect
      .poll(() => page.getByLabel('姓名', { exact: true }).inputValue(), { timeout: STEP_TIMEOUT })
      .toBe('李四');
    await page.getByRole('button', { name: '清除' }).click();
    await expect.poll(() => page.getByLabel('姓名', { exact: true }).inputValue()).toBe('');
    expect(await page.evaluate("localStorage.getItem('zhicheng.draft.v1')")).toBeNull();
  }, 120_000);

  it('adds and removes list rows, and offers the server’s values in the pick-lists', async () => {
    const { page, baseUrl } = bench;
    await page.goto(`${baseUrl}/#/applicant`);
    const ethnicity = page.getByLabel('民族', { exact: true });
    const options = await ethnicity.locator('option').allTextContents();
    expect(options).toContain('维吾尔族');
    expect(options.length).toBe(57);
    await page.getByRole('button', { name: '＋ 添加年度' }).first().click();
    await page.getByRole('button', { name: '＋ 添加年度' }).first().click();
    expect(await page.getByRole('group', { name: '年度考核' }).locator('fieldset').count()).toBe(2);
    await page.getByRole('button', { name: '删除年度 1' }).first().click();
    expect(await page.getByRole('group', { name: '年度考核' }).locator('fieldset').count()).toBe(1);
  }, 120_000);

  it('takes a photo, shows it, and removes it again with 移除照片', async () => {
    const { page, baseUrl, downloads } = bench;
    await page.goto(`${baseUrl}/#/applicant`);
    const photoFile = join(downloads, 'photo.png');
    writeFileSync(photoFile, await makeImage('png', [90, 120]));
    const draftPhoto = () =>
      page.evaluate("JSON.parse(localStorage.getItem('zhicheng.draft.v1') ?? '{}').applicant?.photo ?? null");
    const control = page.getByLabel('照片（评审表用）');
    const preview = page.getByRole('img', { name: '已选照片' });
    const remove = page.getByRole('button', { name: '移除照片' });
    // Nothing chosen: nothing to remove.
    expect(await remove.isVisible()).toBe(false);

    await control.setInputFiles(photoFile);
    await preview.waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
    await expect.poll(draftPhoto, { timeout: STEP_TIMEOUT }).toMatch(/^data:image\/png;base64,/);
    // A stored photo is shown after a reload too, with its remove button.
    await page.reload();
    await page.getByRole('img', { name: '已选照片' }).waitFor({ state: 'visible', timeout: STEP_TIMEOUT });

    await page.getByRole('button', { name: '移除照片' }).click();
    await expect.poll(draftPhoto, { timeout: STEP_TIMEOUT }).toBeNull();
    expect(await page.getByRole('img', { name: '已选照片' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '移除照片' }).isVisible()).toBe(false);
    await expect.poll(() => page.evaluate('document.activeElement?.id')).toBe('f.applicant.photo');
    await page.reload();
    await page.getByLabel('照片（评审表用）').waitFor({ timeout: STEP_TIMEOUT });
    expect(await page.getByRole('img', { name: '已选照片' }).count()).toBe(0);
  }, 120_000);
});
