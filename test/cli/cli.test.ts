import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { unzipParts } from '../helpers/office-tools.js';
import { pdfText, compact } from '../helpers/pdf-tools.js';
import { filledTemplate, headerColumns } from '../roster-import/fill.js';

const dir = mkdtempSync(join(tmpdir(), 'zd-cli-'));
let output: string[];

beforeEach(() => {
  output = [];
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void output.push(args.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void output.push(args.join(' ')));
});
afterEach(() => vi.restoreAllMocks());

describe('zhicheng-docs batch', () => {
  it('turns a roster workbook into a zip and names the failed row', { timeout: 120_000 }, async () => {
    const workbook = await filledTemplate((book, rows) => {
      const sheet = book.getWorksheet('申报人员')!;
      sheet.getRow(rows['bater-initial']!).getCell(headerColumns(sheet).get('性别')!).value = '女';
    });
    const input = join(dir, '花名册.xlsx');
    const out = join(dir, 'out.zip');
    writeFileSync(input, workbook);
    const code = await main(['batch', input, '-o', out]);
    expect(code).toBe(3); // some rows failed
    const names = [...unzipParts(readFileSync(out)).keys()];
    expect(new Set(names.filter((n) => n.includes('/')).map((n) => n.split('/')[0]))).toEqual(
      new Set(['张玥-0640', '阿依古丽·买买提-0020']),
    );
    const log = output.join('\n');
    expect(log).toContain('2 人成功');
    expect(log).toMatch(/申报人员!\d+ 巴特尔/);
    expect(log).toContain('/applicant/gender');
  });

  it('takes the JSON of the README, { unit, dossierFiles }, each path beside the batch file', {
    timeout: 120_000,
  }, async () => {
    const out = join(dir, 'from-json.zip');
    const input = new URL('../fixtures/roster-unit.json', import.meta.url).pathname;
    const code = await main(['batch', input, '-o', out]);
    expect(output.join('\n')).not.toContain('UNKNOWN_KEY');
    expect(code).toBe(0);
    const folders = new Set(
      [...unzipParts(readFileSync(out)).keys()].filter((n) => n.includes('/')).map((n) => n.split('/')[0]),
    );
    expect(folders.size).toBe(3);
  });

  it('says a missing file plainly, in both languages, and exits 1', async () => {
    expect(await main(['batch', join(dir, 'no-such.json'), '-o', join(dir, 'x.zip')])).toBe(1);
    expect(output.join('\n')).toContain('找不到文件 / file not found:');
    expect(output.join('\n')).not.toContain('ENOENT');
  });

  it('prints usage and exits 2 without an output file', async () => {
    expect(await main(['batch', 'x.xlsx'])).toBe(2);
    expect(output.join('\n')).toContain('usage');
  });
});

describe('zhicheng-docs render', () => {
  it('renders one form to the format of the output file', async () => {
    const out = join(dir, '承诺书.pdf');
    const code = await main([
      'render',
      'pledge',
      new URL('../fixtures/dossiers/ayguli-junior.json', import.meta.url).pathname,
      '-o',
      out,
    ]);
    expect(code).toBe(0);
    expect(compact(await pdfText(readFileSync(out)))).toContain('阿依古丽·买买提');
  });

  it('reports an invalid dossier with its path and exits 1', async () => {
    const dossier = JSON.parse(
      readFileSync(new URL('../fixtures/dossiers/ayguli-junior.json', import.meta.url), 'utf8'),
    );
    dossier.applicant.idNumber = '652801198503120021';
    const input = join(dir, 'bad.json');
    writeFileSync(input, JSON.stringify(dossier));
    expect(await main(['render', 'pledge', input, '-o', join(dir, 'x.pdf')])).toBe(1);
    expect(output.join('\n')).toContain('/applicant/idNumber');
  });
});
