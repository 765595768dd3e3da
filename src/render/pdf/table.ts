/**
 * Tables: column widths from content (table-widths.ts) over the type area,
 * cells that wrap, rows that grow to fit, row/col spans, label shading, 0.5 pt
 * rules. Split across pages by row bands (rows tied by row spans stay together)
 * with the header rows repeated: a row that fits on a page never splits, a
 * short table moves whole, and neither the first nor the last row of a table
 * is left alone on a page. Only a row taller than a page splits, between its
 * text lines. Nothing is clipped.
 */
import type { Align, CellImage, Paragraph, TableBlock, TableCell } from '../../document/model.js';
import type { Prepared } from './blocks.js';
import { EPS, MM, type Flow, type FlowContext } from './flow.js';
import { breakBetweenWords, cellPaddingMm, columnWidths } from '../table-widths.js';
import { fontMeasure } from '../text-measure.js';
import { layoutParagraph, paragraphHeight, resolveStyle, type LaidLine, type ResolvedStyle } from './text-layout.js';

const PAD_Y = 1 * MM;
const RULE = 0.5;
const LABEL_GRAY = 0.92;

interface CellLine {
  readonly line: LaidLine;
  /** Vertical space above this line (paragraph spacing), pt. */
  readonly before: number;
  /** Left edge of the paragraph box within the cell's content box. */
  readonly x: number;
}

interface LaidCell {
  readonly cell: TableCell;
  readonly row: number;
  readonly col: number;
  readonly rowSpan: number;
  readonly colSpan: number;
  readonly lines: readonly CellLine[];
  readonly contentHeight: number;
}

function cellLines(cell: TableCell, width: number, style: ResolvedStyle, align: Align, ctx: FlowContext): CellLine[] {
  const out: CellLine[] = [];
  let pendingAfter = 0;
  cell.paragraphs.forEach((p: Paragraph, i) => {
    const laid = layoutParagraph(p, { style, align, lineHeight: (max) => max * 1.4 }, width, ctx.lib);
    let before = pendingAfter + (i > 0 ? laid.spaceBefore : 0);
    for (const line of laid.lines) {
      out.push({ line, before, x: 0 });
      before = 0;
    }
    pendingAfter = laid.spaceAfter;
  });
  return out;
}

function linesHeight(lines: readonly CellLine[], from = 0, to = lines.length): number {
  let h = 0;
  for (let i = from; i < to; i++) h += (i > from ? lines[i]!.before : 0) + lines[i]!.line.height;
  return h;
}

/** A picture centred in its cell, at its own size unless the cell is smaller (aspect kept). */
function drawCellImage(
  flow: Flow,
  image: CellImage,
  g: { x: number; w: number; top: number; h: number },
  PAD_X: number,
): void {
  const name = flow.ctx.images.get(image);
  if (!name) throw new Error('cell image was not embedded');
  const k = Math.min(1, (g.w - 2 * PAD_X) / (image.width * MM), (g.h - 2 * PAD_Y) / (image.height * MM));
  const w = image.width * MM * k;
  const h = image.height * MM * k;
  flow.cur.image(name, g.x + (g.w - w) / 2, g.top - (g.h + h) / 2, w, h);
}

