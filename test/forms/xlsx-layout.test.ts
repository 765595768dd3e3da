/**
 * Spreadsheet layout of the forms: long text is never cut at Excel's 409 pt row
 * limit, and tables of different column counts keep their own proportions.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ceExemptionForm } from '../../src/forms/ce-exemption/index.js';
import { materialsCatalogueForm } from '../../src/forms/materials-catalogue/index.js';
import { renderXlsx } from '../../src/render/xlsx/index.js';
import { officeToPdfText } from '../helpers/office-tools.js';
import { CTX, loadDossier } from './model-walk.js';

async function sheet(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb.worksheets[0]!;
}

describe('XLSX layout of the forms', () => {
  it('shows a 3,500-character reason whole: the row becomes several merged sheet rows', {
    timeout: 90_000,
  }, async () => {
    const dossier = loadDossier('ayguli-junior');
    const reason = Array.from({ length: 120 }, (_, i) => `第${i + 1}段：驻村期间无法参加专业科目继续教育学习。`).join(
      '',
    );
    const bytes = await renderXlsx(
      ceExemptionForm.build({ ...dossier, ceExemption: { ...dossier.ceExemption!, reason } }, CTX),
    );
    const ws = await sheet(bytes);
    let heights = 0;
    ws.eachRow((row) => {
      expect(row.height ?? 0).toBeLessThanOrEqual(409);
      heights += row.height ?? 0;
    });
    expect(heights).toBeGreaterThan(409 * 2);
    const { text } = await officeToPdfText(bytes, 'xlsx');
    const printed = text.replace(/\s+/g, '');
    for (const n of [1, 60, 120]) expect(printed).toContain(`第${n}段`);
  });

  it('gives the 附件6 list its own proportions beside the 4-column header grid', async () => {
    const ws = await sheet(await renderXlsx(materialsCatalogueForm.build(loadDossier('zhang-yue-intermediate'), CTX)));
    const widths = Array.from({ length: ws.columnCount }, (_, i) => ws.getColumn(i + 1).width ?? 0);
    const total = widths.reduce((a, b) => a + b, 0);
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    let nameSpan = 0;
    ws.eachRow((row) =>
      row.eachCell((cell, c) => {
        // The first cell of the merged range holds the value (the others repeat it when read back).
        if (cell.value !== '现实表现政治鉴定（原件）' || nameSpan > 0) return;
        const merge = merges.find((m) => m.startsWith(`${cell.address}:`));
        const last = merge ? Number(ws.getCell(merge.split(':')[1]!).col) : c;
        nameSpan = widths.slice(c - 1, last).reduce((a, b) => a + b, 0);
      }),
    );
    // Declared 12 / 70 / 18: the name column takes about 70% of the width, not the header grid's 28%.
    expect(nameSpan / total).toBeGreaterThan(0.6);
  });
});
