/**
 * 附件6 档案专业技术人员职称申报材料目录: the applicant's particulars and the
 * list of paper materials (序号 / 材料名称 / 件数), pasted on the envelope.
 */
import { CHINESE_SIZES, type Document, type TableCell, type TableRow } from '../../document/model.js';
import { cell, emptyCell, labelCell, NONE, orNone, paragraphBlock, run } from '../../document/build.js';
import type { Dossier } from '../../domain/dossier.js';
import { renderText, splitParagraphs } from '../../text/index.js';
import type { FormContext } from '../types.js';
import { cnYearMonth, currentTitleName } from '../shared/facts.js';
import { attachmentLabel, TABLE_LINE_PITCH, FORM_PAGE, tableDocument } from '../shared/layout.js';
import { catalogueRows } from './items.js';

export const MATERIALS_CATALOGUE_ID = 'materials-catalogue';

function particulars(dossier: Dossier): TableRow[] {
  const { applicant, application } = dossier;
  const education = `${applicant.education.level}（${orNone(applicant.education.degree)}）`;
  const pairs: [string, string][] = [
    ['地州市', applicant.prefecture],
    ['单位', applicant.employer],
    ['姓名', applicant.name],
    ['性别', applicant.gender],
    ['族别', applicant.ethnicity],
    ['出生年月', cnYearMonth(applicant.birthDate)],
    ['最高学历（学位）', education],
    ['从事专业', applicant.specialty],
    ['联系电话（手机）', applicant.phone],
    ['现职称', currentTitleName(applicant)],
    ['拟评审职称', application.targetTitle],
  ];
  const rows: TableRow[] = [];
  for (let i = 0; i < pairs.length; i += 2) {
    const [l1, v1] = pairs[i]!;
    const second = pairs[i + 1];
    rows.push({
      minHeight: 9,
      cells: second
        ? [labelCell(l1), cell(orNone(v1)), labelCell(second[0]), cell(orNone(second[1]))]
        : [labelCell(l1), cell(orNone(v1), { colSpan: 3 })],
    });
  }
  return rows;
}

/** 件数: the count; "无" where the dossier shows none; a marked handwriting space where only the applicant knows. */
function countCell(count: number | null): TableCell {
  if (count === null) return emptyCell({ space: 'handwriting' });
  return count > 0 ? cell(String(count), { value: count, align: 'center' }) : cell(NONE, { align: 'center' });
}

export function buildMaterialsCatalogue(dossier: Dossier, ctx: FormContext): Document {
  const data = { year: dossier.application.year, name: dossier.applicant.name };
  const title = renderText(MATERIALS_CATALOGUE_ID, 'title', data).trim();
  const listTitle = renderText(MATERIALS_CATALOGUE_ID, 'list-title', data).trim();
  const materialRows: TableRow[] = catalogueRows(dossier).map((row, index) => ({
    minHeight: 7.5,
    cells: [cell(String(index + 1), { value: index + 1, align: 'center' }), cell(row.name), countCell(row.count)],
  }));
  return tableDocument(
    `${title}-${dossier.applicant.name}`,
    ctx.now,
    [
      attachmentLabel('附件6', TABLE_LINE_PITCH),
      {
        type: 'heading',
        level: 0,
        runs: [run(title, { size: CHINESE_SIZES.小二 })],
        align: 'center',
        spaceAfter: 10,
        keepWithNext: true,
      },
      {
        type: 'table',
        columns: [22, 28, 22, 28],
        rows: particulars(dossier),
        style: { font: 'song', size: CHINESE_SIZES.小四 },
      },
      { type: 'spacer', height: 5 },
      {
        type: 'table',
        columns: [12, 70, 18],
        headerRows: 1,
        caption: { runs: [run(listTitle, { font: 'hei', size: CHINESE_SIZES.四号 })], align: 'center' },
        rows: [{ cells: [labelCell('序号'), labelCell('材料名称'), labelCell('件数')] }, ...materialRows],
        style: { font: 'song', size: CHINESE_SIZES.小四 },
      },
      { type: 'spacer', height: 3 },
      ...splitParagraphs(renderText(MATERIALS_CATALOGUE_ID, 'notes', data)).map((text) =>
        paragraphBlock([run(text, { size: CHINESE_SIZES.五号 })], { align: 'justify', lineHeight: 16 }),
      ),
    ],
    FORM_PAGE,
  );
}
