import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasValidCheckChar, idCheckChar, idGender } from '../../src/domain/id-number.js';

const seventeenDigits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 17, maxLength: 17 }).map((d) => d.join(''));
const CHECK_CHARS = '0123456789X'.split('');

describe('GB 11643 check character', () => {
  it('matches the standard examples', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(idCheckChar('44052418800101001')).toBe('4');
    expect(idGender('11010519491231002X')).toBe('女');
  });

  it('accepts any 17 digits with the computed check character', () => {
    fc.assert(fc.property(seventeenDigits, (d) => hasValidCheckChar(d + idCheckChar(d))));
  });

  it('rejects every other check character', () => {
    fc.assert(
      fc.property(seventeenDigits, fc.constantFrom(...CHECK_CHARS), (d, c) => {
        fc.pre(c !== idCheckChar(d));
        return !hasValidCheckChar(d + c);
      }),
    );
  });

  it('catches any single changed digit', () => {
    fc.assert(
      fc.property(seventeenDigits, fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (d, pos, delta) => {
        const id = d + idCheckChar(d);
        const changed = id.slice(0, pos) + String((Number(id[pos]) + delta) % 10) + id.slice(pos + 1);
        return !hasValidCheckChar(changed);
      }),
    );
  });
});
