/**
 * 附件5 申报人员花名册: one row per applicant on landscape A4, the header row
 * repeated on every page, and the filing unit's footer.
 */
import { CHINESE_SIZES, type Document, type TableRow } from '../../document/model.js';
import { cell, labelCell, orNone, paragraphBlock, run } from '../../document/build.js';
import type { RosterInput } from '../../domain/dossier.js';
import { renderText } from '../../text/index.js';
import type { FormContext } from '../types.js';
import { cnDate } from '../shared/facts.js';
import { attachmentLabel, ROSTER_PAGE, TABLE_LINE_PITCH, tableDocument } from '../shared/layout.js';
import { ROSTER_COLUMNS } from './columns.js';

export const ROSTER_ID = 'roster';

/** The roster's year: the application year the dossiers share (the latest when they differ). */
function rosterYear(input: RosterInput): number {
  return Math.max(...input.dossiers.map((dossier) => dossier.application.year));
}

export function buildRoster(input: RosterInput, ctx: FormContext): Document {
  const { unit, dossiers } = input;
  const title = renderText(ROSTER_ID, 'title', { year: rosterYear(input), unit: unit.name }).trim();
  const header: TableRow = { cells: ROSTER_COLUMNS.map((column) => labelCell(column.label ?? column.header)) };
  const rows: TableRow[] = dossiers.map((dossier, index) => ({
    cells: ROSTER_COLUMNS.map((column, col) =>
      col === 0
        ? cell(column.text(dossier, index), { value: index + 1, align: 'center' })
        : cell(column.text(dossier, index)),
    ),
  }));
  const footer = renderText(ROSTER_ID, 'footer', {
    unit: unit.name,
    prefecture: orNone(unit.prefecture),
    preparer: orNone(unit.preparer),
    phone: orNone(unit.phone),
    date: cnDate(unit.date),
  }).trim();
  return tableDocument(
    `${title}-${unit.name}`,
    ctx.now,
    [
      // Less than a whole blank line: the roster of a unit stays on one landscape page.
      attachmentLabel('附件5', TABLE_LINE_PITCH, 4),
      {
        type: 'heading',
        level: 0,
        runs: [run(title, { size: CHINESE_SIZES.小二 })],
        align: 'center',
        spaceAfter: 8,
        keepWithNext: true,
      },
      {
        type: 'table',
        columns: ROSTER_COLUMNS.map((column) => column.width),
        layout: 'auto',
        // Nineteen columns at 小五 fill the width with their minimums: half a millimetre of padding (1.4 pt)
        // leaves the long texts (unit names, exemption reasons) 9.5 mm more than 0.75 mm did.
        cellPadding: 0.5,
        columnSpecs: ROSTER_COLUMNS.map((column) => column.sizing ?? {}),
        rows: [header, ...rows],
        headerRows: 1,
        style: { font: 'song', size: CHINESE_SIZES.小五 },
      },
      { type: 'spacer', height: 4 },
      paragraphBlock([run(footer, { size: CHINESE_SIZES.五号 })], { align: 'left' }),
    ],
    ROSTER_PAGE,
  );
}
