import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ZipFile } from 'yazl';
import { AppError } from '../../src/errors.js';
import { importRoster, type RosterImportResult, type RowResult } from '../../src/roster-import/import.js';
import { MAIN_COLUMNS } from '../../src/roster-import/columns.js';
import { mainRowFromDossier } from '../../src/roster-import/mapping.js';
import {
  addApplicant,
  clearExamples,
  filledTemplate,
  fixture,
  FIXTURE_NAMES,
  headerColumns,
  nextRow,
  loadTemplate,
  rosterUnit,
  toBytes,
  writeRow,
} from './fill.js';

function rowOf(result: RosterImportResult, row: number): RowResult {
  const found = result.rows.find((r) => r.row === row);
  if (!found) throw new Error(`no result for row ${row}: ${JSON.stringify(result.rows)}`);
  return found;
}

async function expectUploadInvalid(promise: Promise<unknown>, code: string): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  const appError = error as AppError;
  expect(appError.code).toBe('UPLOAD_INVALID');
  expect(appError.statusCode).toBe(422);
  expect(appError.details.map((d) => d.code)).toContain(code);
  return appError;
}

describe('importRoster: template round trip', () => {
  it('gives back the three fixture dossiers, their lists and the unit', async () => {
    const result = await importRoster(await filledTemplate());
    expect(result.rows.map((r) => [r.row, r.ok, r.name, r.errors])).toEqual([
      [2, true, '张玥', []],
      [3, true, '阿依古丽·买买提', []],
      [4, true, '巴特尔', []],
    ]);
    expect(result.dossiers).toEqual(FIXTURE_NAMES.map((name) => fixture(name)));
    expect(result.rows.map((r) => r.dossierIndex)).toEqual([0, 1, 2]);
    expect(result.unit).toEqual(rosterUnit());
    expect(result.problems).toEqual([]);
    expect(result.skipped).toEqual([]);
  });

  it('skips the untouched example row and its list rows, and lists them as skipped', async () => {
    const workbook = await loadTemplate();
    addApplicant(workbook, fixture('bater-initial'));
    const result = await importRoster(await toBytes(workbook));
    expect(result.rows.map((r) => [r.row, r.ok])).toEqual([[3, true]]);
    expect(result.dossiers).toEqual([fixture('bater-initial')]);
    expect(result.skipped).toContainEqual({ sheet: '申报人员', row: 2, reason: 'example' });
    expect(result.skipped.filter((s) => s.sheet === '年度考核').map((s) => s.row)).toEqual([2, 3, 4]);
    expect(result.problems).toEqual([]);
  });
});

