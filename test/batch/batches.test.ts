import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { testConfig } from '../../src/config.js';
import { unzipParts } from '../helpers/office-tools.js';
import { multipart } from '../helpers/multipart.js';
import { filledTemplate, headerColumns } from '../roster-import/fill.js';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../fixtures/dossiers/${name}.json`, import.meta.url), 'utf8'));
const unit = JSON.parse(readFileSync(new URL('../fixtures/roster-unit.json', import.meta.url), 'utf8')).unit;

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildApp(testConfig());
});
afterAll(async () => app.close());

/** Folder names of applicants, and the files at the top of the zip. */
function layout(zip: Uint8Array) {
  const names = [...unzipParts(zip).keys()];
  const folders = new Set(names.filter((n) => n.includes('/')).map((n) => n.split('/')[0]!));
  const top = names.filter((n) => !n.includes('/'));
  return { names, folders, top };
}

async function rosterRows(zip: Uint8Array): Promise<number> {
  const entry = [...unzipParts(zip)].find(([name]) => name.endsWith('.xlsx'));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(entry![1]) as never);
  const sheet = workbook.worksheets[0]!;
  let rows = 0;
  sheet.eachRow((row) => {
    const id = row.values as unknown[];
    if (id.some((value) => typeof value === 'string' && /^\d{17}[\dX]$/.test(value))) rows += 1;
  });
  return rows;
}

describe('POST /v1/batches', () => {
  it('writes 199 applicant folders, the roster and an error report for 200 dossiers with one bad row', {
    timeout: 240_000,
  }, async () => {
    const base = fixture('zhang-yue-intermediate');
    const dossiers = Array.from({ length: 200 }, (_, i) => ({
      ...base,
      applicant: { ...base.applicant, name: `张${String.fromCodePoint(0x4e00 + i)}玥` },
    }));
    dossiers[57] = { ...dossiers[57], applicant: { ...dossiers[57]!.applicant, idNumber: '652824198811020641' } };
    const started = performance.now();
    const response = await app.inject({ method: 'POST', url: '/v1/batches', payload: { unit, dossiers } });
    console.log(`batch of 200: ${Math.round(performance.now() - started)} ms`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    const zip = response.rawPayload;
    const { folders, top, names } = layout(zip);
    expect(folders.size).toBe(199);
    expect(folders.has(`${dossiers[57]!.applicant.name}-0641`)).toBe(false);
    // Every folder holds the applicant's documents, the review form among them.
    expect(names.filter((n) => n.includes('专业技术职务任职资格评审表')).length).toBe(199);
    expect(top.filter((n) => n.endsWith('.xlsx')).length).toBe(1);
    expect(top.filter((n) => n.endsWith('.pdf')).length).toBe(1);
    expect(await rosterRows(zip)).toBe(199);
    const report = new TextDecoder().decode(unzipParts(zip).get('错误报告.csv'));
    expect(report).toContain('/dossiers/57/applicant/idNumber');
    expect(report).toContain('ID_CHECKSUM');
    expect(report.split('\r\n').filter((line) => line.startsWith('/dossiers/')).length).toBe(1);
  });

  it('takes the roster workbook staff fill in, reporting a bad row by sheet and row', {
    timeout: 120_000,
  }, async () => {
    const workbook = await filledTemplate((book, rows) => {
      const sheet = book.getWorksheet('申报人员')!;
      const column = headerColumns(sheet).get('身份证号')!;
      sheet.getRow(rows['ayguli-junior']!).getCell(column).value = '652801198503120021';
    });
    const { payload, headers } = multipart([{ name: 'file', value: workbook, fileName: '花名册.xlsx' }]);
    const response = await app.inject({ method: 'POST', url: '/v1/batches', payload, headers });
    expect(response.statusCode).toBe(200);
    const { folders, top } = layout(response.rawPayload);
    expect([...folders].sort()).toEqual(['巴特尔-1130', '张玥-0640']);
    expect(top).toContain('错误报告.csv');
    const report = new TextDecoder().decode(unzipParts(response.rawPayload).get('错误报告.csv'));
    expect(report).toMatch(/申报人员!\d+/);
    expect(report).toContain('身份证号');
  });

  it('refuses a batch without a unit before writing anything', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/batches',
      payload: { dossiers: [fixture('ayguli-junior')] },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().details[0].path).toBe('/unit');
  });
});

describe('POST /v1/batches with nothing usable', () => {
  it('still answers with a ZIP holding the error report of every row', async () => {
    const workbook = await filledTemplate((book, rows) => {
      const sheet = book.getWorksheet('申报人员')!;
      const column = headerColumns(sheet).get('身份证号')!;
      for (const row of Object.values(rows)) sheet.getRow(row).getCell(column).value = '652801198503120021';
    });
    const { payload, headers } = multipart([{ name: 'file', value: workbook, fileName: '花名册.xlsx' }]);
    const response = await app.inject({ method: 'POST', url: '/v1/batches', payload, headers });
    expect(response.statusCode).toBe(200);
    const { folders, top } = layout(response.rawPayload);
    expect(folders.size).toBe(0);
    expect(top).toEqual(['错误报告.csv']);
    const report = new TextDecoder().decode(unzipParts(response.rawPayload).get('错误报告.csv'));
    expect(report.split('\r\n').filter((line) => line.startsWith('申报人员!')).length).toBeGreaterThanOrEqual(3);
  });
});
