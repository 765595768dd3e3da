/**
 * Each block type of the model: measured first (so keepWithNext can look
 * ahead), then placed on the flow. The table of handlers is exhaustive over
 * BlockType, so a new block type fails the build until it is rendered.
 */
import { qrModules } from '../qr.js';
import {
  keepsWithSignature,
  signatureLabel,
  signatureLineOffsets,
  type MeasuredSignatureLine,
} from '../../document/signature-layout.js';
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
  /** `reserve`: room (pt) that the next block needs on the same page after this one ends (keepWithNext). */
  place(flow: Flow, reserve?: number): void;
}

function baseStyle(ctx: FlowContext): ResolvedStyle {
  return { font: ctx.doc.base.font, size: ctx.doc.base.size, bold: false, underline: false };
}

export function bodyDefaults(ctx: FlowContext, style = baseStyle(ctx)): ParagraphDefaults {
  const base = ctx.doc.base.lineHeight;
  return { style, align: 'justify', lineHeight: (max) => Math.max(base, max * 1.3) };
}

/**
 * Lines of an n-line paragraph that must share a page with what comes before
 * it: the orphan rule keeps two together, and a paragraph of up to three lines
 * is never split (2 + 1 or 1 + 2), so it moves whole.
 */
function firstLinesKept(n: number): number {
  return n <= 3 ? n : 2;
}

/**
 * Places a paragraph with widow/orphan control: its first line is not left
 * alone at the foot of a page, nor its last line alone at the head of the next.
 * `reserve` is the height of what must follow its last line on the same page
 * (the start of the next block, when this one keeps with it): the paragraph
 * breaks earlier to carry its last lines along rather than end a page.
 * A keepTogether paragraph that fits on a page is moved whole.
 */
function placeParagraph(flow: Flow, laid: LaidParagraph, reserve = 0, together = false): void {
  if (together && paragraphHeight(laid) <= flow.ctx.height + EPS) flow.ensure(laid.spaceBefore + linesHeight(laid));
  if (!flow.atTop) flow.y -= laid.spaceBefore;
  const lines = laid.lines;
  let i = 0;
  while (i < lines.length) {
    let fit = 0;
    let h = 0;
    while (i + fit < lines.length && h + lines[i + fit]!.height <= flow.remaining + EPS) h += lines[i + fit++]!.height;
    let rest = lines.length - i - fit;
    // The last lines must leave room for what is kept with them; else they take lines along.
    if (rest === 0 && reserve > 0 && h + laid.spaceAfter + reserve > flow.remaining + EPS && !flow.atTop) {
      // Two lines go on (no widow); the paragraph's start stays only if two lines of it remain (no orphan).
      let keep = Math.max(0, fit - 2);
      if (i === 0 && keep < 2) keep = 0;
      fit = keep;
      rest = lines.length - i - fit;
    }
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

function linesHeight(laid: LaidParagraph, count = laid.lines.length): number {
  let h = 0;
  for (let k = 0; k < count && k < laid.lines.length; k++) h += laid.lines[k]!.height;
  return h;
}

function preparedParagraph(laid: LaidParagraph, together: boolean): Prepared {
  const height = paragraphHeight(laid);
  const kept = together ? laid.lines.length : firstLinesKept(laid.lines.length);
  return {
    height,
    // A paragraph that moves whole (up to three lines) is one piece, its space after included: counted
    // without it, a kept three-line paragraph looked splittable and left the lines before it behind.
    firstHeight: kept >= laid.lines.length ? height : laid.spaceBefore + linesHeight(laid, kept),
    keepWithNext: laid.keepWithNext,
    place: (flow, reserve) => placeParagraph(flow, laid, reserve, together),
  };
}

function paragraph(b: ParagraphBlock, ctx: FlowContext): Prepared {
  return preparedParagraph(layoutParagraph(b, bodyDefaults(ctx), ctx.width, ctx.lib), b.keepTogether ?? false);
}

function heading(b: HeadingBlock, ctx: FlowContext): Prepared {
  const hs = HEADING_STYLES[b.level];
  const style: ResolvedStyle = { font: hs.font, size: hs.size, bold: hs.bold, underline: false };
  const defaults: ParagraphDefaults = {
    ...bodyDefaults(ctx, style),
    align: b.level === 0 ? 'center' : 'justify',
    firstLineIndent: b.level === 0 ? 0 : 2,
  };
  // The title breaks between words into lines of about equal length.
  const laid = layoutParagraph({ ...b, balanced: b.balanced ?? b.level === 0 }, defaults, ctx.width, ctx.lib);
  // A heading is never split and never ends a page.
  return preparedParagraph({ ...laid, keepWithNext: b.keepWithNext ?? true }, true);
}

function signature(b: SignatureBlock, ctx: FlowContext): Prepared {
  const style = baseStyle(ctx);
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
  const measured: MeasuredSignatureLine[] = laid.map((l, i) => {
    const ends = l.lines.map((ln) => {
      const g = ln.glyphs[ln.glyphs.length - 1];
      return g ? g.x + g.advance : 0;
    });
    const label = signatureLabel(b.lines[i]!.text);
    const colon = label === null ? undefined : l.lines[0]?.glyphs[Array.from(label).length - 1];
    return { width: Math.max(0, ...ends), label: colon ? colon.x + colon.advance : null };
  });
  const offsets = signatureLineOffsets(b, measured, ctx.width, style.size);
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
        flow.placeLines(l.lines, offsets[i]!);
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

function prepareBlock(b: Block, ctx: FlowContext): Prepared {
  return (HANDLERS[b.type] as (b: Block, ctx: FlowContext) => Prepared)(b, ctx);
}

/**
 * Lays out every block on the flow, honouring keepWithNext: a chain of kept
 * blocks moves to a new page with the start of the block after it when that
 * fits on one page; a kept paragraph too long for that breaks early instead, so
 * its last lines go along. The text just before a signature block keeps with
 * it, and a 落款 made of several signature blocks stays on one page.
 */
export function flowBlocks(blocks: readonly Block[], flow: Flow): void {
  const prepared = blocks.map((b, i) => {
    const p = prepareBlock(b, flow.ctx);
    return keepsWithSignature(blocks, i) ? { ...p, keepWithNext: true } : p;
  });
  const splittable = (p: Prepared): boolean => p.height > p.firstHeight + EPS;
  /** What must fit on the page where block k starts: its first part, or all of it and the next's start when kept. */
  const startNeed = (k: number): number => {
    const p = prepared[k];
    if (!p) return 0;
    if (splittable(p) || !p.keepWithNext) return p.firstHeight;
    return p.height + startNeed(k + 1);
  };
  prepared.forEach((p, i) => {
    let reserve = 0;
    if (p.keepWithNext && splittable(p)) {
      reserve = startNeed(i + 1);
    } else if (p.keepWithNext) {
      const need = p.height + startNeed(i + 1);
      if (need <= flow.ctx.height) flow.ensure(need);
    }
    p.place(flow, reserve);
  });
}
