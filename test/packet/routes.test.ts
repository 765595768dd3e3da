import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { PDFDict, PDFDocument, PDFHexString, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { testConfig } from '../../src/config.js';
import { multipart, type MultipartField } from '../helpers/multipart.js';
import { pdfText, compact } from '../helpers/pdf-tools.js';
import { unzipParts } from '../helpers/office-tools.js';
import { makeEncryptedPdf, makeImage, makePdf, makePdfBomb } from './scan-fixtures.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/dossiers/${name}.json`, import.meta.url), 'utf8');

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildApp(testConfig({ PDF_STREAM_DECODE_LIMIT: 8 * 1024 * 1024 }));
});
afterAll(async () => app.close());

function outline(pdf: PDFDocument): { title: string; page: number }[] {
  const pageIndex = new Map(pdf.getPages().map((page, index) => [page.ref.toString(), index + 1]));
  const outlines = pdf.catalog.lookup(PDFName.of('Outlines'), PDFDict);
  const entries: { title: string; page: number }[] = [];
  for (
    let item = outlines.lookupMaybe(PDFName.of('First'), PDFDict);
    item;
    item = item.lookupMaybe(PDFName.of('Next'), PDFDict)
  ) {
    const dest = item.lookup(PDFName.of('Dest')) as unknown as { get(i: number): { toString(): string } };
    entries.push({
      title: item.lookup(PDFName.of('Title'), PDFHexString).decodeText(),
      page: pageIndex.get(dest.get(0).toString()) ?? -1,
    });
  }
  return entries;
}

async function post(url: string, fields: MultipartField[]) {
  const { payload, headers } = multipart(fields);
  return app.inject({ method: 'POST', url, payload, headers });
}

