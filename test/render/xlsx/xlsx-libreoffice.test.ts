/** Round trip through LibreOffice: ID numbers print as typed, never as 6.52801E+17. */
import { describe, expect, it } from 'vitest';
import type { Document } from '../../../src/document/model.js';
import { renderXlsx } from '../../../src/render/xlsx/index.js';
import { officeToPdfText } from '../../helpers/office-tools.js';

const cell = (text: string) => ({ paragraphs: [{ runs: [{ text }] }] });

const doc: Document = {
  meta: { title: '花名册', createdAt: new Date('2024-09-04T08:30:00Z') },
  page: { size: 'A4', orientation: 'landscape', margins: { top: 20, bottom: 20, inner: 20, outer: 15 } },
  base: { font: 'song', size: 11, lineHeight: 18 },
  pageNumbers: 'of-total',
  blocks: [
    { type: 'heading', level: 0, runs: [{ text: '档案系列职称申报人员花名册' }] },
    {
      type: 'table',
      columns: [1, 2, 3],
      headerRows: 1,
      rows: [
        {
          cells: [
            { label: true, ...cell('姓名') },
            { label: true, ...cell('身份证号') },
            { label: true, ...cell('参加工作时间') },
          ],
        },
        {
          cells: [
            cell('阿依古丽·买买提'),
            cell('652801198503120020'),
            { value: new Date(Date.UTC(2008, 6, 1)), numFmt: 'yyyy-mm', ...cell('2008年7月') },
          ],
        },
        { cells: [cell('巴特尔'), cell('65280119900101001X'), cell('无')] },
      ],
    },
  ],
};

describe('renderXlsx through LibreOffice', () => {
  it('prints the ID numbers digit for digit and the CJK text', { timeout: 120_000 }, async () => {
    const { text } = await officeToPdfText(await renderXlsx(doc), 'xlsx');
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain('652801198503120020');
    expect(flat).toContain('65280119900101001X');
    expect(flat).not.toMatch(/E\+17/);
    expect(flat).toContain('阿依古丽·买买提');
    expect(flat).toContain('档案系列职称申报人员花名册');
    expect(flat).toContain('2008-07');
  });
});
