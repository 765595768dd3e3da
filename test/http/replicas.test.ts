/**
 * Many replicas: nothing is kept between requests, so any replica answers any
 * request; what they must share is the verification secret. Production refuses
 * to start without one, and a rotated secret keeps verifying older codes.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { dossier, fakeRender, makeApp, postJson } from './helpers.js';

async function issueCode(app: FastifyInstance): Promise<string> {
  const res = await postJson(app, '/v1/forms/review-form/pdf?copies=1', dossier('zhang-yue-intermediate'));
  expect(res.statusCode).toBe(200);
  const qrText: string = res.json().pageMark.qrText;
  expect(qrText).toMatch(/^\/v1\/verify\//);
  return qrText;
}

describe('two replicas with one secret', () => {
  const apps: FastifyInstance[] = [];
  beforeAll(async () => {
    for (let i = 0; i < 2; i += 1) {
      apps.push(await makeApp({ VERIFY_SECRET: 'shared replica secret' }, { render: { renderDocument: fakeRender } }));
    }
  });
  afterAll(() => Promise.all(apps.map((app) => app.close())));

  it('verifies on one replica a code issued by the other, both ways', async () => {
    const [a, b] = apps as [FastifyInstance, FastifyInstance];
    for (const [issuer, checker] of [
      [a, b],
      [b, a],
    ] as const) {
      const url = await issueCode(issuer);
      const check = await checker.inject(url);
      expect(check.statusCode).toBe(200);
      expect(check.json()).toMatchObject({ valid: true, form: 'review-form' });
    }
  });

  it('keeps verifying codes of the previous secret after a rotation, and only while it is configured', async () => {
    const url = await issueCode(apps[0] as FastifyInstance);
    const rotated = await makeApp(
      { VERIFY_SECRET: 'the new secret', VERIFY_SECRET_PREVIOUS: 'shared replica secret' },
      { render: { renderDocument: fakeRender } },
    );
    const forgotten = await makeApp({ VERIFY_SECRET: 'the new secret' }, { render: { renderDocument: fakeRender } });
    try {
      expect((await rotated.inject(url)).json()).toMatchObject({ valid: true });
      expect((await forgotten.inject(url)).json()).toEqual({ valid: false });
      // New codes are signed with the new secret.
      const fresh = await issueCode(rotated);
      expect((await forgotten.inject(fresh)).json()).toMatchObject({ valid: true });
      expect((await apps[0]?.inject(fresh))?.json()).toEqual({ valid: false });
    } finally {
      await rotated.close();
      await forgotten.close();
    }
  });
});

describe('production settings', () => {
  it('refuses to start without VERIFY_SECRET when NODE_ENV=production, naming the variable', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/VERIFY_SECRET/);
    expect(loadConfig({ NODE_ENV: 'production', VERIFY_SECRET: 'set' }).VERIFY_SECRET).toBe('set');
    expect(loadConfig({}).VERIFY_SECRET).toBeUndefined();
  });
});
