/**
 * The roster template staff download, fill and upload: one sheet of applicants,
 * one sheet per dossier list, the unit block, instructions, and hidden
 * pick-lists. Headers carry their format as a note, so nobody needs a manual.
 */
import type ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import { parseDossier } from '../domain/parse.js';
import { sampleDossier } from '../forms/samples/index.js';
import {
  EXAMPLE_MARK,
  EXAMPLE_REMARK,
  INSTRUCTIONS_SHEET,
  LIST_SHEETS,
  LISTS_SHEET,
  MAIN_COLUMNS,
  MAIN_SHEET,
  REMARK_HEADER,
  UNIT_FIELDS,
  UNIT_SHEET,
  type ColumnSpec,
  type ListName,
} from './columns.js';
import { DEFAULT_LIMITS } from './limits.js';
import { LIST_TITLES, LIST_VALUES } from './lists.js';
import { listRowsFromDossier, mainRowFromDossier, type CellOut } from './mapping.js';
import { displayWidth } from '../text/display-width.js';
import { dataValidationsOf } from './workbook.js';

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } } as const;
const EXAMPLE_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } } as const;
const THIN = { style: 'thin', color: { argb: 'FFBFBFBF' } } as const;
const FONT = 'SimSun';

/** Cells Excel must keep as typed text: IDs, dates, phones and all free text. */
function numFmtOf(spec: ColumnSpec): string {
  return spec.kind === 'int' || spec.kind === 'number' ? '0' : '@';
}

function columnWidth(spec: ColumnSpec): number {
  return Math.min(60, Math.max(displayWidth(spec.header) + 4, spec.width + 2));
}

/** Where each list sits on the hidden options sheet, as an absolute reference. */
function listRanges(): Record<ListName, string> {
  const names = Object.keys(LIST_VALUES) as ListName[];
  return Object.fromEntries(
    names.map((name, i) => {
      const letter = String.fromCharCode(65 + i);
      return [name, `'${LISTS_SHEET}'!$${letter}$2:$${letter}$${LIST_VALUES[name].length + 1}`];
    }),
  ) as Record<ListName, string>;
}

function addListsSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  (Object.keys(LIST_VALUES) as ListName[]).forEach((name, i) => {
    const column = sheet.getColumn(i + 1);
    column.values = [LIST_TITLES[name], ...LIST_VALUES[name]];
    column.width = 14;
  });
}