describe('importRoster: row errors', () => {
  it('reports an ID typed as a number that lost digits, at 身份证号, and imports the other rows', async () => {
    const bytes = await filledTemplate((workbook, rows) => {
      const main = workbook.getWorksheet('申报人员')!;
      const col = headerColumns(main).get('身份证号')!;
      main.getCell(rows['ayguli-junior']!, col).value = 652801198503120000; // what Excel keeps of 652801198503120020
    });
    const result = await importRoster(bytes);
    const row = rowOf(result, 3);
    expect(row.ok).toBe(false);
    expect(row.dossierIndex).toBeUndefined();
    expect(row.errors).toEqual([
      expect.objectContaining({
        sheet: '申报人员',
        row: 3,
        column: '身份证号',
        path: '/applicant/idNumber',
        code: 'ID_PRECISION_LOST',
      }),
    ]);
    expect(result.dossiers.map((d) => d.applicant.name)).toEqual(['张玥', '巴特尔']);
    // Her list rows cannot be joined to anyone and are reported, not dropped.
    expect(result.problems.some((p) => p.code === 'UNKNOWN_APPLICANT' && p.sheet === '工作经历')).toBe(true);
  });

  it('reports a wrong check digit at 身份证号 with the row number, other rows still imported', async () => {
    const bytes = await filledTemplate((workbook, rows) => {
      writeRow(workbook.getWorksheet('申报人员')!, rows['zhang-yue-intermediate']!, { 身份证号: '652824198811020641' });
    });
    const result = await importRoster(bytes);
    const row = rowOf(result, 2);
    expect(row.ok).toBe(false);
    expect(row.name).toBe('张玥');
    const idErrors = row.errors.filter((e) => e.column === '身份证号');
    expect(idErrors.length).toBeGreaterThan(0);
    expect(idErrors[0]).toMatchObject({ sheet: '申报人员', row: 2, path: '/applicant/idNumber' });
    expect(idErrors[0]!.message).not.toBe('');
    expect(idErrors[0]!.messageEn).not.toBe('');
    expect(result.rows.filter((r) => r.ok).map((r) => r.row)).toEqual([3, 4]);
    expect(result.dossiers).toEqual([fixture('ayguli-junior'), fixture('bater-initial')]);
  });

  it('names the list sheet and its row for a problem in a list entry', async () => {
    const bytes = await filledTemplate((workbook) => {
      const sheet = workbook.getWorksheet('年度考核')!;
      // Row 3 is 张玥's second assessment (2022).
      writeRow(sheet, 3, { 结果: '良好' });
      const ce = workbook.getWorksheet('继续教育')!;
      writeRow(ce, 4, { 公需学时: '三十' });
    });
    const result = await importRoster(bytes);
    const row = rowOf(result, 2);
    expect(row.ok).toBe(false);
    expect(row.errors).toContainEqual(
      expect.objectContaining({
        sheet: '年度考核',
        row: 3,
        column: '结果',
        path: '/assessments/1/result',
        code: 'INVALID_VALUE',
      }),
    );
    expect(row.errors).toContainEqual(
      expect.objectContaining({
        sheet: '继续教育',
        row: 4,
        column: '公需学时',
        path: '/continuingEducation/2/publicHours',
        code: 'NUMBER_FORMAT',
      }),
    );
    // The unreadable cell is reported once, not again as "required".
    expect(row.errors.filter((e) => e.path === '/continuingEducation/2/publicHours')).toHaveLength(1);
    expect(result.rows.filter((r) => r.ok)).toHaveLength(2);
  });

  it('reports a missing required cell at its column, and a list row naming someone else', async () => {
    const bytes = await filledTemplate((workbook, rows) => {
      writeRow(workbook.getWorksheet('申报人员')!, rows['bater-initial']!, { 毕业院校: '' });
      writeRow(workbook.getWorksheet('工作经历')!, 2, { 姓名: '李四' });
    });
    const result = await importRoster(bytes);
    expect(rowOf(result, 4).errors).toEqual([
      expect.objectContaining({
        sheet: '申报人员',
        row: 4,
        column: '毕业院校',
        path: '/applicant/education/school',
        code: 'REQUIRED',
      }),
    ]);
    expect(rowOf(result, 2).errors).toEqual([
      expect.objectContaining({ sheet: '工作经历', row: 2, column: '姓名', code: 'NAME_MISMATCH' }),
    ]);
    expect(rowOf(result, 3).ok).toBe(true);
  });

  it('reports a repeated ID number on the later row', async () => {
    const workbook = await loadTemplate();
    clearExamples(workbook);
    addApplicant(workbook, fixture('bater-initial'));
    const main = workbook.getWorksheet('申报人员')!;
    writeRow(main, 3, mainRowFromDossier(fixture('bater-initial')));
    const result = await importRoster(await toBytes(workbook));
    expect(rowOf(result, 2).ok).toBe(true);
    expect(rowOf(result, 3).errors).toEqual([expect.objectContaining({ column: '身份证号', code: 'DUPLICATE_ID' })]);
  });

  it('reports list rows whose 身份证号 matches no applicant', async () => {
    const bytes = await filledTemplate((workbook) => {
      const sheet = workbook.getWorksheet('获奖')!;
      writeRow(sheet, nextRow(sheet), {
        身份证号: '110101199003070012',
        奖项名称: '先进个人',
        授予单位: '某局',
        获奖时间: '2020-12',
      });
    });
    const result = await importRoster(bytes);
    expect(result.problems).toEqual([
      expect.objectContaining({ sheet: '获奖', row: 3, column: '身份证号', code: 'UNKNOWN_APPLICANT' }),
    ]);
    expect(result.dossiers).toHaveLength(3);
  });
});

