import { describe, expect, it } from 'vitest';
import { formatChineseDate, formatYearMonthDot } from '../../src/domain/dates.js';
import { RosterInputSchema, type RosterInput } from '../../src/domain/dossier.js';
import { rosterForm } from '../../src/forms/roster/index.js';
import { ROSTER_COLUMNS } from '../../src/forms/roster/columns.js';
import type { TableBlock } from '../../src/document/model.js';
import { bigRoster, cellText, CTX, loadRosterInput, missingValues, modelText } from './model-walk.js';

function rosterTable(input: RosterInput): TableBlock {
  const table = rosterForm.build(input, CTX).blocks.find((b) => b.type === 'table');
  if (table?.type !== 'table') throw new Error('no table');
  return table;
}

describe('roster (附件5 申报人员花名册)', () => {
  it('builds the three fixtures: title, one row each, every value printed', () => {
    const input = loadRosterInput();
    const doc = rosterForm.build(input, CTX);
    expect(doc.page.orientation).toBe('landscape');
    const text = modelText(doc);
    expect(text).toContain('2024年度档案系列中、初级专业技术人员职称申报人员花名册');
    const table = rosterTable(input);
    expect(table.headerRows).toBe(1);
    expect(table.rows).toHaveLength(1 + input.dossiers.length);
    expect(table.rows[0]!.cells.map((c) => cellText(c).replace(/\n/g, ''))).toEqual([
      '序号',
      '姓名',
      '性别',
      '民族',
      '出生年月参加工作时间',
      '身份证号联系电话',
      '政治面貌',
      '学历学位',
      '毕业院校及专业',
      '工作单位',
      '现职称及取得时间',
      '申报职称',
      '申报方式',
      '近三年考核',
      '继续教育公需/专业（学时）',
      '是否免答辩',
      '备注',
    ]);
    for (const d of input.dossiers) {
      const { applicant } = d;
      expect(
        missingValues(doc, [
          applicant.name,
          applicant.ethnicity,
          formatYearMonthDot(applicant.birthDate),
          applicant.idNumber,
          applicant.politicalStatus,
          applicant.education.level,
          applicant.education.school,
          applicant.education.major,
          formatYearMonthDot(applicant.workStartedOn),
          applicant.employer,
          applicant.phone,
          d.application.targetTitle,
          d.application.route,
          ...(applicant.currentTitle
            ? [applicant.currentTitle.name, formatYearMonthDot(applicant.currentTitle.obtainedOn)]
            : []),
          ...d.assessments.map((a) => `${a.year}年${a.result}`),
          ...d.continuingEducation.map((c) => `${c.year}年${c.publicHours}/${c.professionalHours}`),
        ]),
      ).toEqual([]);
    }
    expect(
      missingValues(doc, [
        `填报单位（盖章）：${input.unit.name}`,
        `填报人：${input.unit.preparer}`,
        `联系电话：${input.unit.phone}`,
        `填报日期：${formatChineseDate(input.unit.date)}`,
      ]),
    ).toEqual([]);
  });

  it('fills each row in column order, 序号 as a number, "无" where nothing is known', () => {
    const input = loadRosterInput();
    const rows = rosterTable(input).rows.slice(1);
    const bater = rows.find((r) => cellText(r.cells[1]!) === '巴特尔')!;
    const baterPhone = input.dossiers.find((d) => d.applicant.name === '巴特尔')!.applicant.phone;
    const col = (header: string) => ROSTER_COLUMNS.findIndex((c) => c.header === header);
    expect(cellText(bater.cells[col('现职称及取得时间')]!)).toBe('无');
    // Two values a cell, one above the other: ID over phone, birth over the start of work.
    expect(cellText(bater.cells[col('身份证号／联系电话')]!)).toBe(`652825199007151130\n${baterPhone}`);
    expect(cellText(bater.cells[col('出生年月／参加工作时间')]!)).toBe('1990.07\n2013.08');
    expect(cellText(bater.cells[col('是否免答辩')]!)).toMatch(/^是（.+）$/);
    expect(cellText(bater.cells[col('备注')]!)).toBe('无');
    const ayguli = rows.find((r) => cellText(r.cells[1]!) === '阿依古丽·买买提')!;
    expect(cellText(ayguli.cells[col('学历学位')]!)).toBe('大学专科／无');
    // One item a line: the exemption, then each year's 公需/专业 hours.
    expect(cellText(ayguli.cells[col('继续教育')]!)).toBe('申请免除（访惠聚驻村）\n2023年30/60\n2024年30/0');
    expect(rows.map((r) => r.cells[0]!.value)).toEqual([1, 2, 3]);
    expect(cellText(bater.cells[col('近三年考核')]!)).toBe('2021年合格\n2022年基本合格\n2023年合格');
  });

  it('builds 500 rows quickly (no template compiled per row)', () => {
    const input = bigRoster(500);
    const started = performance.now();
    const table = rosterTable(input);
    const ms = performance.now() - started;
    console.log(`roster model, 500 rows: ${ms.toFixed(1)} ms`);
    expect(table.rows).toHaveLength(501);
    expect(cellText(table.rows[500]!.cells[0]!)).toBe('500');
  });

  it('takes the year from the dossiers and names the file after the unit', () => {
    const input = loadRosterInput();
    const later = {
      ...input,
      dossiers: input.dossiers.map((d) => ({ ...d, application: { ...d.application, year: 2025 } })),
    };
    expect(modelText(rosterForm.build(later, CTX))).toContain('2025年度档案系列');
    expect(rosterForm.fileName(input)).toBe('附件5-申报人员花名册-巴音郭楞蒙古自治州党委办公室档案监督指导一科');
    expect(RosterInputSchema.safeParse(rosterForm.sample()).success).toBe(true);
  });
});
