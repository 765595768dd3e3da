/**
 * Each block type of the model: measured first (so keepWithNext can look
 * ahead), then placed on the flow. The table of handlers is exhaustive over
 * BlockType, so a new block type fails the build until it is rendered.
 */
import { qrModules } from './qr.js';
import {
  HEADING_STYLES,
  type Block,
  type BlockType,
  type HeadingBlock,
  type ImageBlock,
  type ParagraphBlock,
  type QrBlock,
  type SignatureBlock,
  type SpacerBlock,
  type TableBlock,
} from '../../document/model.js';
import { EPS, MM, type Flow, type FlowContext } from './flow.js';
import { prepareTable } from './table.js';
import {
  layoutParagraph,
  paragraphHeight,
  type LaidParagraph,
  type ParagraphDefaults,
  type ResolvedStyle,
} from './text-layout.js';

export interface Prepared {
  /** Total height, pt. */
  readonly height: number;
  /** Height of the part that must follow a keepWithNext block on the same page. */
  readonly firstHeight: number;
  readonly keepWithNext: boolean;
  place(flow: Flow): void;
}

export function baseStyle(ctx: FlowContext): ResolvedStyle {
  return { font: ctx.doc.base.font, size: ctx.doc.base.size, bold: false, underline: false };
}

export function bodyDefaults(ctx: FlowContext, style = baseStyle(ctx)): ParagraphDefaults {
  const base = ctx.doc.base.lineHeight;
  return { style, align: 'justify', lineHeight: (max) => Math.max(base, max * 1.3) };
}

/**
 * Places a paragraph with widow/orphan control: its first line is not left
 * alone at the foot of a page, nor its last line alone at the head of the next.
 */
function placeParagraph(flow: Flow, laid: LaidParagraph): void {
  if (!flow.atTop) flow.y -= laid.spaceBefore;
  const lines = laid.lines;
  let i = 0;
  while (i < lines.length) {
    let fit = 0;
    let h = 0;
    while (i + fit < lines.length && h + lines[i + fit]!.height <= flow.remaining + EPS) h += lines[i + fit++]!.height;
    const rest = lines.length - i - fit;
    if (rest > 0 && !flow.atTop) {
      if (fit === 1 && i === 0 && lines.length > 1)
        fit = 0; // orphan: move the first line on
      else if (rest === 1 && fit >= 3)
        fit -= 1; // widow: take a line along
      else if (rest === 1 && i === 0) fit = 0; // too short to split without one: move it whole
    }
    if (fit === 0 && flow.atTop) fit = 1;
    flow.placeLines(lines.slice(i, i + fit), 0);
    i += fit;
    if (i < lines.length) flow.newPage();
  }
  flow.y -= laid.spaceAfter;
}

function preparedParagraph(laid: LaidParagraph): Prepared {
  const first = laid.lines[0]?.height ?? 0;
  return {
    height: paragraphHeight(laid),
    firstHeight: laid.spaceBefore + first,
    keepWithNext: laid.keepWithNext,
    place: (flow) => placeParagraph(flow, laid),
  };
}

function paragraph(b: ParagraphBlock, ctx: FlowContext): Prepared {
  return preparedParagraph(layoutParagraph(b, bodyDefaults(ctx), ctx.width, ctx.lib));
}

function heading(b: HeadingBlock, ctx: FlowContext): Prepared {
  const hs = HEADING_STYLES[b.level];
  const style: ResolvedStyle = { font: hs.font, size: hs.size, bold: hs.bold, underline: false };
  const defaults: ParagraphDefaults = {
    ...bodyDefaults(ctx, style),
    align: b.level === 0 ? 'center' : 'justify',
    firstLineIndent: b.level === 0 ? 0 : 2,
  };
  const laid = layoutParagraph(b, defaults, ctx.width, ctx.lib);
  return preparedParagraph({ ...laid, keepWithNext: b.keepWithNext ?? true });
}

