/**
 * A paragraph → lines of positioned glyphs: fonts chosen per code point along
 * the role's fallback chain, lines broken by the Chinese rules, then justified
 * (inter-character spacing for CJK, word spacing for Latin) or aligned.
 */
import type { Align, FontRole, Paragraph, TextStyle } from '../../document/model.js';
import type { FontFace } from '../../fonts/face.js';
import type { FontLibrary } from '../../fonts/library.js';
import { MAX_SPREAD_EM, breakLines, measure, type BreakInput, type LineSpan } from './line-break.js';
import { OPENING, SQUEEZABLE, breakOpportunities, isSpace, isWordChar } from './line-break-rules.js';

export interface ResolvedStyle {
  readonly font: FontRole;
  readonly size: number;
  readonly bold: boolean;
  readonly underline: boolean;
}

interface GlyphItem {
  readonly ch: string;
  readonly face: FontFace;
  readonly gid: number;
  /** Advance in font units. */
  readonly advanceUnits: number;
  /** Natural advance, pt. */
  readonly width: number;
  readonly size: number;
  readonly syntheticBold: boolean;
  readonly underline: boolean;
  /** Spaces advance but draw nothing. */
  readonly space: boolean;
  /** Shift of the glyph from its pen position, pt (an opening mark set half-width loses its left half). */
  readonly offsetX?: number;
  /** Horizontal scale and shift (em) that make the outline fill its em (joined dashes). */
  readonly stretch?: { readonly scale: number; readonly shift: number };
  /** Index of the unbreakable span (a name, an ID number) this character belongs to. */
  readonly span?: number;
}

interface PositionedGlyph {
  readonly item: GlyphItem;
  /** From the left edge of the paragraph's box, pt. */
  readonly x: number;
  /** Advance after justification/squeezing, pt. */
  readonly advance: number;
}

export interface LaidLine {
  readonly glyphs: readonly PositionedGlyph[];
  /** Exact line pitch, pt. */
  readonly height: number;
  /** Largest type size on the line (sets the baseline). */
  readonly size: number;
}

export interface LaidParagraph {
  readonly lines: readonly LaidLine[];
  readonly spaceBefore: number;
  readonly spaceAfter: number;
  readonly keepWithNext: boolean;
}

export interface ParagraphDefaults {
  readonly style: ResolvedStyle;
  readonly align: Align;
  /** Line pitch for a paragraph that sets none, from its largest type size. */
  readonly lineHeight: (maxSize: number) => number;
  readonly firstLineIndent?: number;
}

export function resolveStyle(base: ResolvedStyle, s: TextStyle | undefined): ResolvedStyle {
  if (!s) return base;
  return {
    font: s.font ?? base.font,
    size: s.size ?? base.size,
    bold: s.bold ?? base.bold,
    underline: s.underline ?? base.underline,
  };
}

/** Thrown when a code point reaches the renderer that no font has (input coverage missed it). */
export class MissingGlyphError extends Error {
  constructor(readonly codePoint: number) {
    super(
      `No configured font has a glyph for U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}; input coverage should have rejected it`,
    );
    this.name = 'MissingGlyphError';
  }
}

/** Glyph items of styled text, one per code point; "\n" ends a segment. */
function shapeRuns(
  runs: readonly { text: string; style: ResolvedStyle; noBreak?: boolean }[],
  lib: FontLibrary,
): GlyphItem[][] {
  const segments: GlyphItem[][] = [[]];
  for (const [index, { text, style, noBreak }] of runs.entries()) {
    for (const raw of text) {
      if (raw === '\n') {
        segments.push([]);
        continue;
      }
      if (raw === '\r') continue;
      const ch = raw === '\t' ? ' ' : raw;
      const cp = ch.codePointAt(0)!;
      const choice = lib.choose(cp, style.font, style.bold);
      if (!choice) throw new MissingGlyphError(cp);
      const g = choice.face.glyph(cp);
      const width = (g.advance * style.size) / choice.face.unitsPerEm;
      const item: { -readonly [K in keyof GlyphItem]: GlyphItem[K] } = {
        ch,
        face: choice.face,
        gid: g.gid,
        advanceUnits: g.advance,
        width,
        size: style.size,
        syntheticBold: choice.syntheticBold,
        underline: style.underline,
        space: isSpace(ch),
      };
      // Set only when present (no object spreads: this runs for every character laid out).
      if (g.stretch) item.stretch = g.stretch;
      if (noBreak) item.span = index;
      segments[segments.length - 1]!.push(item);
    }
  }
  return segments.map(compressAdjacentPunctuation);
}

/**
 * 标点挤压 (clreq): of two adjacent full-width marks, the blank half between
 * them goes: a closing mark loses its right half before another mark, an
 * opening mark its left half after another opening mark.
 */
