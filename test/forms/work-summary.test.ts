/**
 * 任现职以来个人业务技术总结 (catalogue item 7): the applicant's text on a GB/T
 * 9704 page with the title facts, room to sign and the date, and — blind
 * review (通知五（一）14) — neither the name nor the unit anywhere in the
 * document, its metadata included.
 */
import { describe, expect, it } from 'vitest';
import { formatChineseDate } from '../../src/domain/dates.js';
import { GBT9704_PAGE } from '../../src/document/model.js';
import { render } from '../../src/render/index.js';
import { workSummaryForm } from '../../src/forms/work-summary/index.js';
import { unzipParts } from '../helpers/office-tools.js';
import { compact, pdfInfo, pdfText } from '../helpers/pdf-tools.js';
import { CTX, FIXTURE_NAMES, loadDossier, modelText } from './model-walk.js';

describe('work-summary (任现职以来个人业务技术总结)', () => {
  for (const name of FIXTURE_NAMES) {
    it(`builds for ${name} without the applicant's name or unit, with a signature line and the date`, () => {
      const dossier = loadDossier(name);
      const doc = workSummaryForm.build(dossier, CTX);
      const text = modelText(doc);
      expect(text).toContain('任现职以来个人业务技术总结');
      expect(text).toContain(`拟评审职称：${dossier.application.targetTitle}`);
      expect(text).not.toContain(dossier.applicant.name);
      expect(text).not.toContain(dossier.applicant.employer);
      expect(text).not.toContain(dossier.recommendingUnit.name);
      expect(JSON.stringify(doc.meta)).not.toContain(dossier.applicant.name);
      const signature = doc.blocks.find((block) => block.type === 'signature');
      if (signature?.type !== 'signature') throw new Error('no signature block');
      expect(signature.lines[0]).toEqual({ text: '本人签字：', blank: 6 });
      expect(signature.lines.map((line) => line.text)).toContain(formatChineseDate(dossier.signedOn));
      expect(doc.page).toEqual(GBT9704_PAGE);
      expect(doc.pageNumbers).toBe('dash');
    });
  }

  it('sets each line of the summary as its own indented paragraph', () => {
    const dossier = { ...loadDossier('zhang-yue-intermediate'), workSummary: '第一段。\n第二段。\n\n第三段。' };
    const doc = workSummaryForm.build(dossier, CTX);
    const body = doc.blocks.filter((block) => block.type === 'paragraph' && block.firstLineIndent === 2);
    expect(body.map((block) => (block.type === 'paragraph' ? block.runs.map((r) => r.text).join('') : ''))).toEqual([
      '第一段。',
      '第二段。',
      '第三段。',
    ]);
  });

  it('leaves a marked box to write in when the dossier has no summary (巴特尔)', () => {
    const dossier = loadDossier('bater-initial');
    expect(dossier.workSummary).toBe('');
    const doc = workSummaryForm.build(dossier, CTX);
    const box = doc.blocks.find((block) => block.type === 'table');
    expect(box?.type === 'table' && box.rows[0]?.cells[0]?.space).toBe('handwriting');
  });

  it('prints as a PDF whose text holds the summary and no name, the signature on the last page', async () => {
    for (const name of ['zhang-yue-intermediate', 'bater-initial'] as const) {
      const dossier = loadDossier(name);
      const { bytes } = await render(workSummaryForm.build(dossier, CTX), 'pdf');
      const text = compact(await pdfText(bytes));
      expect(text).not.toContain(dossier.applicant.name);
      expect(text).toContain(compact(dossier.workSummary.slice(0, 20)));
      const { pages } = await pdfInfo(bytes);
      expect(pages).toBe(1);
      expect(compact(await pdfText(bytes, { first: pages, last: pages }))).toContain('本人签字');
    }
  }, 60_000);

  it('prints as a DOCX with the summary and no name in the text or the document properties', async () => {
    const dossier = loadDossier('zhang-yue-intermediate');
    const { bytes } = await render(workSummaryForm.build(dossier, CTX), 'docx');
    const parts = unzipParts(bytes);
    const xml = [...parts.values()].map((part) => new TextDecoder().decode(part)).join('');
    expect(xml).toContain('任现职以来个人业务技术总结');
    expect(xml).not.toContain(dossier.applicant.name);
  });

  it('names the file for staff (the file name is not part of the document)', () => {
    expect(workSummaryForm.fileName(loadDossier('zhang-yue-intermediate'))).toBe('任现职以来个人业务技术总结-张玥');
  });
});