export function prepareTable(block: TableBlock, ctx: FlowContext): Prepared {
  const PAD_X = cellPaddingMm(block) * MM;
  const base = resolveStyle(
    { font: ctx.doc.base.font, size: ctx.doc.base.size, bold: false, underline: false },
    block.style,
  );
  const widthOptions = { width: ctx.width, padding: 2 * PAD_X, base, measure: fontMeasure(ctx.lib), mm: MM };
  const colW = columnWidths(block, widthOptions);
  const t = breakBetweenWords(block, colW, widthOptions);
  const colX: number[] = [0];
  for (const w of colW) colX.push(colX[colX.length - 1]! + w);
  const nCols = colW.length;

  // Grid placement: cells fill the next columns not taken by row spans from above.
  const taken: boolean[][] = t.rows.map(() => new Array<boolean>(nCols).fill(false));
  const cells: LaidCell[] = [];
  t.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells) {
      while (c < nCols && taken[r]![c]) c++;
      if (c >= nCols) throw new Error(`table row ${r} has more cells than columns`);
      const colSpan = Math.max(1, Math.min(cell.colSpan ?? 1, nCols - c));
      const rowSpan = Math.max(1, Math.min(cell.rowSpan ?? 1, t.rows.length - r));
      for (let rr = r; rr < r + rowSpan; rr++) for (let cc = c; cc < c + colSpan; cc++) taken[rr]![cc] = true;
      const width = colX[c + colSpan]! - colX[c]! - 2 * PAD_X;
      const align = t.align ?? (cell.label ? 'center' : 'left');
      const lines = cellLines(cell, width, base, cell.label && !t.align ? 'center' : align, ctx);
      const imageH = cell.image ? cell.image.height * MM : 0;
      cells.push({
        cell,
        row: r,
        col: c,
        rowSpan,
        colSpan,
        lines,
        contentHeight: Math.max(linesHeight(lines), imageH),
      });
      c += colSpan;
    }
  });

  // Row heights: single-row cells first, then spans stretch their last row.
  const rowH = t.rows.map((row) => Math.max((row.minHeight ?? 0) * MM, base.size * 1.4 + 2 * PAD_Y));
  for (const c of cells) if (c.rowSpan === 1) rowH[c.row] = Math.max(rowH[c.row]!, c.contentHeight + 2 * PAD_Y);
  for (const c of cells) {
    if (c.rowSpan === 1) continue;
    let have = 0;
    for (let r = c.row; r < c.row + c.rowSpan; r++) have += rowH[r]!;
    const need = c.contentHeight + 2 * PAD_Y;
    if (need > have) rowH[c.row + c.rowSpan - 1]! += need - have;
  }

  const byRow: LaidCell[][] = t.rows.map(() => []);
  for (const c of cells) byRow[c.row]!.push(c);

  // Bands: runs of rows tied together by row spans.
  const bands: { from: number; to: number }[] = [];
  for (let r = 0; r < t.rows.length; ) {
    let end = r + 1;
    for (let k = r; k < end; k++) for (const c of byRow[k]!) end = Math.max(end, c.row + c.rowSpan);
    bands.push({ from: r, to: end });
    r = end;
  }
  const bandH = (b: { from: number; to: number }): number => {
    let h = 0;
    for (let r = b.from; r < b.to; r++) h += rowH[r]!;
    return h;
  };
  const headerRows = Math.min(t.headerRows ?? 0, t.rows.length);
  let headerEnd = 0;
  for (const b of bands) if (b.from < headerRows) headerEnd = b.to;
  const headerBands = bands.filter((b) => b.to <= headerEnd);
  const bodyBands = bands.filter((b) => b.from >= headerEnd);
  const headerH = headerBands.reduce((h, b) => h + bandH(b), 0);

  const caption = t.caption
    ? layoutParagraph(
        t.caption,
        { style: base, align: 'center', lineHeight: (max) => Math.max(ctx.doc.base.lineHeight, max * 1.3) },
        ctx.width,
        ctx.lib,
      )
    : undefined;
  const captionH = caption ? paragraphHeight(caption) : 0;
  const bodyH = bodyBands.reduce((h, b) => h + bandH(b), 0);

  const cellsByBand = (b: { from: number; to: number }): LaidCell[] => byRow.slice(b.from, b.to).flat();

  /** Draws rows [from, to) with their top at y; `slices` gives per-cell line ranges for a split row. */
  const drawBand = (
    flow: Flow,
    b: { from: number; to: number },
    y: number,
    heights: readonly number[],
    slices?: Map<LaidCell, [number, number]>,
  ): void => {
    const canvas = flow.cur;
    const list = cellsByBand(b);
    const rowTop = (r: number): number => {
      let yy = y;
      for (let k = b.from; k < r; k++) yy -= heights[k - b.from]!;
      return yy;
    };
    const geom = list.map((c) => {
      const top = rowTop(c.row);
      let h = 0;
      for (let r = c.row; r < c.row + c.rowSpan; r++) h += heights[r - b.from]!;
      return { c, x: colX[c.col]!, w: colX[c.col + c.colSpan]! - colX[c.col]!, top, h };
    });
    for (const g of geom) if (g.c.cell.label) canvas.fillRect(g.x, g.top - g.h, g.w, g.h, LABEL_GRAY);
    for (const g of geom) if (g.c.cell.image && !slices) drawCellImage(flow, g.c.cell.image, g, PAD_X);
    for (const g of geom) {
      const [from, to] = slices?.get(g.c) ?? [0, g.c.lines.length];
      const contentH = linesHeight(g.c.lines, from, to);
      const vAlign = slices ? 'top' : (g.c.cell.vAlign ?? 'middle');
      const free = g.h - 2 * PAD_Y - contentH;
      let yy = g.top - PAD_Y - (vAlign === 'middle' ? free / 2 : vAlign === 'bottom' ? free : 0);
      for (let i = from; i < to; i++) {
        const cl = g.c.lines[i]!;
        if (i > from) yy -= cl.before;
        canvas.drawLine(cl.line, g.x + PAD_X + cl.x, yy);
        yy -= cl.line.height;
      }
    }
    for (const g of geom) canvas.strokeRect(g.x, g.top - g.h, g.w, g.h, RULE);
  };

  const drawHeader = (flow: Flow): void => {
    for (const b of headerBands) {
      const hs = rowH.slice(b.from, b.to);
      drawBand(flow, b, flow.y, hs);
      flow.y -= bandH(b);
    }
  };

  const newPageWithHeader = (flow: Flow): void => {
    flow.newPage();
    drawHeader(flow);
  };

  /** A single row taller than a page: fill each page with as many lines of each cell as fit. */
  const splitRow = (flow: Flow, b: { from: number; to: number }, freshPage: boolean): void => {
    const list = cellsByBand(b);
    const next = new Map<LaidCell, number>(list.map((c) => [c, 0]));
    const minH = (t.rows[b.from]!.minHeight ?? 0) * MM;
    // On a page that holds nothing but the header, every cell moves on by a line at least.
    let opened = freshPage;
    for (;;) {
      const avail = flow.remaining - 2 * PAD_Y;
      const slices = new Map<LaidCell, [number, number]>();
      let sliceH = 0;
      let done = true;
      let progress = false;
      for (const c of list) {
        const from = next.get(c)!;
        let to = from;
        while (to < c.lines.length && linesHeight(c.lines, from, to + 1) <= avail + EPS) to++;
        if (to === from && to < c.lines.length && opened) to++;
        if (to > from) progress = true;
        slices.set(c, [from, to]);
        sliceH = Math.max(sliceH, linesHeight(c.lines, from, to));
        if (to < c.lines.length) done = false;
      }
      if (!progress && !done) {
        newPageWithHeader(flow);
        opened = true;
        continue;
      }
      for (const [c, [, to]] of slices) next.set(c, to);
      const h = done
        ? Math.max(sliceH + 2 * PAD_Y, Math.min(minH, flow.remaining))
        : Math.max(sliceH + 2 * PAD_Y, flow.remaining);
      drawBand(flow, b, flow.y, [h], slices);
      flow.y -= h;
      if (done) return;
      newPageWithHeader(flow);
      opened = true;
    }
  };

  const wholeH = captionH + headerH + bodyH;
  // A short table (up to a third of a page, or of three rows at most) moves whole, as does one that says
  // so; a longer one starts with its header and two body rows, so it never leaves a single row behind.
  const leadBands = bodyBands.slice(0, 2).reduce((h, b) => h + bandH(b), 0);
  const short = wholeH <= ctx.height / 3 || bodyBands.length <= 3 || (t.keepTogether ?? false);
  const startH = short ? wholeH : captionH + headerH + leadBands;
  const fresh = ctx.height - headerH;
  /** Whether a band must not break across pages: every row that fits on a page, unless it says otherwise. */
  const keepsWhole = (b: { from: number; to: number }): boolean =>
    bandH(b) <= fresh + EPS && t.rows.slice(b.from, b.to).every((row) => row.cantSplit !== false);
  return {
    height: wholeH,
    firstHeight: startH,
    keepWithNext: false,
    place(flow) {
      if (startH <= flow.ctx.height) flow.ensure(startH);
      if (caption) {
        if (!flow.atTop) flow.y -= caption.spaceBefore;
        flow.placeLines(caption.lines, 0);
        flow.y -= caption.spaceAfter;
      }
      drawHeader(flow);
      let onPage = 0;
      bodyBands.forEach((b, i) => {
        const h = bandH(b);
        const last = i === bodyBands.length - 1;
        // The last row does not go over alone: the row before it goes along when two rows stay behind.
        const nextH = last ? 0 : bandH(bodyBands[i + 1]!);
        const widowNext =
          i === bodyBands.length - 2 && onPage >= 2 && h + nextH > flow.remaining + EPS && h + nextH <= fresh;
        if (h <= flow.remaining + EPS && !widowNext) {
          drawBand(flow, b, flow.y, rowH.slice(b.from, b.to));
          flow.y -= h;
          onPage++;
          return;
        }
        const single = b.to - b.from === 1;
        if (keepsWhole(b) || widowNext) {
          newPageWithHeader(flow);
          drawBand(flow, b, flow.y, rowH.slice(b.from, b.to));
          flow.y -= h;
          onPage = 1;
          return;
        }
        const fewLines = base.size * 1.4 * 3 + 2 * PAD_Y;
        if (single) {
          // A row taller than a page (or one allowed to split) breaks between its text lines at the foot of the page.
          const opened = flow.remaining < fewLines;
          if (opened) newPageWithHeader(flow);
          splitRow(flow, b, opened);
        } else {
          // Spanned rows taller than a page: keep the spans, row by row of the band's own rows.
          for (let r = b.from; r < b.to; r++) {
            if (rowH[r]! > flow.remaining + EPS) newPageWithHeader(flow);
            drawBand(flow, { from: r, to: r + 1 }, flow.y, rowH.slice(r));
            flow.y -= rowH[r]!;
          }
        }
        onPage = 1;
      });
    },
  };
}