function compressAdjacentPunctuation(items: GlyphItem[]): GlyphItem[] {
  const full = (it: GlyphItem): boolean => SQUEEZABLE.has(it.ch) && it.width >= it.size * 0.9;
  for (let i = 0; i + 1 < items.length; i++) {
    const a = items[i]!;
    const b = items[i + 1]!;
    if (!full(a) || !full(b)) continue;
    if (!OPENING.has(a.ch)) items[i] = { ...a, width: a.width - a.size / 2 };
    else if (OPENING.has(b.ch)) items[i + 1] = { ...b, width: b.width - b.size / 2, offsetX: -b.size / 2 };
  }
  return items;
}

/**
 * Break input of a segment; an underlined blank is not a collapsible space.
 * No break inside an unbreakable span (the breaker still splits one longer than a line).
 */
function breakInput(items: readonly GlyphItem[], em: number): BreakInput {
  const chars = items.map((it) => (it.space && it.underline ? '\u2007' : it.ch));
  const allowed = breakOpportunities(chars);
  for (let i = 1; i < items.length; i++) {
    const span = items[i]!.span;
    if (span !== undefined && items[i - 1]!.span === span) allowed[i] = false;
  }
  return {
    chars,
    widths: items.map((it) => it.width),
    // Only closing marks give up their blank half to fit a line: an opening mark moved left onto the
    // character before it would come out of text extraction ahead of that character.
    shrink: items.map((it) =>
      SQUEEZABLE.has(it.ch) && !OPENING.has(it.ch) && it.width >= it.size * 0.9 ? it.size / 2 : 0,
    ),
    allowed,
    em,
  };
}

let words: Intl.Segmenter | undefined;
/** Word boundaries of Chinese text (ICU's dictionary), as line starts: titles break only there. */
function wordStarts(chars: readonly string[]): boolean[] {
  words ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const starts = new Array<boolean>(chars.length).fill(false);
  const index = new Map<number, number>();
  let off = 0;
  chars.forEach((c, i) => {
    index.set(off, i);
    off += c.length;
  });
  for (const seg of words.segment(chars.join(''))) {
    const i = index.get(seg.index);
    if (i !== undefined && i > 0) starts[i] = true;
  }
  return starts;
}

function oneLineInput(items: readonly GlyphItem[]): BreakInput {
  const chars = items.map((it) => (it.space && it.underline ? '\u2007' : it.ch));
  return { chars, widths: items.map((it) => it.width), shrink: new Array<number>(items.length).fill(0), allowed: [] };
}

function oneLineSpan(inp: BreakInput): LineSpan {
  let end = inp.chars.length;
  while (end > 0 && isSpace(inp.chars[end - 1]!)) end--;
  return { start: 0, end: inp.chars.length, contentEnd: end };
}

/**
 * Laid-out short paragraphs, per font library. Most of a form is the same from
 * one applicant to the next (labels, headings, the instructions page), laid out
 * at the same width: those are shaped and broken once. Long paragraphs (an
 * applicant's own text) are not kept, which bounds the memory this holds.
 */
const layoutCache = new WeakMap<FontLibrary, Map<string, LaidParagraph>>();
const LAYOUT_CACHE_MAX = 1000;
const LAYOUT_CACHE_MAX_CHARS = 80;

/** A paragraph's lines in a box `boxWidth` pt wide. The result is shared: callers never change it. */
export function layoutParagraph(
  p: Paragraph,
  defaults: ParagraphDefaults,
  boxWidth: number,
  lib: FontLibrary,
): LaidParagraph {
  let chars = 0;
  for (const r of p.runs) chars += r.text.length;
  if (chars > LAYOUT_CACHE_MAX_CHARS) return layoutUncached(p, defaults, boxWidth, lib);
  let cache = layoutCache.get(lib);
  if (cache === undefined) {
    cache = new Map();
    layoutCache.set(lib, cache);
  }
  const maxSize = p.runs.reduce((m, r) => Math.max(m, r.style?.size ?? defaults.style.size), 0);
  const lineHeight = p.lineHeight ?? defaults.lineHeight(maxSize || defaults.style.size);
  const key = JSON.stringify([p, defaults.style, defaults.align, defaults.firstLineIndent, lineHeight, boxWidth]);
  let laid = cache.get(key);
  if (laid === undefined) {
    laid = layoutUncached(p, defaults, boxWidth, lib);
    if (cache.size >= LAYOUT_CACHE_MAX) cache.delete(cache.keys().next().value!);
    cache.set(key, laid);
  }
  return laid;
}

