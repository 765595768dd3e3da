/**
 * Model tables → real Word tables spanning the type area: a twips grid from the
 * relative widths, merged cells (gridSpan; vMerge restart/continue, which the
 * docx package inserts into the rows below for `rowSpan`), row heights
 * "at least", repeated header rows, shaded label cells, thin single borders.
 * Rows may split across pages (no cantSplit): long cells would otherwise push
 * whole rows onto the next page and leave gaps.
 */
import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { TableBlock, TableCell as ModelCell, VerticalAlign } from '../../document/model.js';
import { imageRun, type DrawingIds } from './images.js';
import { paragraph } from './paragraphs.js';
import { resolveStyle, type ResolvedStyle } from './runs.js';
import { mmToTwips, ptToHalfPoints } from './units.js';

/** Light grey of label cells, the same in PDF and XLSX. */
export const LABEL_FILL = 'F2F2F2';

const V_ALIGN = {
  top: VerticalAlignTable.TOP,
  middle: VerticalAlignTable.CENTER,
  bottom: VerticalAlignTable.BOTTOM,
} as const satisfies Record<VerticalAlign, unknown>;

/** 0.5 pt single lines; `size` is in eighths of a point. */
const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const BORDERS = { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN };

/** Cell padding: Word's 1.9 mm left/right, a little air above and below for handwriting. */
const CELL_MARGINS = { top: mmToTwips(0.5), bottom: mmToTwips(0.5), left: mmToTwips(1.9), right: mmToTwips(1.9) };

/** Relative widths → twips that add up exactly to the text width. */
export function gridColumns(relative: readonly number[], totalTwips: number): number[] {
  const sum = relative.reduce((a, b) => a + b, 0) || 1;
  const widths = relative.map((w) => Math.floor((w / sum) * totalTwips));
  const rest = totalTwips - widths.reduce((a, b) => a + b, 0);
  if (widths.length > 0) widths[widths.length - 1]! += rest;
  return widths;
}

export function table(t: TableBlock, base: ResolvedStyle, textWidthTwips: number, ids: DrawingIds): Table {
  const style = resolveStyle(base, t.style);
  const columnWidths = gridColumns(t.columns, textWidthTwips);
  const headerRows = t.headerRows ?? 0;
  const rows = t.rows.map(
    (row, r) =>
      new TableRow({
        ...(r < headerRows ? { tableHeader: true } : {}),
        ...(row.minHeight ? { height: { value: mmToTwips(row.minHeight), rule: HeightRule.ATLEAST } } : {}),
        children: row.cells.map((c) => cell(c, t, style, ids)),
      }),
  );
  return new Table({
    rows,
    width: { size: textWidthTwips, type: WidthType.DXA },
    columnWidths,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    margins: { ...CELL_MARGINS, marginUnitType: WidthType.DXA },
  });
}

function cell(c: ModelCell, t: TableBlock, style: ResolvedStyle, ids: DrawingIds): TableCell {
  const align = t.align ?? (c.label ? 'center' : 'left');
  const children = c.paragraphs.map((p) => paragraph(p, { style, align, lineHeight: undefined }));
  // A picture in the cell (the review form's photo), centred above any text.
  if (c.image) {
    const { data, format, width, height } = c.image;
    children.unshift(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [imageRun(ids, data, format, width, height, 'photo')],
      }),
    );
  }
  return new TableCell({
    // Word cannot open a cell without a paragraph; signature and photo spaces stay empty,
    // their paragraph mark in the table's size so it does not make the row taller.
    children: children.length > 0 ? children : [new Paragraph({ run: { size: ptToHalfPoints(style.size) } })],
    verticalAlign: V_ALIGN[c.vAlign ?? 'middle'],
    ...(c.colSpan && c.colSpan > 1 ? { columnSpan: c.colSpan } : {}),
    ...(c.rowSpan && c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}),
    ...(c.label ? { shading: { fill: LABEL_FILL, type: ShadingType.CLEAR, color: 'auto' } } : {}),
  });
}
