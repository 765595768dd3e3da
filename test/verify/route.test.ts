import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import verifyRoutes from '../../src/http/routes/verify.js';
import { createSigner, shortCode } from '../../src/verify/index.js';

const signer = createSigner('route test secret');
const issued = signer.sign({
  form: 'review-form',
  name: '张玥',
  idNumber: '652824198811020640',
  contentDigest: 'ab'.repeat(32),
  issuedAt: new Date('2024-09-20T08:00:00Z'),
});

describe('GET /v1/verify/:code', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = Fastify();
    await app.register(verifyRoutes, { signer });
    await app.ready();
  });
  afterAll(() => app.close());

  it('answers a valid code with its serial, form, masked name and ISO issue time', async () => {
    const res = await app.inject({ method: 'GET', url: `/v1/verify/${issued.code}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    const body = res.json();
    expect(body).toEqual({
      valid: true,
      serial: issued.serial,
      form: 'review-form',
      name: expect.any(String),
      issuedAt: '2024-09-20T08:00:00.000Z',
      shortCode: shortCode(issued.code),
    });
    expect(body.name).not.toContain('张玥');
  });

  it("verifies a valid code longer than the router's parameter length limit", async () => {
    const long = signer.sign({
      form: 'review-form-with-a-much-longer-identifier',
      name: '阿卜杜热合曼·买买提依明·艾合买提江·阿不都热西提·吐尔逊',
      idNumber: '652824198811020640',
      contentDigest: 'cd'.repeat(32),
      issuedAt: new Date('2024-09-20T08:00:00Z'),
    });
    expect(long.code.length).toBeGreaterThan(100);
    const res = await app.inject({ method: 'GET', url: `/v1/verify/${long.code}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ valid: true, serial: long.serial });
  });

  it('answers the short 验证码 typed in place of the code with why it cannot be checked alone', async () => {
    const short = shortCode(issued.code);
    for (const typed of [short, short.replace('-', ''), short.toLowerCase()]) {
      const res = await app.inject({ method: 'GET', url: `/v1/verify/${typed}` });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ valid: false, message: expect.stringContaining('验证码') });
      expect(res.json().messageEn).toContain('cannot be checked on its own');
    }
  });

  it('answers a tampered code with { valid: false }', async () => {
    const flipped = issued.code.slice(0, 10) + (issued.code[10] === 'A' ? 'B' : 'A') + issued.code.slice(11);
    const res = await app.inject({ method: 'GET', url: `/v1/verify/${flipped}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ valid: false });
  });

  it.each([
    ['garbage', 'not-a-code'],
    ['percent-encoded Chinese', encodeURIComponent('验证码')],
    ['a very long code', 'A'.repeat(5000)],
    ['a long code with slashes', `${issued.code}/${'x'.repeat(300)}`],
  ])('answers %s with 200 { valid: false }, never 5xx', async (_label, code) => {
    const res = await app.inject({ method: 'GET', url: `/v1/verify/${code}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ valid: false });
  });
});
