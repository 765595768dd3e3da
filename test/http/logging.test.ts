import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskPii } from '../../src/http/pii.js';
import { brokenForm, noteForm } from './fixtures/test-forms.js';
import { dossier, fakeRender, makeApp, postJson } from './helpers.js';
import { FORMS } from '../../src/forms/registry.js';

describe('logs', () => {
  const lines: string[] = [];
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await makeApp(
      { LOG_LEVEL: 'trace' },
      {
        forms: [...FORMS, noteForm, brokenForm],
        render: { renderDocument: fakeRender },
        logStream: { write: (line) => void lines.push(line) },
      },
    );
  });
  afterAll(() => app.close());

  it('never contain ID numbers, phone numbers or bodies, whatever the outcome', async () => {
    const ayguli = dossier('ayguli-junior');
    await postJson(app, '/v1/forms/pledge/docx', ayguli);
    await postJson(app, '/v1/forms/pledge/docx', { ...ayguli, applicant: { ...ayguli.applicant, gender: '男' } });
    await postJson(app, '/v1/checks', ayguli);
    // The build of this form throws an error whose message carries an ID number.
    const failed = await postJson(app, '/v1/forms/test-broken/docx', {
      text: 'x',
      idNumber: ayguli.applicant.idNumber,
    });
    expect(failed.statusCode).toBe(500);

    const log = lines.join('');
    expect(log).toContain('"statusCode":500');
    expect(log).toContain('[id-number]'); // the cause is logged, masked
    expect(log).toContain(failed.headers['x-request-id']);
    expect(log).not.toContain(ayguli.applicant.idNumber);
    expect(log).not.toContain(ayguli.applicant.phone);
    expect(log).not.toContain(ayguli.recommendingUnit.phone);
    expect(log).not.toContain(ayguli.applicant.name);
  });
});

describe('maskPii', () => {
  it('masks 18-character ID numbers, mobile and landline numbers, and leaves other numbers', () => {
    expect(maskPii('id 65280119850312002X done')).toBe('id [id-number] done');
    expect(maskPii('call 13899001234 or 0996-2000000')).toBe('call [phone] or [phone]');
    expect(maskPii('took 1234 ms, port 3000, 2024-09-20')).toBe('took 1234 ms, port 3000, 2024-09-20');
  });
});