function layoutUncached(p: Paragraph, defaults: ParagraphDefaults, boxWidth: number, lib: FontLibrary): LaidParagraph {
  const runs = p.runs.map((r) => ({
    text: r.text,
    style: resolveStyle(defaults.style, r.style),
    ...(r.noBreak ? { noBreak: true } : {}),
  }));
  const maxSize = runs.reduce((m, r) => Math.max(m, r.style.size), runs.length ? 0 : defaults.style.size);
  const lineHeight = p.lineHeight ?? defaults.lineHeight(maxSize);
  // Indents count characters of the paragraph's own size: its first run's.
  const em = runs[0]?.style.size ?? defaults.style.size;
  const left = (p.indentLeft ?? 0) * em;
  const right = (p.indentRight ?? 0) * em;
  const first = (p.firstLineIndent ?? defaults.firstLineIndent ?? 0) * em;
  const align = p.align ?? defaults.align;
  const lines: LaidLine[] = [];
  const segments = shapeRuns(runs, lib);
  for (const items of segments) {
    const lineWidth = (k: number): number =>
      Math.max(em, boxWidth - left - right - (lines.length + k === 0 ? first : 0));
    const startCount = lines.length;
    if (items.length === 0) {
      lines.push({ glyphs: [], height: lineHeight, size: maxSize });
      continue;
    }
    // Most table cells fit on one line: no break opportunities or squeezing needed then.
    let total = 0;
    for (const it of items) total += it.width;
    const oneLine = total <= lineWidth(0);
    const inp = oneLine ? oneLineInput(items) : breakInput(items, em);
    let spans: LineSpan[];
    if (oneLine) spans = [oneLineSpan(inp)];
    else if (p.balanced) {
      // Titles: break between words where the rules allow, lines about equally long.
      const starts = wordStarts(inp.chars);
      const wordAllowed = inp.allowed.map((ok, i) => ok && starts[i]!);
      spans = breakLines({ ...inp, allowed: wordAllowed }, lineWidth, { balanced: true, fallback: inp.allowed });
    } else spans = breakLines(inp, lineWidth, align === 'justify' ? {} : { ragged: true });
    spans.forEach((span, k) => {
      const W = lineWidth(k);
      const isLast = k === spans.length - 1;
      const indent = left + (startCount + k === 0 ? first : 0);
      const m = measure(inp, span.start, span.end);
      const adv: number[] = [];
      const off: number[] = [];
      for (let i = span.start; i < span.contentEnd; i++) {
        adv.push(inp.widths[i]!);
        off.push(0);
      }
      let width = m.width;
      if (m.width > W && m.shrink > 0) {
        // Squeezed: full-width punctuation gives up its blank half, opening marks on the left.
        const ratio = Math.min(1, (m.width - W) / m.shrink);
        for (let i = span.start; i < span.contentEnd; i++) {
          const r = inp.shrink[i]! * ratio;
          if (r === 0) continue;
          adv[i - span.start]! -= r;
          if (OPENING.has(inp.chars[i]!)) off[i - span.start] = -r;
          width -= r;
        }
      } else if (align === 'justify' && !isLast && m.width < W) {
        const gaps: number[] = [];
        for (let i = span.start + 1; i < span.contentEnd; i++) {
          if (!(isWordChar(inp.chars[i - 1]!) && isWordChar(inp.chars[i]!))) gaps.push(i);
        }
        if (gaps.length > 0) {
          // Spread at most MAX_SPREAD_EM per gap: a line that cannot be filled (an unbreakable ID
          // pushed to the next line) stays short rather than letter-spaced.
          const per = Math.min((W - m.width) / gaps.length, MAX_SPREAD_EM * em);
          for (const i of gaps) adv[i - 1 - span.start]! += per;
          width += per * gaps.length;
        }
      }
      let x = indent;
      if (align === 'center') x += (W - width) / 2;
      else if (align === 'right') x += W - width;
      const glyphs: PositionedGlyph[] = [];
      let lineSize = 0;
      for (let i = span.start; i < span.contentEnd; i++) {
        const item = items[i]!;
        glyphs.push({ item, x: x + off[i - span.start]! + (item.offsetX ?? 0), advance: adv[i - span.start]! });
        x += adv[i - span.start]!;
        lineSize = Math.max(lineSize, item.size);
      }
      lines.push({ glyphs, height: lineHeight, size: lineSize || maxSize });
    });
  }
  return {
    lines,
    spaceBefore: p.spaceBefore ?? 0,
    spaceAfter: p.spaceAfter ?? 0,
    keepWithNext: p.keepWithNext ?? false,
  };
}

/** Height of a laid paragraph including its spacing. */
export function paragraphHeight(p: LaidParagraph): number {
  return p.spaceBefore + p.spaceAfter + p.lines.reduce((h, l) => h + l.height, 0);
}
