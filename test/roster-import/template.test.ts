import type { DataValidation, Workbook, Worksheet } from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ETHNIC_GROUPS } from '../../src/domain/ethnicity.js';
import { POLITICAL_STATUSES } from '../../src/domain/political-status.js';
import { importRoster } from '../../src/roster-import/import.js';
import { LIST_SHEETS, MAIN_COLUMNS } from '../../src/roster-import/columns.js';
import { buildRosterTemplate } from '../../src/roster-import/template.js';
import { displayWidth } from '../../src/text/display-width.js';
import { headerColumns, loadTemplate } from './fill.js';

let workbook: Workbook;
beforeAll(async () => {
  workbook = await loadTemplate();
});

function sheet(name: string): Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

function validationAt(ws: Worksheet, address: string): DataValidation | undefined {
  return (ws as unknown as { dataValidations: { model: Record<string, DataValidation | undefined> } }).dataValidations
    .model[address];
}

/** The values a list validation offers, resolved through its range on the options sheet. */
function listValues(ws: Worksheet, header: string, row = 5): string[] {
  const col = headerColumns(ws).get(header);
  if (col === undefined) throw new Error(`no column ${header}`);
  const validation = validationAt(ws, `${ws.getColumn(col).letter}${row}`);
  expect(validation?.type).toBe('list');
  const formula = String(validation?.formulae?.[0]);
  const match = /^'?(.+?)'?!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(formula);
  if (!match) throw new Error(`unexpected formula ${formula}`);
  const [, sheetName, colLetter, from, , to] = match as unknown as [string, string, string, string, string, string];
  const options = sheet(sheetName);
  const values: string[] = [];
  for (let r = Number(from); r <= Number(to); r++) values.push(String(options.getCell(`${colLetter}${r}`).value));
  return values;
}

describe('buildRosterTemplate', () => {
  it('has the applicant sheet, one sheet per list, the unit sheet, instructions and hidden pick-lists', () => {
    const names = workbook.worksheets.map((ws) => ws.name);
    expect(names).toEqual(['申报人员', ...LIST_SHEETS.map((s) => s.sheet), '填报单位', '说明', '下拉选项']);
    expect(LIST_SHEETS.map((s) => s.sheet)).toEqual([
      '工作经历',
      '年度考核',
      '继续教育',
      '业绩成果',
      '论文',
      '获奖',
      '知识产权',
    ]);
    expect(sheet('下拉选项').state).toBe('hidden');
    expect(sheet('申报人员').state).toBe('visible');
    const instructions: string[] = [];
    sheet('说明').eachRow((row) => instructions.push(String(row.getCell(1).value)));
    expect(instructions.join('\n')).toContain('示例');
  });

  it('writes bold, frozen Chinese headers, each with a note on its format', () => {
    const main = sheet('申报人员');
    const headers = [...headerColumns(main).keys()];
    expect(headers).toEqual(MAIN_COLUMNS.map((c) => c.header));
    for (const header of [
      '姓名',
      '身份证号',
      '出生年月',
      '单位层级',
      '推荐单位名称',
      '公示开始日期',
      '免除继续教育理由',
    ]) {
      expect(headers).toContain(header);
    }
    expect(main.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
    main.getRow(1).eachCell((cell) => {
      expect(cell.font?.bold).toBe(true);
      const note = cell.note;
      const text = typeof note === 'string' ? note : (note?.texts ?? []).map((t) => t.text).join('');
      expect(text.length).toBeGreaterThan(2);
    });
    const birth = main.getCell(1, headerColumns(main).get('出生年月')!).note;
    const birthText = typeof birth === 'string' ? birth : (birth?.texts ?? []).map((t) => t.text).join('');
    expect(birthText).toContain('YYYY-MM');
    for (const spec of LIST_SHEETS) {
      const ws = sheet(spec.sheet);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getCell('A1').value).toBe('身份证号');
    }
  });

  it('offers pick-lists on the right columns, with the domain lists', () => {
    const main = sheet('申报人员');
    expect(listValues(main, '性别')).toEqual(['男', '女']);
    expect(listValues(main, '族别')).toEqual([...ETHNIC_GROUPS]);
    expect(listValues(main, '族别')).toHaveLength(56);
    expect(listValues(main, '政治面貌')).toEqual([...POLITICAL_STATUSES]);
    expect(listValues(main, '政治面貌')).toHaveLength(13);
    expect(listValues(main, '拟评审职称')).toEqual(['管理员', '助理馆员', '馆员']);
    expect(listValues(main, '申报方式')).toEqual(['初次确定', '授予', '评审']);
    expect(listValues(main, '单位层级')).toEqual(['州直', '县市', '乡镇']);
    expect(listValues(sheet('年度考核'), '结果')).toEqual(['优秀', '合格', '称职', '基本合格', '不合格']);
    // The last row staff may use is still covered; free-text columns carry no list.
    expect(listValues(main, '性别', 2001)).toEqual(['男', '女']);
    const nameColumn = main.getColumn(headerColumns(main).get('姓名')!).letter;
    expect(validationAt(main, `${nameColumn}5`)).toBeUndefined();
  });

  it('formats the ID, date and phone columns as text, so Excel never turns an ID into 6.52801E+17', () => {
    const main = sheet('申报人员');
    const columns = headerColumns(main);
    for (const header of ['身份证号', '出生年月', '毕业时间', '公示开始日期', '落款日期', '手机', '推荐单位电话']) {
      const column = main.getColumn(columns.get(header)!);
      expect(column.numFmt, header).toBe('@');
      expect(main.getCell(50, columns.get(header)!).numFmt, `${header} in an empty row`).toBe('@');
    }
    expect(main.getCell(2, columns.get('身份证号')!).value).toBe('652824198811020640');
    expect(typeof main.getCell(2, columns.get('身份证号')!).value).toBe('string');
    const ws = sheet('工作经历');
    expect(ws.getColumn(1).numFmt).toBe('@');
  });

  it('sizes columns for CJK text (a Chinese character counts two)', () => {
    expect(displayWidth('推荐单位办公室')).toBe(14);
    expect(displayWidth('2024-09')).toBe(7);
    expect(displayWidth('𠀀a')).toBe(3);
    const main = sheet('申报人员');
    const columns = headerColumns(main);
    for (const header of ['推荐单位办公室', '现职称聘任时间', '免除继续教育类别']) {
      expect(main.getColumn(columns.get(header)!).width, header).toBeGreaterThanOrEqual(displayWidth(header));
    }
    expect(main.getColumn(columns.get('身份证号')!).width).toBeGreaterThanOrEqual(18);
  });

  it('has one marked example row, which the importer skips', async () => {
    const main = sheet('申报人员');
    const columns = headerColumns(main);
    expect(main.getCell(2, columns.get('姓名')!).value).toBe('张玥');
    expect(String(main.getCell(2, columns.get('备注')!).value)).toContain('示例');
    expect(main.getCell(3, columns.get('姓名')!).value).toBeNull();
    const result = await importRoster(await buildRosterTemplate());
    expect(result.rows).toEqual([]);
    expect(result.dossiers).toEqual([]);
    expect(result.skipped).toContainEqual({ sheet: '申报人员', row: 2, reason: 'example' });
    expect(result.problems).toEqual([]);
  });
});
