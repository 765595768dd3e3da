import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findForm } from '../../src/forms/registry.js';
import { noteForm } from './fixtures/test-forms.js';
import { dossier, expectErrorShape, fakeRender, makeApp, postJson, type Json } from './helpers.js';

/** The same ID number with another (wrong) check digit. */
function breakCheckDigit(id: string): string {
  const last = id.slice(-1);
  return id.slice(0, -1) + (last === '0' ? '1' : '0');
}

describe('POST /v1/forms/:formId/:format', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await makeApp({}, { render: { renderDocument: fakeRender } });
  });
  afterAll(() => app.close());

  it('renders pledge with the readable Chinese file name (RFC 5987) and an ASCII fallback', async () => {
    const ayguli = dossier('ayguli-junior');
    const res = await postJson(app, '/v1/forms/pledge/pdf', ayguli);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('no-store');
    const name = `附件3-个人承诺书-${ayguli.applicant.name}.pdf`;
    expect(name).toBe('附件3-个人承诺书-阿依古丽·买买提.pdf');
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toBe(
      `attachment; filename="pledge-${ayguli.applicant.idNumber.slice(-4)}.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`,
    );
    expect(disposition).toContain('%E9%99%84%E4%BB%B63-'); // 附件3-
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe(name);
    expect(res.rawPayload.length).toBeGreaterThan(0);
  });

  it('renders docx with the docx content type', async () => {
    const res = await postJson(app, '/v1/forms/pledge/docx', dossier('zhang-yue-intermediate'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(String(res.headers['content-disposition'])).toMatch(/filename="pledge-\d{3}[\dX]\.docx"/);
  });

  it('answers an unknown form with 404 FORM_NOT_FOUND', async () => {
    const res = await postJson(app, '/v1/forms/no-such-form/pdf', dossier('ayguli-junior'));
    expect(res.statusCode).toBe(404);
    expectErrorShape(res.json(), 404, 'FORM_NOT_FOUND');
  });

  it.each([['xlsx'], ['txt']])('answers pledge as %s with 406 listing the formats it has', async (format) => {
    expect(findForm('pledge')?.formats).not.toContain(format);
    const res = await postJson(app, `/v1/forms/pledge/${format}`, dossier('ayguli-junior'));
    expect(res.statusCode).toBe(406);
    const body = res.json();
    expectErrorShape(body, 406, 'FORMAT_NOT_SUPPORTED');
    for (const available of findForm('pledge')!.formats) expect(body.message).toContain(available);
  });

  it('takes the format in any case (/pdf, /PDF)', async () => {
    const res = await postJson(app, '/v1/forms/pledge/PDF', dossier('ayguli-junior'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(String(res.headers['content-disposition'])).toMatch(/\.pdf"/);
  });

  it('answers a text/plain body with 415', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/forms/pledge/pdf',
      headers: { 'content-type': 'text/plain' },
      payload: JSON.stringify(dossier('ayguli-junior')),
    });
    expect(res.statusCode).toBe(415);
    expectErrorShape(res.json(), 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const res = await postJson(app, '/v1/forms/pledge/pdf', '{"applicant": {');
    expect(res.statusCode).toBe(400);
    expectErrorShape(res.json(), 400, 'MALFORMED_JSON');
  });

  it('answers an empty body with 400 MALFORMED_JSON, with or without a content type', async () => {
    const typed = await postJson(app, '/v1/forms/pledge/pdf', '');
    expect(typed.statusCode).toBe(400);
    expectErrorShape(typed.json(), 400, 'MALFORMED_JSON');
    const bare = await app.inject({ method: 'POST', url: '/v1/forms/pledge/pdf' });
    expect(bare.statusCode).toBe(400);
    expectErrorShape(bare.json(), 400, 'MALFORMED_JSON');
  });

  it('answers a 2 MiB body with 413 BODY_TOO_LARGE', async () => {
    const big = { ...dossier('ayguli-junior'), workSummary: '档'.repeat(700_000) };
    const res = await postJson(app, '/v1/forms/pledge/pdf', big);
    expect(Buffer.byteLength(JSON.stringify(big))).toBeGreaterThan(2 * 1024 * 1024);
    expect(res.statusCode).toBe(413);
    expectErrorShape(res.json(), 413, 'BODY_TOO_LARGE');
  });

  it('answers a wrong ID check digit with 422 at /applicant/idNumber, in Chinese and English', async () => {
    const ayguli = dossier('ayguli-junior');
    ayguli.applicant.idNumber = breakCheckDigit(ayguli.applicant.idNumber);
    const res = await postJson(app, '/v1/forms/pledge/pdf', ayguli);
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expectErrorShape(body, 422, 'VALIDATION_FAILED');
    const problem = (body.details as Json[]).find((detail) => detail.path === '/applicant/idNumber');
    expect(problem).toBeDefined();
    expect(problem!.code).toMatch(/^[A-Z_]+$/);
    expect(problem!.message).toMatch(/[\u4e00-\u9fff]/);
    expect(problem!.messageEn).toMatch(/[A-Za-z]/);
    expect(body.message).toMatch(/申报材料有 \d+ 处问题 \/ \d+ problems? in the submitted data/);
  });

  it('answers a gender that disagrees with the ID number with 422 at /applicant/gender', async () => {
    const ayguli = dossier('ayguli-junior');
    ayguli.applicant.gender = ayguli.applicant.gender === '女' ? '男' : '女';
    const res = await postJson(app, '/v1/forms/pledge/pdf', ayguli);
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expectErrorShape(body, 422, 'VALIDATION_FAILED');
    expect((body.details as Json[]).map((detail) => detail.path)).toContain('/applicant/gender');
  });

  it('answers a missing field with 422 naming it', async () => {
    const ayguli = dossier('ayguli-junior');
    delete ayguli.applicant.name;
    const res = await postJson(app, '/v1/forms/pledge/pdf', ayguli);
    expect(res.statusCode).toBe(422);
    expect((res.json().details as Json[]).map((detail) => detail.path)).toContain('/applicant/name');
  });

  it('answers a publicity period under 5 working days with 422 PUBLICITY_TOO_SHORT', async () => {
    const ayguli = dossier('ayguli-junior');
    ayguli.publicity.endDate = ayguli.publicity.startDate;
    const res = await postJson(app, '/v1/forms/publicity-notice/pdf', ayguli);
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expectErrorShape(body, 422, 'PUBLICITY_TOO_SHORT');
    expect(body.details[0].path).toMatch(/^\/publicity/);
  });

  it('answers a character no font can print with 422 GLYPH_MISSING naming the field and code point', async () => {
    const ayguli = dossier('ayguli-junior');
    ayguli.workSummary = '任现职以来\u{1F600}';
    const res = await postJson(app, '/v1/forms/pledge/pdf', ayguli);
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expectErrorShape(body, 422, 'GLYPH_MISSING');
    expect(body.details).toHaveLength(1);
    expect(body.details[0].path).toBe('/workSummary');
    expect(body.details[0].messageEn).toContain('U+1F600');
  }, 30_000);
});

describe('query options', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await makeApp({}, { forms: [noteForm], render: { renderDocument: fakeRender } });
  });
  afterAll(() => app.close());

  it("validates the query with the form's options schema: 422 at /query/copies", async () => {
    const res = await postJson(app, '/v1/forms/test-note/docx?copies=3', { text: '你好' });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expectErrorShape(body, 422, 'VALIDATION_FAILED');
    expect((body.details as Json[]).map((detail) => detail.path)).toEqual(['/query/copies']);
  });

  it('passes valid options to the build', async () => {
    const one = await postJson(app, '/v1/forms/test-note/docx?copies=1', { text: '你好' });
    const two = await postJson(app, '/v1/forms/test-note/docx?copies=2', { text: '你好' });
    expect(one.statusCode).toBe(200);
    expect(JSON.parse(one.body).copies).toBe(1);
    expect(JSON.parse(two.body).copies).toBe(2);
  });

  it('names the file from form.fileName, with a plain form-id fallback when there is no ID number', async () => {
    const res = await postJson(app, '/v1/forms/test-note/docx', { text: '你好' });
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="test-note.docx"; filename*=UTF-8''${encodeURIComponent('测试便笺-你好.docx')}`,
    );
  });
});
