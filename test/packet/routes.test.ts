import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { PDFDict, PDFDocument, PDFHexString, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { testConfig } from '../../src/config.js';
import { multipart, type MultipartField } from '../helpers/multipart.js';
import { compact, inkInBox, pdfText, rasterise } from '../helpers/pdf-tools.js';
import { unzipParts } from '../helpers/office-tools.js';
import { makeEncryptedPdf, makeImage, makePdf, makePdfBomb } from './scan-fixtures.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/dossiers/${name}.json`, import.meta.url), 'utf8');

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildApp(testConfig({ PDF_STREAM_DECODE_LIMIT: 8 * 1024 * 1024 }));
});
afterAll(async () => app.close());

interface OutlineEntry {
  readonly title: string;
  readonly page: number;
  readonly children: OutlineEntry[];
}

/** The bookmarks, nested as the PDF holds them (First/Next under each item). */
function outline(pdf: PDFDocument): OutlineEntry[] {
  const pageIndex = new Map(pdf.getPages().map((page, index) => [page.ref.toString(), index + 1]));
  const level = (parent: PDFDict): OutlineEntry[] => {
    const entries: OutlineEntry[] = [];
    for (
      let item = parent.lookupMaybe(PDFName.of('First'), PDFDict);
      item;
      item = item.lookupMaybe(PDFName.of('Next'), PDFDict)
    ) {
      const dest = item.lookup(PDFName.of('Dest')) as unknown as { get(i: number): { toString(): string } };
      entries.push({
        title: item.lookup(PDFName.of('Title'), PDFHexString).decodeText(),
        page: pageIndex.get(dest.get(0).toString()) ?? -1,
        children: level(item),
      });
    }
    return entries;
  };
  return level(pdf.catalog.lookup(PDFName.of('Outlines'), PDFDict));
}

async function post(url: string, fields: MultipartField[]) {
  const { payload, headers } = multipart(fields);
  return app.inject({ method: 'POST', url, payload, headers });
}