describe('importRoster: how staff really type', () => {
  it('reads headers in another order, with spaces, full-width brackets and unknown columns, below a title row', async () => {
    const dossier = fixture('zhang-yue-intermediate');
    const values = mainRowFromDossier(dossier);
    const headers = MAIN_COLUMNS.map((c) => c.header).reverse();
    const shown = (h: string) =>
      h === '县（市）' ? '县 (市)' : h === '出生年月' ? ' 出生 年月 ' : h === '身份证号' ? '身份证号码' : h;
    const workbook = new ExcelJS.Workbook();
    const main = workbook.addWorksheet('Sheet1');
    main.addRow(['2024年档案系列职称申报人员花名册']);
    main.addRow([...headers.map(shown), '联系人微信']);
    main.addRow([...headers.map((h) => values[h] ?? ''), 'wx_123']);
    main.addRow([]);
    main.addRow(['', '  ']);
    main.addRow([...headers.map((h) => (h === '毕业院校' ? '' : (values[h] ?? ''))), '']);
    const result = await importRoster(await toBytes(workbook));
    expect(result.rows[0]).toEqual({ row: 3, name: '张玥', ok: true, dossierIndex: 0, errors: [] });
    // Empty rows 4 and 5 are skipped; row 6 lacks 毕业院校 and repeats the ID, reported on the renamed sheet.
    expect(result.rows.slice(1).map((r) => [r.row, r.ok])).toEqual([[6, false]]);
    expect(result.rows[1]!.errors).toEqual([
      expect.objectContaining({ sheet: 'Sheet1', row: 6, column: '身份证号', code: 'DUPLICATE_ID' }),
      expect.objectContaining({ sheet: 'Sheet1', row: 6, column: '毕业院校', code: 'REQUIRED' }),
    ]);
    // No list sheets in this workbook: the lists are empty.
    expect(result.dossiers[0]).toEqual({
      ...dossier,
      workHistory: [],
      assessments: [],
      continuingEducation: [],
      achievements: [],
      papers: [],
      awards: [],
      patents: [],
    });
  });

  it('converts Date cells, serial numbers, typed dates, rich text, formulas and numbers', async () => {
    const bytes = await filledTemplate((workbook, rows) => {
      const r = rows['zhang-yue-intermediate']!;
      writeRow(workbook.getWorksheet('申报人员')!, r, {
        出生年月: new Date(Date.UTC(1988, 10, 1)),
        毕业时间: 40725, // 2011-07-01 as an Excel serial
        参加工作时间: '2011年9月',
        公示开始日期: '2024/9/10',
        公示结束日期: { formula: 'DATE(2024,9,19)', result: new Date(Date.UTC(2024, 8, 19)) },
        落款日期: '2024.09.20',
        姓名: { richText: [{ text: '张' }, { text: '玥', font: { bold: true } }] },
        手机: 13899012345,
        申报年度: '2024年',
        单位层级: '县（市）',
        行政职务: '无',
      });
    });
    const result = await importRoster(bytes);
    expect(rowOf(result, 2).errors).toEqual([]);
    expect(result.dossiers[0]).toEqual(fixture('zhang-yue-intermediate'));
  });

  it('refuses an ambiguous numeric month and a date it cannot read, naming the column', async () => {
    const bytes = await filledTemplate((workbook, rows) => {
      writeRow(workbook.getWorksheet('申报人员')!, rows['bater-initial']!, {
        出生年月: 1990.1,
        落款日期: '九月二十日',
      });
    });
    const errors = rowOf(await importRoster(bytes), 4).errors;
    expect(errors).toContainEqual(expect.objectContaining({ column: '出生年月', code: 'DATE_AMBIGUOUS' }));
    expect(errors).toContainEqual(
      expect.objectContaining({ column: '落款日期', path: '/signedOn', code: 'DATE_FORMAT' }),
    );
  });

  it('imports a 200-applicant workbook', async () => {
    const workbook = await loadTemplate();
    clearExamples(workbook);
    const base = fixture('zhang-yue-intermediate');
    for (let i = 0; i < 200; i++) {
      addApplicant(workbook, { ...base, applicant: { ...base.applicant, idNumber: idWithSerial(i) } });
    }
    const bytes = await toBytes(workbook);
    const started = performance.now();
    const result = await importRoster(bytes);
    const ms = performance.now() - started;
    console.log(`roster import: 200 applicants (${bytes.byteLength} bytes) in ${ms.toFixed(0)} ms`);
    expect(result.rows).toHaveLength(200);
    expect(result.rows.filter((r) => !r.ok)).toEqual([]);
    expect(result.dossiers).toHaveLength(200);
    // Each applicant gets exactly their own list rows.
    expect(result.dossiers.every((d) => d.continuingEducation.length === base.continuingEducation.length)).toBe(true);
    expect(result.dossiers[199]!.applicant.idNumber).toBe(idWithSerial(199));
  });
});

