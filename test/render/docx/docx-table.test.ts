import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../../src/render/docx/index.js';
import { glue } from '../../../src/render/docx/no-break.js';
import { gridColumns } from '../../../src/render/docx/table.js';
import { zipPart } from '../../helpers/office-tools.js';
import { form, formDoc } from './models.js';

async function tableXml(): Promise<string> {
  const xml = zipPart(await renderDocx(formDoc), 'word/document.xml');
  const table = /<w:tbl>[\s\S]*<\/w:tbl>/.exec(xml)?.[0];
  if (!table) throw new Error('no table in document.xml');
  return table;
}

describe('renderDocx: tables', () => {
  it('spans the text width with a twips grid from the relative widths', async () => {
    const xml = await tableXml();
    // Landscape A4 16838 twips - 25 mm (1417) - 15 mm (850) = 14571 twips; columns 2:3:2:3.
    expect(xml).toContain('<w:tblW w:type="dxa" w:w="14571"/>');
    expect(xml).toContain('<w:tblLayout w:type="fixed"/>');
    const grid = [...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid).toEqual([2914, 4371, 2914, 4372]);
    expect(grid.reduce((a, b) => a + b, 0)).toBe(14571);
  });

  it('merges cells across columns (gridSpan) and down rows (vMerge restart/continue)', async () => {
    const xml = await tableXml();
    expect(xml).toMatch(
      new RegExp(`<w:gridSpan w:val="3"/>[\\s\\S]*?${glue('2012年7月')}</w:t></w:r><w:r>(?:(?!</w:r>).)*至今`),
    );
    expect(xml.match(/<w:vMerge w:val="restart"\/>/g)).toHaveLength(2);
    expect(xml.match(/<w:vMerge w:val="continue"\/>/g)).toHaveLength(2);
    // Every row covers the 4 grid columns.
    for (const row of xml.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? []) {
      const cells = row.match(/<w:tc>/g)?.length ?? 0;
      const spans = [...row.matchAll(/<w:gridSpan w:val="(\d+)"\/>/g)].reduce((n, m) => n + Number(m[1]) - 1, 0);
      expect(cells + spans).toBe(4);
    }
  });

  it('repeats header rows, sets minimum heights, shades label cells, aligns and borders cells', async () => {
    const xml = await tableXml();
    const rows = xml.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? [];
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows[1]).not.toContain('<w:tblHeader/>');
    // 25 mm at least.
    expect(rows[1]).toContain('<w:trHeight w:val="1417" w:hRule="atLeast"/>');
    // Rows that fit on a page never split; a short table keeps its rows together (keepNext up to the last row).
    for (const row of rows) expect(row).toContain('<w:cantSplit/>');
    expect(rows[0]).toContain('<w:keepNext/>');
    expect(rows[2]).not.toContain('<w:keepNext/>');
    expect(xml).toMatch(
      /<w:shd w:fill="F2F2F2"[^>]*\/><w:vAlign w:val="center"\/><\/w:tcPr><w:p><w:pPr><w:keepNext\/><w:jc w:val="center"\/>[\s\S]*?姓名/,
    );
    expect(rows[1]).toMatch(/<w:vAlign w:val="top"\/>[\s\S]*?65280119900101001X/);
    expect(xml).toContain('<w:insideV w:val="single" w:color="000000" w:sz="4"/>');
    // The empty photo space keeps its paragraph mark at the table's 12 pt.
    expect(xml).toContain(
      '<w:vMerge w:val="restart"/><w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:keepNext/><w:rPr><w:sz w:val="24"/>',
    );
    // Cell text in the table style: 宋体 小四.
    expect(xml).toMatch(
      /w:eastAsia="宋体"[^>]*\/><w:sz w:val="24"\/><w:szCs w:val="24"\/><\/w:rPr><w:t xml:space="preserve">张悦/,
    );
  });

  it('keeps the caption with the table', async () => {
    const xml = zipPart(await renderDocx(formDoc), 'word/document.xml');
    expect(xml).toMatch(/<w:keepNext\/>[^<]*(<[^>]+>)*?[\s\S]*?表1 基本情况<\/w:t><\/w:r><\/w:p><w:tbl>/);
  });

  it('leaves out a table without rows, which Word could not open', async () => {
    const xml = zipPart(await renderDocx({ ...formDoc, blocks: [{ ...form, rows: [] }] }), 'word/document.xml');
    expect(xml).not.toContain('<w:tbl>');
    expect(xml).toContain('<w:body>');
  });

  it('rounds relative widths to twips that add up exactly', () => {
    expect(gridColumns([1, 1, 1], 1000)).toEqual([333, 333, 334]);
    expect(gridColumns([3, 1], 8845).reduce((a, b) => a + b, 0)).toBe(8845);
  });
});