describe('POST /v1/packets/pdf', { timeout: 30_000 }, () => {
  it('merges the catalogue, the documents and the scans, each starting on an odd page', async () => {
    const jpeg = await makeImage('jpeg');
    const response = await post('/v1/packets/pdf', [
      { name: 'dossier', value: fixture('zhang-yue-intermediate') },
      { name: 'item6', value: jpeg, fileName: '身份证正面.jpg', contentType: 'image/jpeg' },
      { name: 'item6', value: jpeg, fileName: '身份证反面.jpg', contentType: 'image/jpeg' },
      { name: 'item11', value: jpeg, fileName: '毕业证书.jpg', contentType: 'image/jpeg' },
      { name: 'item10', value: await makePdf(2), fileName: '考核表.pdf', contentType: 'application/pdf' },
    ]);
    expect(response.statusCode, response.body.slice(0, 500)).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain("filename*=UTF-8''");
    const pdf = await PDFDocument.load(response.rawPayload);
    const entries = outline(pdf);
    // Catalogue, 鉴定, 公示, 公示结果, 评审表 (2 copies), 工作经历证明, 承诺书, then scans by item: 6, 6, 10, 11.
    expect(entries.map((e) => e.title)).toEqual([
      expect.stringContaining('目录'),
      expect.stringContaining('现实表现'),
      expect.stringContaining('公示'),
      expect.stringContaining('公示结果'),
      expect.stringContaining('评审表'),
      expect.stringContaining('经历证明'),
      expect.stringContaining('承诺书'),
      expect.stringContaining('身份证正面.jpg'),
      expect.stringContaining('身份证反面.jpg'),
      expect.stringContaining('考核表.pdf'),
      expect.stringContaining('毕业证书.jpg'),
    ]);
    for (const entry of entries) expect(entry.page % 2, entry.title).toBe(1);
    expect(pdf.getPageCount() % 2).toBe(0);
    // The 2-page PDF scan takes pages p and p+1, and the next part starts right after, on the odd page p+2.
    const exam = entries.find((e) => e.title.includes('考核表.pdf'))!;
    const next = entries[entries.indexOf(exam) + 1]!;
    expect(next.page).toBe(exam.page + 2);

    // The catalogue counts what is in the packet: 身份证 2 files, 考核表 1 file, 评审表 2 copies.
    const catalogue = entries[0]!;
    const text = compact(await pdfText(response.rawPayload, { first: catalogue.page, last: catalogue.page }));
    expect(text).toContain('身份证复印件2');
    expect(text).toContain('年度考核表1');
    expect(text).toContain('专业技术职务任职资格评审表2');
    expect(text).toContain('所在单位性质证明无'); // nothing of item 2 in the packet
  });

  it('puts a cover sheet with the rule-check findings in front when there are any', async () => {
    const response = await post('/v1/packets/pdf', [{ name: 'dossier', value: fixture('bater-initial') }]);
    expect(response.statusCode, response.body.slice(0, 500)).toBe(200);
    const first = compact(await pdfText(response.rawPayload, { first: 1, last: 1 }));
    expect(first).toContain('检查提示');
    expect(first).toContain('基本合格');
  });

  it.each([
    ['a truncated JPEG', async () => (await makeImage('jpeg')).subarray(0, 300), 'cut.jpg', 'UPLOAD_TRUNCATED'],
    ['an encrypted PDF', makeEncryptedPdf, 'locked.pdf', 'UPLOAD_ENCRYPTED'],
    ['a PDF bomb', async () => makePdfBomb(32 * 1024 * 1024), 'bomb.pdf', 'UPLOAD_PDF_BOMB'],
  ])('refuses %s with 422 naming the file, and keeps serving', async (_label, make, fileName, code) => {
    const response = await post('/v1/packets/pdf', [
      { name: 'dossier', value: fixture('ayguli-junior') },
      { name: 'item13', value: await make(), fileName },
    ]);
    expect(response.statusCode).toBe(422);
    const body = response.json();
    expect(body.code).toBe('UPLOAD_INVALID');
    expect(body.details[0].code).toBe(code);
    expect(body.details[0].path).toBe(`/files/item13/${fileName}`);
    expect(body.message).toContain(fileName);
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });

  it('reports an invalid dossier at its path under /dossier', async () => {
    const dossier = JSON.parse(fixture('ayguli-junior'));
    dossier.applicant.idNumber = '652801198503120021';
    const response = await post('/v1/packets/pdf', [{ name: 'dossier', value: JSON.stringify(dossier) }]);
    expect(response.statusCode).toBe(422);
    expect(response.json().details[0].path).toBe('/dossier/applicant/idNumber');
  });

  it('refuses a scan in a field that names no catalogue item, and a missing dossier', async () => {
    const wrongField = await post('/v1/packets/pdf', [
      { name: 'dossier', value: fixture('ayguli-junior') },
      { name: 'item14', value: await makeImage('png'), fileName: 'x.png' },
    ]);
    expect(wrongField.statusCode).toBe(422);
    expect(wrongField.json().details[0].code).toBe('UPLOAD_FIELD');
    const noDossier = await post('/v1/packets/pdf', [
      { name: 'item1', value: await makeImage('png'), fileName: 'x.png' },
    ]);
    expect(noDossier.statusCode).toBe(422);
    expect(noDossier.json().details[0].path).toBe('/dossier');
  });

  it('takes the dossier field sent as application/json as well as plain text', async () => {
    const response = await post('/v1/packets/pdf', [
      { name: 'dossier', value: fixture('ayguli-junior'), contentType: 'application/json' },
    ]);
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  });

  it('answers 415 for a JSON body', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/packets/pdf',
      payload: fixture('ayguli-junior'),
      headers: { 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(415);
  });
});

describe('POST /v1/packets/zip', { timeout: 30_000 }, () => {
  it('holds every generated document as PDF and DOCX plus the merged packet', async () => {
    const response = await post('/v1/packets/zip', [{ name: 'dossier', value: fixture('ayguli-junior') }]);
    expect(response.statusCode, response.body.slice(0, 500)).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    const names = [...unzipParts(response.rawPayload).keys()];
    expect(names.filter((n) => n.endsWith('.pdf')).length).toBe(9); // 8 documents (with 附件4) + the packet
    expect(names.filter((n) => n.endsWith('.docx')).length).toBe(8);
    expect(names.some((n) => n.includes('打印合订本'))).toBe(true);
    expect(names.every((n) => n.startsWith('阿依古丽·买买提-0020/'))).toBe(true);
  });
});
