import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSigner, signerFromConfig, shortCode, contentDigest, canonicalJson } from '../../src/verify/index.js';
import { base32 } from '../../src/verify/base32.js';

const claims = {
  form: 'review-form',
  name: '阿依古丽·买买提',
  idNumber: '652801198503120020',
  contentDigest: contentDigest({ applicant: { name: '阿依古丽·买买提' } }),
  issuedAt: new Date('2024-09-20T02:30:00Z'),
};

const BASE64URL_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

describe('createSigner', () => {
  const signer = createSigner('a test secret that is long enough');

  it('round-trips: a signed code verifies to its serial, form, masked name and issue time', () => {
    const { serial, code } = signer.sign(claims);
    expect(serial).toMatch(/^RF-2024-[A-Z2-7]{8}$/);
    expect(code).toMatch(/^[A-Za-z0-9_-]+$/);
    const result = signer.verify(code);
    expect(result.valid).toBe(true);
    if (!result.valid) return;
    expect(result.serial).toBe(serial);
    expect(result.form).toBe('review-form');
    expect(result.issuedAt.toISOString()).toBe('2024-09-20T02:30:00.000Z');
    expect(result.name.length).toBeGreaterThan(0);
  });

  it('keeps codes short enough for a small QR and a URL segment', () => {
    expect(signer.sign(claims).code.length).toBeLessThanOrEqual(100);
  });

  it('is deterministic: same claims and time give the same serial and code', () => {
    expect(signer.sign(claims)).toEqual(signer.sign({ ...claims }));
  });

  it('gives another serial when any claim changes', () => {
    const base = signer.sign(claims).serial;
    const variants = [
      { ...claims, name: '张玥' },
      { ...claims, idNumber: '652824198811020640' },
      { ...claims, contentDigest: contentDigest({ other: 1 }) },
      { ...claims, issuedAt: new Date('2024-09-20T02:30:01Z') },
      { ...claims, form: 'review-forms' },
    ];
    for (const variant of variants) expect(signer.sign(variant).serial).not.toBe(base);
  });

  it('names the serial year in Beijing time', () => {
    const { serial } = signer.sign({ ...claims, issuedAt: new Date('2024-12-31T17:00:00Z') });
    expect(serial).toMatch(/^RF-2025-/);
  });

  it('never carries the full name or the ID number', () => {
    for (const name of ['阿依古丽·买买提', '张玥', '巴特尔', '欧阳娜娜']) {
      const { code } = signer.sign({ ...claims, name });
      const result = signer.verify(code);
      expect(result.valid).toBe(true);
      if (!result.valid) continue;
      expect(result.name).not.toBe(name);
      expect(result.name.includes(name)).toBe(false);
      const decoded = Buffer.from(code, 'base64url').toString('latin1');
      expect(decoded.includes(Buffer.from(name).toString('latin1'))).toBe(false);
      expect(decoded.includes(claims.idNumber)).toBe(false);
    }
  });

  it('never shows a whole name, whatever its length (property)', () => {
    const han = fc.constantFrom(...Array.from('张王李赵阿依古丽买提巴特尔欧阳娜玥堃赟喆𠮷'));
    const part = fc.array(han, { minLength: 1, maxLength: 8 }).map((chars) => chars.join(''));
    const name = fc.array(part, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('·'));
    fc.assert(
      fc.property(name, (full) => {
        const result = signer.verify(signer.sign({ ...claims, name: full }).code);
        expect(result.valid).toBe(true);
        if (result.valid) expect(result.name.includes(full)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects a code signed with another secret', () => {
    const other = createSigner(new Uint8Array(32).fill(7));
    expect(other.verify(signer.sign(claims).code)).toEqual({ valid: false });
  });

  it('rejects every single-character change anywhere in the code', () => {
    const { code } = signer.sign(claims);
    for (let i = 0; i < code.length; i++) {
      for (const replacement of BASE64URL_CHARS) {
        if (replacement === code[i]) continue;
        const tampered = code.slice(0, i) + replacement + code.slice(i + 1);
        expect(signer.verify(tampered), `position ${i} → ${replacement}`).toEqual({ valid: false });
      }
    }
  });

  it('rejects truncated, extended, empty and garbage codes', () => {
    const { code } = signer.sign(claims);
    for (let n = 0; n < code.length; n++) expect(signer.verify(code.slice(0, n))).toEqual({ valid: false });
    for (const bad of [
      `${code}A`,
      `${code}=`,
      `${code}==`,
      ` ${code}`,
      code.toUpperCase(),
      'x'.repeat(100_000),
      '验证码',
      '%00',
      '\u0000',
    ]) {
      expect(signer.verify(bad)).toEqual({ valid: false });
    }
  });

  it('never throws, whatever the input (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'grapheme' }),
          fc.base64String(),
          fc.stringMatching(/^[A-Za-z0-9_-]{0,120}$/),
        ),
        (text) => {
          const result = signer.verify(text);
          expect(result).toEqual({ valid: false });
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('never throws on random bytes encoded like a code (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 120 }), (bytes) => {
        expect(signer.verify(Buffer.from(bytes).toString('base64url'))).toEqual({ valid: false });
      }),
      { numRuns: 2000 },
    );
  });

  it('tolerates non-string input at run time', () => {
    expect(signer.verify(undefined as unknown as string)).toEqual({ valid: false });
    expect(signer.verify(42 as unknown as string)).toEqual({ valid: false });
  });

  it('refuses an empty secret', () => {
    expect(() => createSigner('')).toThrow();
    expect(() => createSigner(new Uint8Array())).toThrow();
  });
});

describe('shortCode', () => {
  it('is 8 base32 characters of the tag, grouped, and differs between codes', () => {
    const signer = createSigner('k');
    const a = shortCode(signer.sign(claims).code);
    const b = shortCode(signer.sign({ ...claims, name: '张玥' }).code);
    expect(a).toMatch(/^[A-Z2-7]{4}-[A-Z2-7]{4}$/);
    expect(a).not.toBe(b);
    expect(shortCode('!!')).toBe('');
  });
});

describe('signerFromConfig', () => {
  it('uses the configured secret: two signers with it agree', () => {
    const a = signerFromConfig('configured secret');
    const b = signerFromConfig('configured secret');
    expect(b.verify(a.sign(claims).code).valid).toBe(true);
  });

  it('makes a random secret and warns when none is configured', () => {
    const warnings: string[] = [];
    const log = { warn: (message: string) => warnings.push(message) };
    const a = signerFromConfig(undefined, log);
    const b = signerFromConfig('', log);
    expect(warnings).toHaveLength(2);
    expect(a.verify(a.sign(claims).code).valid).toBe(true);
    expect(b.verify(a.sign(claims).code)).toEqual({ valid: false });
  });
});

describe('digests', () => {
  it('canonical JSON ignores key order but not values', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 0 }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[2,{"x":0,"y":1}]},"b":1}',
    );
    expect(contentDigest({ a: 1, b: 2 })).toBe(contentDigest({ b: 2, a: 1 }));
    expect(contentDigest({ a: 1 })).not.toBe(contentDigest({ a: 2 }));
    expect(contentDigest({})).toMatch(/^[0-9a-f]{64}$/);
  });

  it('base32 follows RFC 4648 test vectors', () => {
    const enc = (s: string) => base32(new TextEncoder().encode(s));
    expect(enc('')).toBe('');
    expect(enc('f')).toBe('MY');
    expect(enc('fo')).toBe('MZXQ');
    expect(enc('foo')).toBe('MZXW6');
    expect(enc('foob')).toBe('MZXW6YQ');
    expect(enc('fooba')).toBe('MZXW6YTB');
    expect(enc('foobar')).toBe('MZXW6YTBOI');
  });
});
