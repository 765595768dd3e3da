/**
 * The unit batch screen in a real browser: a filled roster with one bad row
 * shows that row's problem before anything is rendered, then the batch runs
 * with its progress and the ZIP downloads.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filledTemplate, headerColumns } from '../roster-import/fill.js';
import { download, openBench, STEP_TIMEOUT, type Bench } from './browser.js';

let bench: Bench;
beforeAll(async () => {
  bench = await openBench();
}, 120_000);
afterAll(async () => bench?.close(), 60_000);

describe('staff page: unit batch', () => {
  it('downloads the template', async () => {
    const { page, baseUrl } = bench;
    await page.goto(`${baseUrl}/#/batch`);
    const template = await download(page, () => page.getByRole('button', { name: '下载花名册模板' }).click());
    expect(template.name).toMatch(/\.xlsx$/);
    const bytes = readFileSync(template.path);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
  }, 120_000);

  it('shows the bad row’s problem, then builds the batch ZIP for the others with progress', async () => {
    const { page, baseUrl, downloads } = bench;
    let badRow = 0;
    const workbook = await filledTemplate((book, rows) => {
      const sheet = book.getWorksheet('申报人员')!;
      const column = headerColumns(sheet).get('身份证号')!;
      badRow = rows['ayguli-junior']!;
      sheet.getRow(badRow).getCell(column).value = '652801198503120021';
    });
    const file = join(downloads, '花名册.xlsx');
    writeFileSync(file, workbook);
    await page.goto(`${baseUrl}/#/batch`);
    await page.getByLabel('选择填好的花名册（.xlsx）…').setInputFiles(file);

    const errors = page
      .locator('#row-errors tbody tr')
      .filter({ has: page.locator('td:first-child', { hasText: '申报人员' }) });
    await errors.first().waitFor();
    expect(await errors.count()).toBe(1);
    const cells = await errors.first().locator('td').allTextContents();
    expect(cells[0]).toBe('申报人员');
    expect(cells[1]).toBe(String(badRow));
    expect(cells[2]).toContain('身份证号');
    expect(cells[3]).toContain('身份证号');
    await page.getByText('共 3 人，2 人可以生成，1 人有问题').waitFor();

    const run = page.getByRole('button', { name: '生成全部文件（ZIP）' });
    const zip = await download(page, () => run.click());
    expect(zip.name).toMatch(/\.zip$/);
    await expect
      .poll(() => page.locator('#batch-progress-text').textContent(), { timeout: STEP_TIMEOUT })
      .toBe('已完成 2 / 2 人');
    expect(await page.locator('#batch-progress').getAttribute('value')).toBe('2');
    const entries = Object.keys(unzipSync(readFileSync(zip.path)));
    const folders = new Set(entries.filter((name) => name.includes('/')).map((name) => name.split('/')[0]));
    expect(folders.size).toBe(2);
    // The report inside the ZIP is shown in the page.
    await page.locator('#batch-report').first().waitFor();
    // The status line belongs to this screen: it does not follow the clerk to another one.
    await expect.poll(() => page.locator('#status').textContent()).toContain('批量文件已生成');
    await page.getByRole('link', { name: '核验' }).click();
    await expect.poll(() => page.locator('#status').textContent()).toBe('');
  }, 300_000);
});
