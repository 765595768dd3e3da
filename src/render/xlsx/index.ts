/**
 * Document model → XLSX with exceljs: one worksheet; headings, paragraphs and
 * signature lines as rows merged across the sheet; tables as cell grids.
 *
 * Every text cell is a string cell formatted "@" (Excel keeps only 15 digits of
 * a number, so an 18-digit ID number must never become one); typed `value`s
 * (counts, dates) stay numbers and dates. Column widths come from the model's
 * relative widths scaled to the page, widened to fit the text (CJK counts two),
 * and the sheet prints A4, fit to one page wide, with the first table's header
 * rows repeated on every page. Zip entries and properties carry
 * `meta.createdAt`, so the same model gives the same bytes.
 */
import ExcelJS from 'exceljs';
import type { Block, BlockType, Document, TableBlock } from '../../document/model.js';
import { HEADING_STYLES } from '../../document/model.js';
import { qrPng } from '../qr-png.js';
import { columnWidths } from './columns.js';
import { baseStyle, type SheetContext } from './context.js';
import { placeCells } from './grid.js';
import { rowHeight } from './measure.js';
import { withNormalFont } from './normal-font.js';
import { imageRows, paragraphRow, spaceRow, textRow } from './rows.js';
import { sheetName } from './sheet-name.js';
import { writeTable } from './table.js';

type Handler<K extends BlockType> = (block: Extract<Block, { type: K }>, ctx: SheetContext) => void | Promise<void>;

const BLOCKS: { readonly [K in BlockType]: Handler<K> } = {
  heading: (b, ctx) => {
    const def = HEADING_STYLES[b.level];
    paragraphRow(ctx, b, { font: def.font, size: def.size, bold: def.bold }, b.level === 0 ? 'center' : 'left');
  },
  paragraph: (b, ctx) => paragraphRow(ctx, b, baseStyle(ctx.doc), 'left'),
  table: (b, ctx) => writeTable(b, ctx),
  signature: (b, ctx) => {
    if (b.sealSpace) spaceRow(ctx, b.sealSpace);
    const align = b.align ?? 'right';
    // Labels only: the spaces after them are for handwriting and stay empty.
    for (const line of b.lines) textRow(ctx, line.text, baseStyle(ctx.doc), align);
  },
  image: (b, ctx) => imageRows(ctx, b.data, b.format, b.width, b.height),
  qr: async (b, ctx) => {
    await imageRows(ctx, qrPng(b.text, b.size), 'png', b.size, b.size);
    if (b.caption) textRow(ctx, b.caption, { ...baseStyle(ctx.doc), size: Math.min(ctx.doc.base.size, 10.5) }, 'left');
  },
  spacer: (b, ctx) => {
    spaceRow(ctx, b.height);
  },
  pageBreak: (_b, ctx) => {
    if (ctx.row > 1) ctx.ws.getRow(ctx.row - 1).addPageBreak();
  },
};

export async function renderXlsx(doc: Document): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'zhicheng-docs';
  wb.lastModifiedBy = doc.meta.author ?? 'zhicheng-docs';
  wb.title = doc.meta.title;
  if (doc.meta.subject) wb.subject = doc.meta.subject;
  if (doc.meta.keywords) wb.keywords = doc.meta.keywords.join('; ');
  wb.created = doc.meta.createdAt;
  wb.modified = doc.meta.createdAt;

  const tables = doc.blocks
    .filter((b): b is TableBlock => b.type === 'table')
    .map((t) => ({ t, placed: placeCells(t) }));
  const { widths, edges, content } = columnWidths(doc, tables);
  const m = doc.page.margins;
  const inch = (mm: number) => Math.round((mm / 25.4) * 100) / 100;
  const ws = wb.addWorksheet(sheetName(doc.meta.title), {
    pageSetup: {
      paperSize: 9,
      orientation: doc.page.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: {
        left: inch(m.inner),
        right: inch(m.outer),
        top: inch(m.top),
        bottom: inch(m.bottom),
        header: 0.3,
        footer: 0.3,
      },
    },
    headerFooter: doc.pageNumbers === 'none' ? {} : { oddFooter: '&C&P / &N' },
    properties: { defaultRowHeight: rowHeight(1, doc.base.size) },
  });
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  const ctx: SheetContext = { doc, wb, ws, columns: widths.length, widths, edges, content, row: 1 };
  for (const block of doc.blocks) {
    await (BLOCKS[block.type] as Handler<BlockType>)(block as never, ctx);
  }
  if (ctx.titleRows) {
    ws.views = [
      {
        state: 'frozen',
        xSplit: 0,
        ySplit: ctx.titleRows.to,
        topLeftCell: `A${ctx.titleRows.to + 1}`,
        activeCell: `A${ctx.titleRows.to + 1}`,
      },
    ];
    ws.pageSetup.printTitlesRow = `${ctx.titleRows.from}:${ctx.titleRows.to}`;
  }
  const buffer = await wb.xlsx.writeBuffer();
  // exceljs zips with the wall-clock time; the model's time makes the same model give the same bytes.
  return withNormalFont(new Uint8Array(buffer as ArrayBuffer), doc.meta.createdAt);
}