function signature(b: SignatureBlock, ctx: FlowContext): Prepared {
  const style = baseStyle(ctx);
  const em = style.size;
  const defaults: ParagraphDefaults = { ...bodyDefaults(ctx), align: 'left' };
  const laid = b.lines.map((line) =>
    layoutParagraph(
      {
        runs: [
          { text: line.text },
          ...(line.blank ? [{ text: '\u3000'.repeat(line.blank), style: { underline: true } }] : []),
        ],
      },
      defaults,
      ctx.width,
      ctx.lib,
    ),
  );
  const lineWidth = (l: LaidParagraph): number =>
    Math.max(
      0,
      ...l.lines.map((ln) => {
        const g = ln.glyphs[ln.glyphs.length - 1];
        return g ? g.x + g.advance : 0;
      }),
    );
  const widths = laid.map(lineWidth);
  const blockW = Math.max(0, ...widths);
  const right = (b.align ?? 'right') === 'right';
  // GB/T 9704 落款: the block sits two characters in from the right edge, lines centred on each other.
  const blockX = right ? Math.max(0, ctx.width - 2 * em - blockW) : 0;
  const seal = (b.sealSpace ?? 0) * MM;
  const height = seal + laid.reduce((h, l) => h + paragraphHeight(l), 0);
  return {
    height,
    firstHeight: height,
    keepWithNext: false,
    place(flow) {
      flow.ensure(height);
      flow.y -= seal;
      laid.forEach((l, i) => {
        const x = right ? blockX + (blockW - widths[i]!) / 2 : 0;
        flow.placeLines(l.lines, x);
      });
    },
  };
}

function image(b: ImageBlock, ctx: FlowContext): Prepared {
  // Scaled down (aspect kept) when wider or taller than the type area.
  const k = Math.min(1, ctx.width / (b.width * MM), ctx.height / (b.height * MM));
  const w = b.width * MM * k;
  const h = b.height * MM * k;
  const name = ctx.images.get(b);
  if (!name) throw new Error('image block was not embedded');
  return {
    height: h,
    firstHeight: h,
    keepWithNext: false,
    place(flow) {
      flow.ensure(h);
      const align = b.align ?? 'center';
      const x = align === 'left' ? 0 : align === 'right' ? ctx.width - w : (ctx.width - w) / 2;
      flow.cur.image(name, x, flow.y - h, w, h);
      flow.y -= h;
    },
  };
}

function qr(b: QrBlock, ctx: FlowContext): Prepared {
  const side = Math.min(b.size * MM, ctx.width);
  const captionSize = 9;
  const caption = b.caption
    ? layoutParagraph(
        { runs: [{ text: b.caption }], align: 'center' },
        { style: { ...baseStyle(ctx), size: captionSize }, align: 'center', lineHeight: () => captionSize * 1.5 },
        ctx.width,
        ctx.lib,
      )
    : undefined;
  const height = side + (caption ? paragraphHeight(caption) : 0);
  const modules = qrModules(b.text);
  return {
    height,
    firstHeight: height,
    keepWithNext: false,
    place(flow) {
      flow.ensure(height);
      flow.cur.qr(modules, (ctx.width - side) / 2, flow.y, side);
      flow.y -= side;
      if (caption) flow.placeLines(caption.lines, 0);
    },
  };
}

function spacer(b: SpacerBlock): Prepared {
  const h = b.height * MM;
  return {
    height: h,
    firstHeight: h,
    keepWithNext: false,
    place(flow) {
      if (flow.atTop) return;
      flow.y -= h;
      if (flow.remaining < -EPS) flow.newPage();
    },
  };
}

const pageBreak: Prepared = {
  height: 0,
  firstHeight: 0,
  keepWithNext: false,
  place(flow) {
    if (flow.cur.drawn || !flow.atTop) flow.newPage();
  },
};

type Handler<T extends BlockType> = (b: Extract<Block, { type: T }>, ctx: FlowContext) => Prepared;

const HANDLERS = {
  paragraph,
  heading,
  table: (b: TableBlock, ctx: FlowContext) => prepareTable(b, ctx),
  signature,
  image,
  qr,
  spacer: (b: SpacerBlock) => spacer(b),
  pageBreak: () => pageBreak,
} satisfies { [T in BlockType]: Handler<T> };

export function prepareBlock(b: Block, ctx: FlowContext): Prepared {
  return (HANDLERS[b.type] as (b: Block, ctx: FlowContext) => Prepared)(b, ctx);
}

/** Lays out every block on the flow, honouring keepWithNext. */
export function flowBlocks(blocks: readonly Block[], flow: Flow): void {
  // A 落款 made of several signature blocks (signature, then unit, seal and date) stays on one page.
  const prepared = blocks.map((b, i) => {
    const p = prepareBlock(b, flow.ctx);
    return b.type === 'signature' && blocks[i + 1]?.type === 'signature' ? { ...p, keepWithNext: true } : p;
  });
  prepared.forEach((p, i) => {
    if (p.keepWithNext) {
      // The chain of kept blocks plus the first part of the block after them.
      let need = 0;
      let j = i;
      while (j < prepared.length && prepared[j]!.keepWithNext) need += prepared[j++]!.height;
      need += prepared[j]?.firstHeight ?? 0;
      if (need <= flow.ctx.height) flow.ensure(need);
    }
    p.place(flow);
  });
}
