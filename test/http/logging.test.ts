import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskPii } from '../../src/http/pii.js';
import { brokenForm, noteForm } from './fixtures/test-forms.js';
import { dossier, fakeRender, type Json, makeApp, postJson, rosterInput } from './helpers.js';
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

describe('logs of the kinds of requests the suite sends', () => {
  it("never carry the fixtures' ID numbers, phone numbers or names, from bodies, query strings or errors", async () => {
    const lines: string[] = [];
    const app = await makeApp(
      { LOG_LEVEL: 'trace', RATE_LIMIT_MAX: 10 },
      {
        forms: [...FORMS, noteForm, brokenForm],
        render: { renderDocument: fakeRender },
        logStream: { write: (line) => void lines.push(line) },
      },
    );
    const people = (['ayguli-junior', 'bater-initial', 'zhang-yue-intermediate'] as const).map(dossier);
    const secrets = people.flatMap((d) => [
      d.applicant.idNumber,
      d.applicant.phone,
      d.recommendingUnit.phone,
      d.applicant.name,
    ]);
    try {
      const [first, second] = people as [Json, Json];
      const { idNumber, phone, name } = first.applicant;
      const query = `id=${idNumber}&phone=${phone}&name=${encodeURIComponent(name)}`;
      const send = (url: string, body: unknown) => postJson(app, url, body);
      await send(`/v1/forms/pledge/pdf?${query}`, first); // unknown query options: 422
      await send('/v1/forms/review-form/pdf?copies=1', second);
      await send('/v1/checks', { ...first, workSumary: `${name} ${idNumber}` });
      await send('/v1/checks', { ...first, applicant: { ...first.applicant, idNumber: `${idNumber}0` } });
      await send('/v1/forms/roster/xlsx', rosterInput());
      await send('/v1/batches', rosterInput());
      await send('/v1/forms/pledge/pdf', `{"applicant":{"idNumber":"${idNumber}",`); // malformed JSON
      const broken = await send('/v1/forms/test-broken/docx', { text: name, idNumber });
      expect(broken.statusCode, broken.body).toBe(500);
      await app.inject(`/v1/verify/${idNumber}?phone=${phone}`);
      await app.inject(`/v1/nothing/${idNumber}?phone=${phone}`);
      await app.inject({ method: 'DELETE', url: `/v1/forms?id=${idNumber}` });
      await app.inject(`/v1/verify/%ff${phone}`);
      for (let i = 0; i < 6; i += 1) await app.inject(`/v1/forms/pledge?phone=${phone}`); // past the rate limit
    } finally {
      await app.close();
    }
    const log = lines.join('');
    expect(log).toContain('"statusCode":500');
    expect(log).toContain('"statusCode":429');
    expect(log).toContain('?id=*&phone=*&name=*'); // the query's keys stay, its values do not
    for (const secret of secrets) expect(log).not.toContain(secret);
    expect(log).not.toContain(encodeURIComponent(people[0]?.applicant.name));
  }, 60_000);
});

describe('maskPii', () => {
  it('masks 18-character ID numbers, mobile and landline numbers, and leaves other numbers', () => {
    expect(maskPii('id 65280119850312002X done')).toBe('id [id-number] done');
    expect(maskPii('call 13899001234 or 0996-2000000')).toBe('call [phone] or [phone]');
    expect(maskPii('took 1234 ms, port 3000, 2024-09-20')).toBe('took 1234 ms, port 3000, 2024-09-20');
  });
});
