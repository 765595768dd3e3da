/**
 * Model tables → real Word tables spanning the type area: a twips grid from the
 * column widths the PDF uses (table-widths.ts, same font metrics and padding),
 * merged cells (gridSpan; vMerge restart/continue, which the docx package
 * inserts into the rows below for `rowSpan`), row heights "at least", repeated
 * header rows, shaded label cells, thin single borders.
 *
 * Pagination as in the PDF: a row that fits on a page never splits (cantSplit);
 * a short table (up to a third of a page) is kept whole, a longer one keeps its
 * header with its first two rows and its last two rows together (keepNext on
 * the rows' paragraphs), so no single row is left alone on a page.
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
import { getFontLibrary } from '../../fonts/library.js';
import { estimateRowHeights } from '../table-rows.js';
import { breakBetweenWords, cellBoxWidths, cellPaddingMm, columnWidths } from '../table-widths.js';
import { wordProcessorMeasure } from '../text-measure.js';
import { imageRun, type DrawingIds } from './images.js';
import { paragraph } from './paragraphs.js';
import { withPdfLines } from './pdf-lines.js';
import { resolveStyle, type ResolvedStyle } from './runs.js';
import { mmToTwips, ptToHalfPoints } from './units.js';

/** Light grey of label cells, the same in PDF and XLSX. */
const LABEL_FILL = 'F2F2F2';

const V_ALIGN = {
  top: VerticalAlignTable.TOP,
  middle: VerticalAlignTable.CENTER,
  bottom: VerticalAlignTable.BOTTOM,
} as const satisfies Record<VerticalAlign, unknown>;

/** 0.5 pt single lines; `size` is in eighths of a point. */
const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const BORDERS = { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN };

/** Cell padding: left/right as in the PDF (the widths are computed with it), a little air above and below. */
function cellMargins(padXmm: number) {
  return { top: mmToTwips(0.5), bottom: mmToTwips(0.5), left: mmToTwips(padXmm), right: mmToTwips(padXmm) };
}
const PT_PER_MM = 72 / 25.4;

/** Widths in pt → twips that add up exactly to the text width. */
export function gridColumns(widthsPt: readonly number[], totalTwips: number): number[] {
  const sum = widthsPt.reduce((a, b) => a + b, 0) || 1;
  const widths = widthsPt.map((w) => Math.floor((w / sum) * totalTwips));
  const rest = totalTwips - widths.reduce((a, b) => a + b, 0);
  if (widths.length > 0) widths[widths.length - 1]! += rest;
  return widths;
}

export interface TableArea {
  readonly textWidthTwips: number;
  readonly textHeightTwips: number;
}

/**
 * `keepWithNext`: the table's last row keeps with the paragraph after it (the
 * pledge's box with its 承诺人签字 line), as the PDF keeps a block before a 落款.
 */
export function table(
  block: TableBlock,
  base: ResolvedStyle,
  area: TableArea,
  ids: DrawingIds,
  keepWithNext = false,
): Table {
  const style = resolveStyle(base, block.style);
  const measureBase = { font: style.font, size: style.size, bold: style.bold };
  const measure = wordProcessorMeasure(getFontLibrary());
  const widthPt = area.textWidthTwips / 20;
  const PAD_X_MM = cellPaddingMm(block);
  const padding = 2 * PAD_X_MM * PT_PER_MM;
  const widthOptions = {
    width: widthPt,
    padding,
    base: measureBase,
    measure,
    mm: PT_PER_MM,
  };
  const widthsPt = columnWidths(block, widthOptions);
  const t = breakBetweenWords(block, widthsPt, widthOptions);
  const gridTwips = gridColumns(widthsPt, area.textWidthTwips);
  const boxes = cellBoxWidths(t, widthsPt);
  const heights = estimateRowHeights(t, widthsPt, {
    padding,
    paddingY: PT_PER_MM,
    base: measureBase,
    measure,
    leading: 1.3,
    mm: PT_PER_MM,
  });
  const pageH = area.textHeightTwips / 20;
  const headerRows = Math.min(t.headerRows ?? 0, t.rows.length);
  const total = heights.reduce((a, b) => a + b, 0);
  const n = t.rows.length;
  // As the PDF (pdf/table.ts): a short table or one kept together moves whole; a longer one keeps
  // its header with its first row and its last two rows together.
  const short = total <= pageH / 3 || n - headerRows <= 3 || (t.keepTogether ?? false);
  /** Rows whose paragraphs keep with the next row (the last one: with what follows the table). */
  const keepNext = (r: number): boolean => (r === n - 1 ? keepWithNext : short || r < headerRows + 1 || r === n - 2);
  const rows = t.rows.map(
    (row, r) =>
      new TableRow({
        ...(r < headerRows ? { tableHeader: true } : {}),
        ...(row.cantSplit !== false && heights[r]! <= pageH ? { cantSplit: true } : {}),
        ...(row.minHeight ? { height: { value: mmToTwips(row.minHeight), rule: HeightRule.ATLEAST } } : {}),
        children: row.cells.map((c) => cell(c, t, style, ids, keepNext(r), (boxes.get(c) ?? 0) - padding)),
      }),
  );
  return new Table({
    rows,
    width: { size: area.textWidthTwips, type: WidthType.DXA },
    columnWidths: gridTwips,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    margins: { ...cellMargins(PAD_X_MM), marginUnitType: WidthType.DXA },
  });
}

function cell(
  c: ModelCell,
  t: TableBlock,
  style: ResolvedStyle,
  ids: DrawingIds,
  keepNext: boolean,
  contentWidthPt: number,
): TableCell {
  const align = t.align ?? (c.label ? 'center' : 'left');
  const children = c.paragraphs.map((p) => {
    // The PDF's line ends (pdf-lines.ts): 科员 whole, not 科 | 员.
    const lined = withPdfLines(p, { style, align, firstLineIndent: 0 }, contentWidthPt);
    return paragraph(keepNext ? { ...lined, keepWithNext: true } : lined, { style, align, lineHeight: undefined });
  });
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
    children: children.length > 0 ? children : [new Paragraph({ keepNext, run: { size: ptToHalfPoints(style.size) } })],
    verticalAlign: V_ALIGN[c.vAlign ?? 'middle'],
    ...(c.colSpan && c.colSpan > 1 ? { columnSpan: c.colSpan } : {}),
    ...(c.rowSpan && c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}),
    ...(c.label ? { shading: { fill: LABEL_FILL, type: ShadingType.CLEAR, color: 'auto' } } : {}),
  });
}