/** A valid ID for 张玥 (女, 1988-11-02) with a different sequence number. */
function idWithSerial(i: number): string {
  const first17 = `65282419881102${String(100 + i * 2).padStart(3, '0')}`; // 100–498: never the fixture's own 064
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, k) => s + Number(d) * weights[k]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

describe('importRoster: unusable files', () => {
  it('refuses a file that is not an XLSX, naming the file', async () => {
    const error = await expectUploadInvalid(
      importRoster(new TextEncoder().encode('姓名,身份证号\n'), { fileName: '花名册.csv' }),
      'NOT_XLSX',
    );
    expect(error.zh).toContain('花名册.csv');
  });

  it('refuses an old .xls or an encrypted workbook with advice to save as .xlsx', async () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const error = await expectUploadInvalid(importRoster(ole, { fileName: '花名册.xls' }), 'XLS_OR_ENCRYPTED');
    expect(error.zh).toContain('.xlsx');
  });

  it('refuses a zip that is not a workbook', async () => {
    const zip = new ZipFile();
    zip.addBuffer(Buffer.from('hello'), 'readme.txt');
    zip.end();
    await expectUploadInvalid(importRoster(await collect(zip), { fileName: 'a.zip' }), 'NOT_XLSX');
  });

  it('refuses a zip whose parts inflate past the limit before parsing it', async () => {
    const zip = new ZipFile();
    zip.addBuffer(Buffer.alloc(4 * 1024 * 1024), 'xl/worksheets/sheet1.xml');
    zip.end();
    const bytes = await collect(zip);
    expect(bytes.byteLength).toBeLessThan(64 * 1024);
    await expectUploadInvalid(importRoster(bytes, { limits: { maxUncompressedBytes: 1024 * 1024 } }), 'ZIP_TOO_LARGE');
  });

  it('refuses too many applicant rows and a file over the size limit', async () => {
    const bytes = await filledTemplate();
    await expectUploadInvalid(importRoster(bytes, { limits: { maxApplicants: 2 } }), 'TOO_MANY_ROWS');
    await expectUploadInvalid(importRoster(bytes, { limits: { maxFileBytes: 1000 } }), 'FILE_TOO_LARGE');
  });

  it('refuses a workbook without the applicant sheet headers', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1').addRow(['序号', '名称']);
    await expectUploadInvalid(importRoster(await toBytes(workbook)), 'NO_ROSTER_SHEET');
  });
});

async function collect(zip: ZipFile): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) chunks.push(chunk);
  return new Uint8Array(Buffer.concat(chunks));
}