/** A data sheet: styled header with notes, column formats, validations for `rows` data rows. */
function addDataSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: readonly ColumnSpec[],
  rows: number,
): Worksheet {
  const ranges = listRanges();
  const sheet = workbook.addWorksheet(name, {
    // The applicant sheet is wide: its first column (姓名) stays in view while scrolling right.
    views: [{ state: 'frozen', xSplit: name === MAIN_SHEET ? 1 : 0, ySplit: 1, activeCell: 'A2' }],
    properties: { defaultRowHeight: 18 },
    // An input sheet, not the printed roster (附件5): it prints at full size across pages, headers repeated.
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      printTitlesRow: '1:1',
      ...(name === MAIN_SHEET ? { printTitlesColumn: 'A:A' } : {}),
    },
  });
  sheet.columns = columns.map((spec) => ({
    header: spec.header,
    key: spec.header,
    width: columnWidth(spec),
    style: {
      numFmt: numFmtOf(spec),
      font: { name: FONT, size: 11 },
      alignment: { vertical: 'top', wrapText: spec.width >= 30 },
    },
  }));
  const header = sheet.getRow(1);
  header.height = 30;
  columns.forEach((spec, i) => {
    const cell = header.getCell(i + 1);
    cell.font = { name: FONT, size: 11, bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
    cell.note = spec.note;
  });
  const validations = dataValidationsOf(sheet);
  columns.forEach((spec, i) => {
    const letter = sheet.getColumn(i + 1).letter;
    const range = `${letter}2:${letter}${rows + 1}`;
    if (spec.list) {
      // 族别 and 政治面貌 also accept short forms on import, so Excel only warns.
      const lenient = spec.list === 'ethnicity' || spec.list === 'politicalStatus';
      validations.add(range, {
        type: 'list',
        allowBlank: true,
        formulae: [ranges[spec.list]],
        showErrorMessage: true,
        errorStyle: lenient ? 'warning' : 'stop',
        errorTitle: spec.header,
        error: `请从下拉列表中选择${spec.header}`,
      });
    } else if (spec.kind === 'id' && name === MAIN_SHEET) {
      validations.add(range, {
        type: 'textLength',
        operator: 'equal',
        allowBlank: true,
        formulae: [18],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: spec.header,
        error: '身份证号应为 18 位（文本格式）',
      });
    }
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return sheet;
}

function addExampleRow(sheet: Worksheet, columns: readonly ColumnSpec[], values: Record<string, CellOut>): void {
  const row = sheet.addRow(
    columns.map((spec) => (spec.header === REMARK_HEADER ? EXAMPLE_REMARK : (values[spec.header] ?? ''))),
  );
  row.eachCell({ includeEmpty: true }, (cell) => {
    cell.fill = EXAMPLE_FILL;
  });
}

function addUnitSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet(UNIT_SHEET);
  sheet.columns = [
    { header: '项目', key: 'label', width: 14 },
    { header: '内容', key: 'value', width: 40, style: { numFmt: '@' } },
  ];
  for (const cell of [sheet.getCell('A1'), sheet.getCell('B1')]) {
    cell.font = { name: FONT, bold: true };
    cell.fill = HEADER_FILL;
  }
  for (const field of UNIT_FIELDS) {
    const row = sheet.addRow([field.header, '']);
    const label = row.getCell(1);
    label.font = { name: FONT, bold: true };
    label.note = field.note;
  }
}

const INSTRUCTIONS = (maxRows: number): string[] => [
  '申报人员花名册模板 填写说明',
  '',
  `1. “${MAIN_SHEET}”表每行填一名申报人，最多 ${maxRows} 行。鼠标移到列标题上可看到该列的填写格式。`,
  '2. 身份证号、日期、电话等列已设为文本格式，请直接输入（如 652801198503120020、1985-03、2024-09-10），不要改成数字或日期格式，否则身份证号后 3 位会丢失。',
  '3. 性别、族别、政治面貌、单位层级、拟评审职称、申报方式、考核结果请从下拉列表中选择。',
  '4. 工作经历、年度考核、继续教育、业绩成果、论文、获奖、知识产权各有一张表，每条记录一行，用身份证号与申报人对应（姓名列仅供核对）。',
  `5. 第 2 行是示例（黄色底色，备注列写有“${EXAMPLE_MARK}”），请覆盖或删除。导入时，备注中含“${EXAMPLE_MARK}”二字的行一律跳过，并在导入结果中列出，请勿在真实数据的备注里写这两个字。`,
  '6. 没有的内容填“无”或留空，不要留空格；没有现职称（初次确定）的，现职称及后三列留空；不申请免除继续教育的，免除继续教育两列留空。',
  `7. “${UNIT_SHEET}”表填写报送花名册的单位、填报人和日期（花名册落款）。`,
  '8. 列的顺序可以调整，可以增加其他列（导入时忽略），但请不要修改列标题的文字。',
  '9. 导入后会逐行返回问题（行号、列名和原因），改正后可重新上传整个文件。',
];

function addInstructionsSheet(workbook: ExcelJS.Workbook, maxRows: number): void {
  const sheet = workbook.addWorksheet(INSTRUCTIONS_SHEET);
  sheet.getColumn(1).width = 110;
  INSTRUCTIONS(maxRows).forEach((line, i) => {
    const cell = sheet.getCell(i + 1, 1);
    cell.value = line;
    cell.alignment = { wrapText: true, vertical: 'top' };
    cell.font = { name: FONT, size: i === 0 ? 14 : 11, bold: i === 0 };
  });
}

/** The example applicant: the intermediate-title sample (it has every list filled). */
function exampleDossier() {
  const parsed = parseDossier(sampleDossier('zhang-yue-intermediate'));
  if (!parsed.ok) throw new Error(`sample dossier is invalid: ${JSON.stringify(parsed.problems)}`);
  return parsed.value;
}

/** The workbook staff fill in, as XLSX bytes. */
export async function buildRosterTemplate(): Promise<Uint8Array> {
  // exceljs is loaded on first use, not when the service starts.
  const { default: Excel } = await import('exceljs');
  const workbook: ExcelJS.Workbook = new Excel.Workbook();
  workbook.creator = 'zhicheng-docs';
  workbook.title = '申报人员花名册模板';
  // Fixed dates keep the template's bytes stable from one download to the next.
  workbook.created = new Date(Date.UTC(2024, 0, 1));
  workbook.modified = workbook.created;

  const example = exampleDossier();
  const maxRows = DEFAULT_LIMITS.maxApplicants;
  const main = addDataSheet(workbook, MAIN_SHEET, MAIN_COLUMNS, maxRows);
  addExampleRow(main, MAIN_COLUMNS, mainRowFromDossier(example));
  const listRows = listRowsFromDossier(example);
  for (const spec of LIST_SHEETS) {
    const sheet = addDataSheet(workbook, spec.sheet, spec.columns, maxRows * 5);
    for (const values of listRows[spec.sheet] ?? []) addExampleRow(sheet, spec.columns, values);
  }
  addUnitSheet(workbook);
  addInstructionsSheet(workbook, maxRows);
  addListsSheet(workbook);

  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
