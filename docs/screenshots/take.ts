/**
 * Takes the README's screenshots of the staff page (1366×768 PNG), as a
 * clerk would go through it: `npm run build:web && npx tsx docs/screenshots/take.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { filledTemplate, headerColumns } from '../../test/roster-import/fill.js';
import { makeImage } from '../../test/packet/scan-fixtures.js';
import { openBench } from '../../test/web/browser.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const fixture = fileURLToPath(new URL('../../test/fixtures/dossiers/zhang-yue-intermediate.json', import.meta.url));

async function main(): Promise<void> {
  const bench = await openBench();
  const { page, baseUrl, downloads } = bench;
  const shot = (name: string) => page.screenshot({ path: join(here, `${name}.png`) });
  try {
    // ① an applicant imported with a mistyped ID number, checked
    await page.goto(`${baseUrl}/#/applicant`);
    const broken = JSON.parse(readFileSync(fixture, 'utf8'));
    broken.applicant.idNumber = '652824198811020641';
    const json = join(downloads, '张玥.json');
    writeFileSync(json, JSON.stringify(broken));
    await page.getByLabel('导入 JSON…').setInputFiles(json);
    await page.locator('#f\\.applicant\\.idNumber-problems').getByText('校验位').waitFor();
    await page.locator('#problem-summary').scrollIntoViewIfNeeded();
    await page.evaluate('window.scrollTo(0, 0)');
    await shot('1-applicant');
    await page.getByLabel('身份证号', { exact: true }).fill('652824198811020640');
    await page.getByRole('button', { name: '检查材料' }).click();
    await page.locator('#problem-summary').getByText(/检查/).waitFor();

    // ② preview of the review form
    await page.getByRole('link', { name: '② 预览与下载' }).click();
    await page.getByRole('button', { name: '预览专业技术职务任职资格评审表' }).click();
    await page.locator('#preview-frame:not([hidden])').waitFor();
    await page.waitForLoadState('networkidle');
    await shot('2-documents');

    // ③ packet with an ID card scan
    await page.getByRole('link', { name: '③ 材料袋（扫描件）' }).click();
    const scan = join(downloads, '身份证正反面.jpg');
    writeFileSync(scan, await makeImage('jpeg', [500, 320]));
    await page.locator('#scan-item6').setInputFiles(scan);
    await page.locator('[data-item="item6"] .file-name').waitFor();
    // The counts are fetched a moment after a file is added: wait for item 6's row to count the scan.
    await page.waitForFunction(
      () => document.querySelector('#packet-counts tbody tr:nth-child(6) td:nth-child(3)')?.textContent === '1',
    );
    await shot('3-packet');

    // 单位批量: a roster with one bad row, then the batch
    const workbook = await filledTemplate((book, rows) => {
      const sheet = book.getWorksheet('申报人员')!;
      sheet.getRow(rows['ayguli-junior']!).getCell(headerColumns(sheet).get('身份证号')!).value = '652801198503120021';
    });
    const roster = join(downloads, '花名册.xlsx');
    writeFileSync(roster, workbook);
    await page.getByRole('link', { name: '单位批量' }).click();
    await page.getByLabel('选择填好的花名册（.xlsx）…').setInputFiles(roster);
    await page.locator('#row-errors').waitFor();
    await page.getByRole('button', { name: '生成全部文件（ZIP）' }).click();
    await page.locator('#batch-report').first().waitFor({ timeout: 300_000 });
    await page.locator('#import-result').scrollIntoViewIfNeeded();
    await shot('4-batch');

    // 核验: the QR link of a printed review form
    const response = await fetch(`${baseUrl}/v1/forms/review-form/pdf?copies=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: readFileSync(fixture),
    });
    const { execFileSync } = await import('node:child_process');
    const pdf = join(downloads, 'review.pdf');
    writeFileSync(pdf, new Uint8Array(await response.arrayBuffer()));
    execFileSync('pdftoppm', ['-r', '200', '-f', '1', '-l', '1', '-png', '-singlefile', pdf, join(downloads, 'page')]);
    const scanned = execFileSync('zbarimg', ['--quiet', '--raw', join(downloads, 'page.png')], {
      encoding: 'utf8',
    }).trim();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${baseUrl}${scanned.slice(scanned.indexOf('/v1/verify/'))}`);
    await page.getByText('核验通过').waitFor();
    await shot('5-verify');
  } finally {
    await bench.close();
  }
}

await main();
