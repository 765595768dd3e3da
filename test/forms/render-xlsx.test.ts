/**
 * Every form that offers XLSX renders for every fixture; the workbook reads
 * back with ExcelJS with all the model's text, ID numbers as text cells.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { rosterForm } from '../../src/forms/roster/index.js';
import { render } from '../../src/render/index.js';
import { buildCase, renderCases, textsMissingFrom } from './render-inputs.js';
import { bigRoster, CTX, modelText } from './model-walk.js';

async function readCells(bytes: Uint8Array): Promise<unknown[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const values: unknown[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((c) => {
        const v = c.value;
        if (v && typeof v === 'object' && 'richText' in v) values.push(v.richText.map((r) => r.text).join(''));
        else values.push(v);
      }),
    ),
  );
  return values;
}

function idNumbersOf(input: unknown): string[] {
  const x = input as { dossiers?: { applicant: { idNumber: string } }[]; applicant?: { idNumber: string } };
  return x.dossiers ? x.dossiers.map((d) => d.applicant.idNumber) : [x.applicant!.idNumber];
}

describe('forms as XLSX', () => {
  for (const { form, name, input } of renderCases('xlsx')) {
    it(`${form.id} (${name}) reads back with its text and ID numbers as text`, async () => {
      const doc = buildCase(form, input);
      const file = await render(doc, 'xlsx');
      const values = await readCells(file.bytes);
      const strings = values.filter((v): v is string => typeof v === 'string');
      // Typed values (序号, counts) come back as numbers; the model prints them as text.
      expect(textsMissingFrom(doc, values.map(String).join('|'))).toEqual([]);
      const printedIds = idNumbersOf(input).filter((id) => modelText(doc).includes(id));
      // An ID number is a line of a text cell of its own (the roster stacks the phone number under it).
      const lines = strings.flatMap((s) => s.split('\n'));
      for (const id of printedIds) expect(lines).toContain(id);
      // No ID number turned into a number (Excel keeps 15 digits).
      expect(values.filter((v) => typeof v === 'number' && v > 1e14)).toEqual([]);
    });
  }

  it('renders a 500-row roster', async () => {
    const input = bigRoster(500);
    const started = performance.now();
    const file = await render(rosterForm.build(input, CTX), 'xlsx');
    console.log(`roster 500 rows → XLSX: ${(performance.now() - started).toFixed(0)} ms, ${file.bytes.length} bytes`);
    const values = await readCells(file.bytes);
    const id = input.dossiers[499]!.applicant.idNumber;
    const idLines = values.filter((v) => typeof v === 'string' && v.split('\n')[0] === id);
    expect(idLines.length).toBeGreaterThanOrEqual(166);
    expect(values).toContain(500);
  }, 60_000);
});
