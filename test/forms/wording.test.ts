/**
 * The wording is the templates': an operator's edit shows up without a code
 * change, and whatever free text the dossier carries is printed as given.
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { clearTemplateCache } from '../../src/text/index.js';
import { pledgeForm } from '../../src/forms/pledge/index.js';
import { publicityNoticeForm } from '../../src/forms/publicity-notice/index.js';
import { politicalAppraisalForm } from '../../src/forms/political-appraisal/index.js';
import { ceExemptionForm } from '../../src/forms/ce-exemption/index.js';
import { CTX, loadDossier, modelText, squeeze } from './model-walk.js';

afterEach(() => {
  delete process.env.TEMPLATES_DIR;
  clearTemplateCache();
});

describe('template wording', () => {
  it('an edited template in TEMPLATES_DIR changes the printed wording', () => {
    const dir = mkdtempSync(join(tmpdir(), 'templates-'));
    cpSync(join(import.meta.dirname, '..', '..', 'templates'), dir, { recursive: true });
    writeFileSync(
      join(dir, 'pledge', 'body.hbs'),
      '本人{{name}}郑重承诺：所填内容真实有效。\n\n如有不实，自愿承担相应责任。\n',
    );
    process.env.TEMPLATES_DIR = dir;
    clearTemplateCache();
    const doc = pledgeForm.build(loadDossier('zhang-yue-intermediate'), CTX);
    const text = modelText(doc);
    expect(text).toContain('本人张玥郑重承诺：所填内容真实有效。');
    expect(text).not.toContain('不予受理确认申报');
    // Two paragraphs in the template → two indented body paragraphs.
    expect(doc.blocks.filter((b) => b.type === 'paragraph' && b.firstLineIndent === 2)).toHaveLength(2);
  });

  it('a template naming a field the form does not supply is an error, not a blank', () => {
    const dir = mkdtempSync(join(tmpdir(), 'templates-'));
    cpSync(join(import.meta.dirname, '..', '..', 'templates'), dir, { recursive: true });
    writeFileSync(join(dir, 'pledge', 'body.hbs'), '本人{{nmae}}承诺。');
    process.env.TEMPLATES_DIR = dir;
    clearTemplateCache();
    expect(() => pledgeForm.build(loadDossier('bater-initial'), CTX)).toThrow(/nmae/);
  });
});

/** Free text as a unit might type it: CJK, punctuation, digits, Latin, the name dot. */
const freeText = fc
  .array(fc.constantFrom(...'档案工作认真负责，遵纪守法。“访惠聚”驻村（2019—2021年）ABC·123%&<>'.split('')), {
    minLength: 1,
    maxLength: 120,
  })
  .map((chars) => chars.join(''))
  .filter((text) => text.trim() !== '');

describe('free text is printed as given', () => {
  it('publicity summaries, appraisal and exemption reason', () => {
    const base = loadDossier('ayguli-junior');
    fc.assert(
      fc.property(freeText, freeText, freeText, freeText, (political, achievement, appraisal, reason) => {
        const dossier = {
          ...base,
          publicity: { ...base.publicity, politicalSummary: political, achievementSummary: achievement },
          politicalAppraisal: appraisal,
          ceExemption: { category: '访惠聚驻村', reason },
        };
        const notice = modelText(publicityNoticeForm.build(dossier, CTX));
        expect(notice).toContain(squeeze(`思想政治条件：${political}`));
        expect(notice).toContain(squeeze(`业绩成果：${achievement}`));
        expect(modelText(politicalAppraisalForm.build(dossier, CTX))).toContain(squeeze(appraisal));
        expect(modelText(ceExemptionForm.build(dossier, CTX))).toContain(squeeze(reason));
      }),
      { numRuns: 60 },
    );
  });
});
