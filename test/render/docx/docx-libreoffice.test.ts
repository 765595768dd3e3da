/**
 * Round trip through LibreOffice: the DOCX opens, converts to PDF, and every
 * text value comes through. Slow (a few seconds): one conversion for DOCX.
 */
import { describe, expect, it } from 'vitest';
import type { Document } from '../../../src/document/model.js';
import { renderDocx } from '../../../src/render/docx/index.js';
import { officeToPdfText } from '../../helpers/office-tools.js';
import { form, notice } from './models.js';

/** pdftotext spreads justified CJK lines with spaces; compare without whitespace. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

const combined: Document = {
  ...notice,
  blocks: [
    ...notice.blocks,
    { type: 'pageBreak' },
    form,
    { type: 'qr', text: 'https://example.org/v/ABC', size: 20, caption: '扫码核验' },
  ],
};

describe('renderDocx through LibreOffice', () => {
  it('converts to PDF with every text value, the table, page numbers and two pages', { timeout: 120_000 }, async () => {
    const { text, pages } = await officeToPdfText(await renderDocx(combined), 'docx');
    const flat = squeeze(text);
    for (const value of [
      '关于阿依古丽·买买提同志申报馆员的公示',
      '阿依古丽·买买提',
      '公示期：5个工作日',
      '一、基本情况',
      '身份证号652801198503120020。',
      '巴州档案局（公章）',
      '联系人：',
      '2024年9月4日',
      '表1基本情况',
      '张悦',
      '65280119900101001X',
      '2012年7月至今库尔勒市档案馆',
      '扫码核验',
    ]) {
      expect(flat, value).toContain(value);
    }
    expect(pages).toBe(2);
    expect(text).toMatch(/—\s*1\s*—/);
    expect(text).toMatch(/—\s*2\s*—/);
  });
});
