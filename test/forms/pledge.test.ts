import { describe, expect, it } from 'vitest';
import { formatChineseDate } from '../../src/domain/dates.js';
import { pledgeForm } from '../../src/forms/pledge/index.js';
import { DossierSchema } from '../../src/domain/dossier.js';
import { GBT9704_LINE_PITCH, GBT9704_PAGE } from '../../src/document/model.js';
import { CTX, FIXTURE_NAMES, loadDossier, missingValues, modelText } from './model-walk.js';

describe('pledge (附件3 个人承诺书)', () => {
  for (const name of FIXTURE_NAMES) {
    it(`builds for ${name} and prints the name, the pledge and the date`, () => {
      const dossier = loadDossier(name);
      const doc = pledgeForm.build(dossier, CTX);
      expect(missingValues(doc, [dossier.applicant.name, formatChineseDate(dossier.signedOn)])).toEqual([]);
      const text = modelText(doc);
      expect(text).toContain('附件3');
      expect(text).toContain('个人承诺书');
      expect(text).toContain('不予受理确认申报或取消已确认的资格');
      expect(text).toContain(`承诺人：${dossier.applicant.name}`);
      expect(text).toContain('签字：');
      expect(text).toContain('按手印：');
      expect(doc.meta.createdAt).toEqual(CTX.now);
    });
  }

  it('uses the GB/T 9704 page: 仿宋 三号 body on a 28.95 pt pitch', () => {
    const doc = pledgeForm.build(loadDossier('ayguli-junior'), CTX);
    expect(doc.page).toEqual(GBT9704_PAGE);
    expect(doc.base).toEqual({ font: 'fangsong', size: 16, lineHeight: GBT9704_LINE_PITCH });
    const heading = doc.blocks.find((b) => b.type === 'heading');
    expect(heading && heading.type === 'heading' && heading.level).toBe(0);
    const body = doc.blocks.find((b) => b.type === 'paragraph' && b.firstLineIndent === 2);
    expect(body).toBeDefined();
  });

  it('leaves signing and thumbprint spaces blank', () => {
    const doc = pledgeForm.build(loadDossier('ayguli-junior'), CTX);
    const sig = doc.blocks.find((b) => b.type === 'signature');
    expect(sig?.type).toBe('signature');
    if (sig?.type !== 'signature') return;
    expect(sig.lines.find((l) => l.text === '签字：')?.blank).toBeGreaterThan(0);
    expect(sig.lines.find((l) => l.text === '按手印：')?.blank).toBeGreaterThan(0);
  });

  it('names the file in readable Chinese and has a valid sample', () => {
    const sample = DossierSchema.parse(pledgeForm.sample());
    expect(pledgeForm.fileName(sample)).toBe('附件3-个人承诺书-阿依古丽·买买提');
  });
});
