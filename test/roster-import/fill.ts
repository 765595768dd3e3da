/** Test helpers: fixture dossiers, and the template filled in the way staff would. */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { CellValue, Worksheet } from 'exceljs';
import type { Dossier } from '../../src/domain/dossier.js';
import { parseDossier } from '../../src/domain/parse.js';
import { buildRosterTemplate } from '../../src/roster-import/index.js';
import { listRowsFromDossier, mainRowFromDossier } from '../../src/roster-import/mapping.js';

const FIXTURES = new URL('../fixtures/', import.meta.url);

export const FIXTURE_NAMES = ['zhang-yue-intermediate', 'ayguli-junior', 'bater-initial'] as const;

function rawFixture(name: (typeof FIXTURE_NAMES)[number]): unknown {
  return JSON.parse(readFileSync(new URL(`dossiers/${name}.json`, FIXTURES), 'utf8'));
}

/** A fixture as the domain normalises it: what an import must give back. */
export function fixture(name: (typeof FIXTURE_NAMES)[number]): Dossier {
  const parsed = parseDossier(rawFixture(name));
  if (!parsed.ok) throw new Error(`fixture ${name} is invalid: ${JSON.stringify(parsed.problems)}`);
  return parsed.value;
}

export function rosterUnit(): { name: string; prefecture: string; preparer: string; phone: string; date: string } {
  return JSON.parse(readFileSync(new URL('roster-unit.json', FIXTURES), 'utf8')).unit;
}

let templateBytes: Promise<Uint8Array> | undefined;

/** The template, loaded fresh (built once per test file). */
export async function loadTemplate(): Promise<ExcelJS.Workbook> {
  templateBytes ??= buildRosterTemplate();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await templateBytes) as unknown as ArrayBuffer);
  return workbook;
}

export function headerColumns(sheet: Worksheet, headerRow = 1): Map<string, number> {
  const map = new Map<string, number>();
  sheet.getRow(headerRow).eachCell((cell, col) => map.set(String(cell.value), col));
  return map;
}

/** Empties the template's example rows (row 2 onwards) on every data sheet, as staff would. */
export function clearExamples(workbook: ExcelJS.Workbook): void {
  for (const sheet of workbook.worksheets) {
    if (sheet.state !== 'visible' || sheet.name === '说明' || sheet.name === '填报单位') continue;
    sheet.eachRow((row, rowNumber) => {
      if (rowNumber > 1) row.eachCell((cell) => (cell.value = null));
    });
  }
}

/** The first row below the last one holding a value. */
export function nextRow(sheet: Worksheet): number {
  let last = 1;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (row.hasValues) last = rowNumber;
  });
  return last + 1;
}

export function writeRow(sheet: Worksheet, rowNumber: number, values: Record<string, CellValue>): void {
  const columns = headerColumns(sheet);
  for (const [header, value] of Object.entries(values)) {
    const col = columns.get(header);
    if (col === undefined) throw new Error(`no column ${header} on ${sheet.name}`);
    sheet.getCell(rowNumber, col).value = value === '' ? null : value;
  }
}

/** Appends one applicant: the main row and every list row. Returns the main row number. */
export function addApplicant(
  workbook: ExcelJS.Workbook,
  dossier: Dossier,
  override: Record<string, CellValue> = {},
): number {
  const main = workbook.getWorksheet('申报人员');
  if (!main) throw new Error('no main sheet');
  const rowNumber = nextRow(main);
  writeRow(main, rowNumber, { ...mainRowFromDossier(dossier), ...override });
  for (const [sheetName, rows] of Object.entries(listRowsFromDossier(dossier))) {
    const sheet = workbook.getWorksheet(sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    for (const values of rows) writeRow(sheet, nextRow(sheet), values);
  }
  return rowNumber;
}

function fillUnit(workbook: ExcelJS.Workbook, unit: Record<string, string>): void {
  const sheet = workbook.getWorksheet('填报单位');
  if (!sheet) throw new Error('no unit sheet');
  const labels: Record<string, string> = {
    name: '填报单位',
    prefecture: '地州市',
    preparer: '填报人',
    phone: '联系电话',
    date: '填报日期',
  };
  sheet.eachRow((row) => {
    const key = Object.keys(labels).find((k) => labels[k] === row.getCell(1).value);
    if (key && unit[key] !== undefined) row.getCell(2).value = unit[key];
  });
}

export async function toBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The template filled with the three fixture applicants and the fixture unit. */
export async function filledTemplate(
  edit?: (workbook: ExcelJS.Workbook, rows: Record<string, number>) => void,
): Promise<Uint8Array> {
  const workbook = await loadTemplate();
  clearExamples(workbook);
  const rows: Record<string, number> = {};
  for (const name of FIXTURE_NAMES) rows[name] = addApplicant(workbook, fixture(name));
  fillUnit(workbook, rosterUnit());
  edit?.(workbook, rows);
  return toBytes(workbook);
}