describe('POST /v1/packets/pdf', { timeout: 30_000 }, () => {
  it('files documents and scans item by item in catalogue order, bookmarked per item, scans labelled', {
    timeout: 120_000,
  }, async () => {
    const jpeg = await makeImage('jpeg');
    const response = await post('/v1/packets/pdf', [
      { name: 'dossier', value: fixture('zhang-yue-intermediate') },
      { name: 'item6', value: jpeg, fileName: '身份证正面.jpg', contentType: 'image/jpeg' },
      { name: 'item6', value: jpeg, fileName: '身份证反面.jpg', contentType: 'image/jpeg' },
      { name: 'item11', value: jpeg, fileName: '毕业证书.jpg', contentType: 'image/jpeg' },
      { name: 'item10', value: await makePdf(2), fileName: '考核表.pdf', contentType: 'application/pdf' },
      { name: 'item2', value: await makePdf(1), fileName: '单位性质证明.pdf', contentType: 'application/pdf' },
    ]);
    expect(response.statusCode, response.body.slice(0, 500)).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain("filename*=UTF-8''");
    const pdf = await PDFDocument.load(response.rawPayload);
    const entries = outline(pdf);
    // The cover sheet (item 5 is missing), 附件6, then one bookmark per item present, in item order.
    expect(entries[0]!.title).toContain('检查提示');
    expect(entries[1]!.title).toContain('目录');
    const items = entries.slice(2).map((entry) => Number(/^(\d+) /.exec(entry.title)?.[1]));
    expect(items).toEqual([1, 2, 3, 4, 6, 7, 8, 10, 11, 12]);
    const children = (item: number) => entries.find((entry) => entry.title.startsWith(`${item} `))!.children;
    expect(children(2).map((c) => c.title)).toEqual(['单位性质证明.pdf']);
    expect(children(3).map((c) => c.title)).toEqual(['推荐单位公示', '推荐单位公示结果']);
    expect(children(6).map((c) => c.title)).toEqual(['身份证正面.jpg', '身份证反面.jpg']);
    expect(children(7).map((c) => c.title)).toEqual(['任现职以来个人业务技术总结']);
    expect(children(10).map((c) => c.title)).toEqual(['考核表.pdf']);
    expect(children(11).map((c) => c.title)).toEqual(['毕业证书.jpg']);
    // Every document and every scan starts on an odd page; an item's bookmark is its first part's page.
    for (const entry of entries) {
      expect(entry.page % 2, entry.title).toBe(1);
      for (const child of entry.children) expect(child.page % 2, child.title).toBe(1);
      if (entry.children.length > 0) expect(entry.page).toBe(entry.children[0]!.page);
    }
    const starts = entries
      .flatMap((entry) => (entry.children.length > 0 ? entry.children : [entry]))
      .map((e) => e.page);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(pdf.getPageCount() % 2).toBe(0);
    // The 2-page PDF scan takes pages p and p+1, and the next part starts right after, on the odd page p+2.
    const exam = children(10)[0]!;
    expect(children(11)[0]!.page).toBe(exam.page + 2);

    // Scan pages carry their item's label, numbered among the item's pages.
    const idFront = children(6)[0]!.page;
    expect(compact(await pdfText(response.rawPayload, { first: idFront, last: idFront }))).toContain(
      '材料6身份证复印件1/2',
    );
    const idBack = children(6)[1]!.page;
    expect(compact(await pdfText(response.rawPayload, { first: idBack, last: idBack }))).toContain(
      '材料6身份证复印件2/2',
    );
    const examText = compact(await pdfText(response.rawPayload, { first: exam.page + 1, last: exam.page + 1 }));
    expect(examText).toContain('材料10年度考核表2/2');
    // The label sits 5–10 mm below the top edge; nothing above it; the scan (its dark bar) starts below it.
    const [page] = await rasterise(response.rawPayload, { dpi: 100, first: exam.page, last: exam.page });
    const mm = 72 / 25.4;
    const { width, height } = pdf.getPage(exam.page - 1).getSize();
    expect(inkInBox(page!, { x: 0, y: height - 5 * mm, width, height: 5 * mm })).toBe(0);
    expect(inkInBox(page!, { x: 0, y: height - 10 * mm, width, height: 5 * mm })).toBeGreaterThan(0);
    expect(inkInBox(page!, { x: 0, y: height - 10 * mm, width: 5 * mm, height: 10 * mm })).toBe(0);
    expect(inkInBox(page!, { x: 0, y: height - 25 * mm, width, height: 15 * mm })).toBeGreaterThan(500);

    // The catalogue counts what is in the packet: 身份证 2 files, 考核表 1 file, 评审表 2 copies, the summary.
    const catalogue = entries[1]!;
    const text = compact(await pdfText(response.rawPayload, { first: catalogue.page, last: catalogue.page }));
    expect(text).toContain('身份证复印件2');
    expect(text).toContain('年度考核表1');
    expect(text).toContain('专业技术职务任职资格评审表2');
    expect(text).toContain('任现职以来个人业务技术总结1');
    expect(text).toContain('所在单位性质证明1');
    expect(text).toContain('继续教育合格证书无'); // nothing of item 5 in this packet …
    // … which the cover sheet names as missing, by item number and name, fields in Chinese.
    const cover = compact(await pdfText(response.rawPayload, { first: 1, last: entries[1]!.page - 1 }));
    expect(cover).toContain('第5项“继续教育合格证书”');
    expect(cover).toContain('上传材料第5项');
    expect(cover).toContain('—1—');
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

  it('takes the dossier attached as a file (curl -F dossier=@a.json, FormData with a Blob), under the same bound', async () => {
    const text = fixture('ayguli-junior');
    for (const contentType of ['application/json', 'application/octet-stream']) {
      const response = await post('/v1/packets/pdf', [
        { name: 'dossier', value: Buffer.from(text), fileName: 'ayguli-junior.json', contentType },
      ]);
      expect(response.statusCode, contentType).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
    }
    const tooLarge = await post('/v1/packets/pdf', [
      { name: 'dossier', value: Buffer.alloc(testConfig().BODY_LIMIT + 1, 0x20), fileName: 'big.json' },
    ]);
    expect(tooLarge.statusCode).toBe(413);
    const notUtf8 = await post('/v1/packets/pdf', [
      { name: 'dossier', value: Buffer.from([0x7b, 0xff, 0x7d]), fileName: 'bad.json' },
    ]);
    expect(notUtf8.statusCode).toBe(400);
    expect(notUtf8.json().code).toBe('MALFORMED_JSON');
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
    expect(names.filter((n) => n.endsWith('.pdf')).length).toBe(10); // 9 documents (with 附件4 and 总结) + the packet
    expect(names.filter((n) => n.endsWith('.docx')).length).toBe(9);
    expect(names.some((n) => n.includes('打印合订本'))).toBe(true);
    expect(names.every((n) => n.startsWith('阿依古丽·买买提-0020/'))).toBe(true);
  });
});
