/**
 * Whatever free text a dossier carries, the model prints every character of it
 * (or 无 when it is blank), and the build never throws on valid input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DossierSchema } from '../../../src/domain/dossier.js';
import { reviewForm } from '../../../src/forms/review-form/index.js';
import { allText, context, rawFixture } from './fixtures.js';

const squash = (s: string) => s.replace(/\s+/g, '');
const freeText = fc.string({
  unit: fc.constantFrom(...Array.from('档案馆员整理数字化，。、；：“”（）《》—…·0123456789abcXYZ%玥堃𠮷 ')),
  maxLength: 80,
});

describe('review-form model (property)', () => {
  it('prints every character of achievements, papers, awards and the summary', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ title: freeText, content: freeText, role: freeText, result: freeText }), { maxLength: 6 }),
        fc.array(fc.record({ title: freeText, journal: freeText, role: freeText }), { maxLength: 3 }),
        fc.array(fc.record({ name: freeText, issuer: freeText }), { maxLength: 3 }),
        fc.array(freeText, { maxLength: 4 }),
        (achievements, papers, awards, summary) => {
          const raw = rawFixture('zhang-yue-intermediate');
          raw.achievements = achievements.map((a) => ({ from: '2020-01', to: '2021-06', ...a }));
          raw.papers = papers.map((p) => ({ publishedOn: '2022-05', ...p }));
          raw.awards = awards.map((a) => ({ awardedOn: '2022-12', ...a }));
          raw.workSummary = summary.join('\n');
          const parsed = DossierSchema.safeParse(raw);
          fc.pre(parsed.success);
          if (!parsed.success) return;
          const text = squash(allText(reviewForm.build(parsed.data, context())));
          const fields = [
            ...achievements.flatMap((a) => [a.title, a.content, a.role, a.result]),
            ...papers.flatMap((p) => [p.title, p.journal, p.role]),
            ...awards.flatMap((a) => [a.name, a.issuer]),
            ...summary,
          ];
          for (const field of fields) expect(text).toContain(squash(field) === '' ? '无' : squash(field));
        },
      ),
      { numRuns: 150 },
    );
  });
});
