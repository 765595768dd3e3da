/** The packet screen in a real browser: a scan under item 6 ends up in the packet PDF under that item. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeImage } from '../packet/scan-fixtures.js';
import { download, openBench, type Bench } from './browser.js';

const FIXTURE = new URL('../fixtures/dossiers/zhang-yue-intermediate.json', import.meta.url);

let bench: Bench;
beforeAll(async () => {
  bench = await openBench();
}, 120_000);
afterAll(async () => bench?.close(), 60_000);

/** Every bookmark title, depth first. */
function outlineTitles(pdf: PDFDocument): string[] {
  const titles: string[] = [];
  const walk = (first: PDFDict | undefined) => {
    for (let item = first; item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = item.lookup(PDFName.of('Title'));
      if (title instanceof PDFHexString || title instanceof PDFString) titles.push(title.decodeText());
      walk(item.lookupMaybe(PDFName.of('First'), PDFDict));
    }
  };
  walk(pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict));
  return titles;
}

describe('staff page: packet', () => {
  it('uploads a scan under item 6, reorders and removes files, and downloads a packet holding the scan', async () => {
    const { page, baseUrl, downloads } = bench;
    await page.goto(`${baseUrl}/#/applicant`);
    await page.getByLabel('导入 JSON…').setInputFiles(FIXTURE.pathname);
    await expect.poll(() => page.getByLabel('姓名', { exact: true }).inputValue()).toBe('张玥');

    await page.getByRole('link', { name: '③ 材料袋（扫描件）' }).click();
    const idCard = join(downloads, '身份证正面.jpg');
    const other = join(downloads, '身份证反面.jpg');
    writeFileSync(idCard, await makeImage('jpeg', [500, 320]));
    writeFileSync(other, await makeImage('jpeg', [500, 320]));
    const item6 = page.locator('[data-item="item6"]');
    await item6.getByText('选择文件…').waitFor();
    await page.locator('#scan-item6').setInputFiles([idCard, other]);
    await item6.locator('li').nth(1).waitFor();
    expect(await item6.locator('.file-name').allTextContents()).toEqual([
      expect.stringContaining('身份证正面.jpg'),
      expect.stringContaining('身份证反面.jpg'),
    ]);
    await item6.getByRole('button', { name: '上移 身份证反面.jpg' }).click();
    expect((await item6.locator('.file-name').first().textContent()) ?? '').toContain('身份证反面.jpg');
    await item6.getByRole('button', { name: '移除 身份证反面.jpg' }).click();
    expect(await item6.locator('.file-name').count()).toBe(1);

    const packet = await download(page, () => page.getByRole('button', { name: '下载材料袋 PDF' }).click());
    expect(packet.name).toMatch(/\.pdf$/);
    const pdf = await PDFDocument.load(readFileSync(packet.path));
    const titles = outlineTitles(pdf);
    expect(titles.some((title) => title.includes('身份证正面'))).toBe(true);
    expect(titles.join('|')).not.toContain('身份证反面');
    expect(pdf.getPageCount()).toBeGreaterThan(10);
  }, 240_000);
});
