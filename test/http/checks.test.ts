import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FINDING_CODES } from '../../src/domain/checks.js';
import { dossier, expectErrorShape, fakeRender, makeApp, postJson, type Json } from './helpers.js';

describe('POST /v1/checks', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await makeApp({}, { render: { renderDocument: fakeRender } });
  });
  afterAll(() => app.close());

  it.each([['ayguli-junior'], ['bater-initial'], ['zhang-yue-intermediate']] as const)(
    'checks the %s dossier: findings with paths and severities, and a matching summary',
    async (name) => {
      const res = await postJson(app, '/v1/checks', dossier(name));
      expect(res.statusCode).toBe(200);
      const body = res.json() as { findings: Json[]; summary: Json };
      for (const finding of body.findings) {
        expect(finding.path).toMatch(/^(\/[^/]+)*$/);
        expect(['error', 'warning', 'info']).toContain(finding.severity);
        expect(FINDING_CODES as readonly string[]).toContain(finding.code);
        expect(finding.message).toMatch(/[\u4e00-\u9fff]/);
        expect(typeof finding.messageEn).toBe('string');
      }
      const count = (severity: string) => body.findings.filter((finding) => finding.severity === severity).length;
      expect(body.summary).toEqual({ errors: count('error'), warnings: count('warning'), infos: count('info') });
    },
  );

  it('reports a rule the dossier breaks as a finding at its path', async () => {
    const ayguli = dossier('ayguli-junior');
    ayguli.publicity.endDate = ayguli.publicity.startDate;
    const res = await postJson(app, '/v1/checks', ayguli);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { findings: Json[]; summary: Json };
    expect(body.findings.some((finding) => finding.path.startsWith('/publicity'))).toBe(true);
    expect(body.summary.errors + body.summary.warnings).toBeGreaterThan(0);
  });

  it('answers an invalid dossier with 422 and every problem', async () => {
    const ayguli = dossier('ayguli-junior');
    ayguli.applicant.gender = '男';
    delete ayguli.recommendingUnit;
    const res = await postJson(app, '/v1/checks', ayguli);
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expectErrorShape(body, 422, 'VALIDATION_FAILED');
    const paths = (body.details as Json[]).map((detail) => detail.path);
    expect(paths).toContain('/applicant/gender');
    expect(paths.some((path) => path.startsWith('/recommendingUnit'))).toBe(true);
  });

  it('answers malformed JSON with 400 and a non-JSON body with 415', async () => {
    const malformed = await postJson(app, '/v1/checks', '{');
    expect(malformed.statusCode).toBe(400);
    expectErrorShape(malformed.json(), 400, 'MALFORMED_JSON');
    // A hand-edited file: the answer says where it stops being JSON (a comma missing at line 4, column 3).
    const missingComma = await postJson(app, '/v1/checks', '{\n  "a": 1,\n  "b": 2\n  "c": 3\n}');
    expect(missingComma.statusCode).toBe(400);
    expect(missingComma.json().message).toContain('第 4 行第 3 列');
    expect(missingComma.json().message).toContain('line 4, column 3');
    // Prototype poisoning is still refused by fastify's own parser.
    const poisoned = await postJson(app, '/v1/checks', '{"__proto__": {"polluted": 1}}');
    expect(poisoned.statusCode).toBe(400);
    const text = await app.inject({
      method: 'POST',
      url: '/v1/checks',
      headers: { 'content-type': 'text/plain' },
      payload: 'x',
    });
    expect(text.statusCode).toBe(415);
    expectErrorShape(text.json(), 415, 'UNSUPPORTED_MEDIA_TYPE');
  });
});
