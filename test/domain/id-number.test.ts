import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasValidCheckChar, idCheckChar, idGender } from '../../src/domain/id-number.js';

const seventeenDigits = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 17, maxLength: 17 })
  .map((d) => d.join(''));
const CHECK_CHARS = '0123456789X'.split('');

describe('GB 11643 check character', () => {
  it('matches the standard examples', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(idCheckChar('44052418800101001')).toBe('4');
    expect(idGender('11010519491231002X')).toBe('女');
  });

  it('maps every residue as GB 11643 tabulates it (0→1, 1→0, 2→X, 3→9 … 10→2)', () => {
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const table = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];
    const seen = new Set<number>();
    // Vary the last two digits of a real prefix until every residue mod 11 has occurred.
    for (let n = 0; n < 100 && seen.size < 11; n++) {
      const first17 = `652801198503120${String(n).padStart(2, '0')}`;
      const r = [...first17].reduce((sum, c, i) => sum + Number(c) * weights[i]!, 0) % 11;
      seen.add(r);
      expect(idCheckChar(first17)).toBe(table[r]);
    }
    expect(seen.size).toBe(11);
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
