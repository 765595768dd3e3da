import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { PDFDict, PDFDocument, PDFHexString, PDFName } from 'pdf-lib';
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
/** Every bookmark, depth first, with the page it points at. */
function outlineStarts(pdf: PDFDocument): { title: string; page: number }[] {
  const pageIndex = new Map(pdf.getPages().map((page, index) => [page.ref.toString(), index + 1]));
  const out: { title: string; page: number }[] = [];
  const walk = (parent: PDFDict) => {
    for (
      let item = parent.lookupMaybe(PDFName.of('First'), PDFDict);
      item;
      item = item.lookupMaybe(PDFName.of('Next'), PDFDict)
    ) {
      const dest = item.lookup(PDFName.of('Dest')) as unknown as { get(i: number): { toString(): string } };
      out.push({
        title: item.lookup(PDFName.of('Title'), PDFHexString).decodeText(),
        page: pageIndex.get(dest.get(0).toString()) ?? -1,
      });
      walk(item);
    }
  };
  walk(pdf.catalog.lookup(PDFName.of('Outlines'), PDFDict));
  return out;
}

function layout(zip: Uint8Array) {
  const names = [...unzipParts(zip).keys()];
  const folders = new Set(names.filter((n) => n.includes('/')).map((n) => n.split('/')[0]!));
  const top = names.filter((n) => !n.includes('/'));
  return { names, folders, top };
}

async function rosterRows(zip: Uint8Array): Promise<number> {
  const entry = [...unzipParts(zip)].find(
    ([name]) => !name.includes('/') && name.includes('花名册') && name.endsWith('.xlsx'),
  );
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(entry![1]) as never);
  const sheet = workbook.worksheets[0]!;
  let rows = 0;
  sheet.eachRow((row) => {
    const values = row.values as unknown[];
    // A row per applicant: the one whose ID cell starts with an 18-character ID number (the phone under it).
    if (values.some((value) => typeof value === 'string' && /^\d{17}[\dX](\n|$)/.test(value))) rows += 1;
  });
  return rows;
}

describe('POST /v1/batches', () => {
  it('writes 199 applicant folders, the roster and an error report for 200 dossiers with one bad row', {
    timeout: 600_000,
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
    // The roster as XLSX and PDF, and the report as CSV and XLSX.
    expect(top.filter((n) => n.endsWith('.xlsx') && n.includes('花名册')).length).toBe(1);
    expect(top.filter((n) => n.endsWith('.pdf') && n.includes('花名册')).length).toBe(1);
    expect(top).toEqual(expect.arrayContaining(['检查报告.csv', '检查报告.xlsx']));
    expect(top.length).toBe(4);
    expect(await rosterRows(zip)).toBe(199);
    const report = new TextDecoder().decode(unzipParts(zip).get('检查报告.csv'));
    expect(report).toContain('/dossiers/57/applicant/idNumber');
    expect(report).toContain('ID_CHECKSUM');
    expect(report.split('\r\n').filter((line) => line.includes('未生成 / skipped')).length).toBe(1);
    // Each folder holds one print file beside the separate documents.
    expect(names.filter((n) => /\/打印-[^/]+\.pdf$/.test(n)).length).toBe(199);
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
    expect(top).toContain('检查报告.csv');
    const report = new TextDecoder().decode(unzipParts(response.rawPayload).get('检查报告.csv'));
    expect(report).toMatch(/申报人员!\d+/);
    expect(report).toContain('身份证号');
  });

  it('makes no roster when the 填报单位 sheet is filled in with a mistake, and says why (never another unit)', {
    timeout: 120_000,
  }, async () => {
    const workbook = await filledTemplate((book) => {
      book.getWorksheet('填报单位')!.eachRow((row) => {
        if (row.getCell(1).value === '填报日期') row.getCell(2).value = null;
      });
    });
    const { payload, headers } = multipart([{ name: 'file', value: workbook, fileName: '花名册.xlsx' }]);
    const response = await app.inject({ method: 'POST', url: '/v1/batches', payload, headers });
    expect(response.statusCode).toBe(200);
    const { folders, top } = layout(response.rawPayload);
    expect(folders.size).toBe(3);
    expect(top.filter((name) => name.includes('花名册'))).toEqual([]);
    const report = new TextDecoder().decode(unzipParts(response.rawPayload).get('检查报告.csv'));
    const lines = report.split('\r\n').filter((line) => line.startsWith('工作簿'));
    expect(lines.some((line) => line.includes('填报单位 填报日期') && line.includes('REQUIRED'))).toBe(true);
    expect(lines.some((line) => line.includes('ROSTER_NOT_MADE') && line.includes('未生成附件5'))).toBe(true);
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

describe('POST /v1/batches of the three fixtures', () => {
  it('gives three folders with a duplex-ready print file each, and a report of every rule finding', {
    timeout: 180_000,
  }, async () => {
    const names3 = ['zhang-yue-intermediate', 'ayguli-junior', 'bater-initial'] as const;
    const response = await app.inject({
      method: 'POST',
      url: '/v1/batches',
      payload: { unit, dossiers: names3.map(fixture) },
    });
    expect(response.statusCode).toBe(200);
    const parts = unzipParts(response.rawPayload);
    const { folders, top } = layout(response.rawPayload);
    expect(folders.size).toBe(3);
    expect(top).toEqual(expect.arrayContaining(['检查报告.csv', '检查报告.xlsx']));
    for (const folder of folders) {
      const name = folder.replace(/-[0-9X]{4}$/, '');
      const print = parts.get(`${folder}/打印-${name}.pdf`);
      expect(print, folder).toBeDefined();
      const pdf = await PDFDocument.load(print!);
      expect(pdf.getPageCount() % 2).toBe(0);
      const starts = outlineStarts(pdf);
      expect(starts.length).toBeGreaterThan(5);
      for (const start of starts) expect(start.page % 2, `${folder} ${start.title}`).toBe(1);
      // Catalogue order: 附件6 first, then the items' bookmarks in ascending order.
      expect(starts[0]!.title).toContain('目录');
      const items = starts.slice(1).map((start) => Number(/^(\d+) /.exec(start.title)?.[1]));
      expect(items).toEqual([...items].sort((a, b) => a - b));
      expect(items).toContain(7);
    }
    const report = new TextDecoder().decode(parts.get('检查报告.csv'));
    const bater = report.split('\r\n').filter((line) => line.includes('巴特尔'));
    expect(bater.some((line) => line.includes('ASSESSMENT_POSTPONEMENT'))).toBe(true);
    expect(bater.some((line) => line.includes('WORK_SUMMARY_EMPTY'))).toBe(true);
    // 巴特尔 has errors to correct: marked so, although his documents were made.
    expect(bater.every((line) => line.includes('有错误须更正'))).toBe(true);
    expect(folders.has('巴特尔-1130')).toBe(true);
    // The XLSX holds the same lines as text.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(parts.get('检查报告.xlsx')!) as never);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(report.trim().split('\r\n').length);
    const codes = new Set<string>();
    sheet.eachRow((row) => codes.add(String(row.getCell(7).value)));
    expect(codes.has('ASSESSMENT_POSTPONEMENT')).toBe(true);
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
    expect(top).toEqual(['检查报告.csv', '检查报告.xlsx']);
    const report = new TextDecoder().decode(unzipParts(response.rawPayload).get('检查报告.csv'));
    expect(report.split('\r\n').filter((line) => line.startsWith('申报人员!')).length).toBeGreaterThanOrEqual(3);
  });
});
