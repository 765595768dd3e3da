/**
 * What is drawn on pages after layout: page numbers (the total is known now),
 * the watermark (under the content) and the page mark (QR + code).
 */
import { qrModules } from '../qr.js';
import type { Document, FontRole } from '../../document/model.js';
import type { FontFace } from '../../fonts/face.js';
import type { FontLibrary } from '../../fonts/library.js';
import { Canvas, num } from './canvas.js';
import { deflate } from './deflate.js';
import type { DocFonts } from './font-embed.js';
import { MM } from './flow.js';
import { layoutParagraph, type LaidLine } from './text-layout.js';
import { deflatePiece, storedPiece, zlibStream, type DeflatedPiece } from './zlib-segments.js';

/**
 * Printers clip a band at the paper edge: no mark of the service is drawn within
 * 5 mm of it (tested on rasterised pages), whatever the printer's scaling.
 */
const SAFE_EDGE = 5 * MM;
/** The smallest code text a clerk can read off a print and type into the verify page. */
const MARK_CAPTION_SIZE = 7;

/** One line of text at a size, left-aligned, with its drawn width. */
function textLine(text: string, font: FontRole, size: number, lib: FontLibrary): { line: LaidLine; width: number } {
  const laid = layoutParagraph(
    { runs: [{ text }] },
    { style: { font, size, bold: false, underline: false }, align: 'left', lineHeight: () => size * 1.2 },
    1e6,
    lib,
  );
  const line = laid.lines[0]!;
  const last = line.glyphs[line.glyphs.length - 1];
  return { line, width: last ? last.x + last.advance : 0 };
}

export interface PageGeometry {
  readonly width: number;
  readonly height: number;
  /** Type area edges, pt, for this page. */
  readonly left: number;
  readonly right: number;
  readonly bottom: number;
  /** Odd page (1-based) of its copy. */
  readonly odd: boolean;
  /** The binding (inner) margin is on the left of this page. */
  readonly innerLeft: boolean;
}

/** GB/T 9704 "— 1 —" or "第 1 页 共 4 页", drawn into `canvas`. */
export function drawPageNumber(
  canvas: Canvas,
  doc: Document,
  g: PageGeometry,
  n: number,
  total: number,
  lib: FontLibrary,
): void {
  if (doc.coverPage && n === 1) return;
  if (doc.pageNumbers === 'dash') {
    const size = 14;
    const { line, width } = textLine(`— ${n} —`, 'song', size, lib);
    const baseline = Math.max(g.bottom - 7 * MM - size * 0.88, SAFE_EDGE + 1 * MM + size * 0.2);
    const x = g.odd ? g.right - size - width : g.left + size;
    canvas.drawGlyphs(line, x, baseline);
  } else if (doc.pageNumbers === 'of-total') {
    const size = 10.5;
    const { line, width } = textLine(`第 ${n} 页 共 ${total} 页`, 'song', size, lib);
    const baseline = Math.max(g.bottom / 2 - size * 0.35, SAFE_EDGE + 1 * MM + size * 0.2);
    canvas.drawGlyphs(line, (g.left + g.right - width) / 2, baseline);
  }
}

/**
 * The back left blank so that a double-sided copy ends on a sheet of its own
 * says so, at the head of the type area in the body's face and size, as a bound
 * official document marks a page without text ("（此页无正文）"): a watermarked
 * sheet left empty could otherwise be filled in. It carries no page number
 * (GB/T 9704: blank pages are not numbered).
 */
export function drawBlankSideNote(canvas: Canvas, doc: Document, g: PageGeometry, top: number, lib: FontLibrary): void {
  const size = doc.base.size;
  const { line } = textLine('（此页无正文）', doc.base.font, size, lib);
  canvas.drawGlyphs(line, g.left, top - size);
}

/** A glyph's outline: path operators with its origin at 0 0, filled, and those operators deflated once asked for. */
interface GlyphOutline {
  readonly path: string;
  piece?: DeflatedPiece;
}

/**
 * Outlines of glyphs drawn lately, by face and glyph. The watermark's
 * subtext (the document's serial) changes with every document but is made of
 * a few dozen letters and digits. At most 1,024 paths of 1–4 KB each (a few MB).
 */
const glyphOutlines = new Map<string, GlyphOutline>();
const GLYPH_OUTLINES_MAX = 1024;

/**
 * One glyph's outline in font units (to a tenth), origin 0 0, TrueType quadratics as cubics; the
 * caller scales it to its size. Font units are short integers: the paths take a third less room
 * than in points to three decimals.
 */
function glyphOutline(face: FontFace, gid: number): GlyphOutline {
  const key = `${face.id}\u0000${gid}`;
  const hit = glyphOutlines.get(key);
  if (hit !== undefined) return hit;
  const unit = (v: number): string => String(Math.round(v * 10) / 10);
  const P = (x: number, y: number): string => `${unit(x)} ${unit(y)}`;
  const ops: string[] = [];
  let cx = 0;
  let cy = 0;
  for (const c of face.font.getGlyph(gid).path.commands) {
    const a = c.args;
    if (c.command === 'moveTo') {
      ops.push(`${P(a[0]!, a[1]!)} m`);
      [cx, cy] = [a[0]!, a[1]!];
    } else if (c.command === 'lineTo') {
      ops.push(`${P(a[0]!, a[1]!)} l`);
      [cx, cy] = [a[0]!, a[1]!];
    } else if (c.command === 'quadraticCurveTo') {
      const [qx, qy, x, y] = [a[0]!, a[1]!, a[2]!, a[3]!];
      ops.push(
        `${P(cx + (2 / 3) * (qx - cx), cy + (2 / 3) * (qy - cy))} ${P(x + (2 / 3) * (qx - x), y + (2 / 3) * (qy - y))} ${P(x, y)} c`,
      );
      [cx, cy] = [x, y];
    } else if (c.command === 'bezierCurveTo') {
      ops.push(`${P(a[0]!, a[1]!)} ${P(a[2]!, a[3]!)} ${P(a[4]!, a[5]!)} c`);
      [cx, cy] = [a[4]!, a[5]!];
    } else if (c.command === 'closePath') {
      ops.push('h');
    }
  }
  const outline: GlyphOutline = { path: ops.length ? `${ops.join('\n')}\nf` : '' };
  if (glyphOutlines.size >= GLYPH_OUTLINES_MAX) glyphOutlines.delete(glyphOutlines.keys().next().value!);
  glyphOutlines.set(key, outline);
  return outline;
}

/** The operators that put a glyph's outline (in font units) at its place and size. */
function glyphMove(g: LaidLine['glyphs'][number], x0: number, baseline: number): string {
  // The scale to seven decimals: three would be 2 % off for a font of 2,048 units to the em.
  const scale = String(Math.round((g.item.size / g.item.face.unitsPerEm) * 1e7) / 1e7);
  return `q ${scale} 0 0 ${scale} ${num(x0 + g.x)} ${num(baseline)} cm\n`;
}

/** Glyph outlines of a laid line as PDF operators: each glyph's path, moved to its place. */
function outlines(line: LaidLine, x0: number, baseline: number): string {
  const ops: string[] = [];
  for (const g of line.glyphs) {
    if (g.item.space) continue;
    const { path } = glyphOutline(g.item.face, g.item.gid);
    if (path) ops.push(`${glyphMove(g, x0, baseline)}${path}\nQ`);
  }
  return ops.join('\n');
}

/**
 * The same operators as `outlines`, deflated: each glyph's path is deflated
 * once and kept (zlib-segments.ts), and only the moves between them, a few
 * bytes that differ from document to document, are new. Deflating a serial's
 * outlines anew was a tenth of a new review form's deflate time.
 */
function deflatedOutlines(line: LaidLine, x0: number, baseline: number): Uint8Array {
  const pieces: DeflatedPiece[] = [];
  let before = '';
  for (const g of line.glyphs) {
    if (g.item.space) continue;
    const outline = glyphOutline(g.item.face, g.item.gid);
    if (!outline.path) continue;
    outline.piece ??= deflatePiece(Buffer.from(outline.path, 'latin1'));
    pieces.push(storedPiece(Buffer.from(`${before}${glyphMove(g, x0, baseline)}`, 'latin1')), outline.piece);
    before = '\nQ\n';
  }
  if (before) pieces.push(storedPiece(Buffer.from('\nQ', 'latin1')));
  return zlibStream(pieces);
}

export interface WatermarkParts {
  /** Page content: the tiles (form XObjects Wm and Ws) and an invisible searchable copy. */
  readonly canvas: Canvas;
  /** The Wm form XObject, deflated: the watermark text's outlines, centred on the origin. */
  readonly tile: Uint8Array;
  /** The Ws form XObject, deflated, when there is a subtext: its outlines below the text. */
  readonly subtile?: Uint8Array;
  readonly tileBox: readonly [number, number, number, number];
}

/** The watermark text drawn as outlines: the same for every document of a deployment. */
interface WatermarkTile {
  /** The Wm form XObject's content, deflated. */
  readonly stream: Uint8Array;
  readonly width: number;
}

/**
 * Tiles built and deflated once per text and font library: the glyph outlines
 * are the costly part, and every review form carries the same watermark text.
 * The subtext (the document's serial) differs per document and is drawn apart.
 */
const tileCache = new WeakMap<FontLibrary, Map<string, WatermarkTile>>();
const TILE_CACHE_MAX = 16;

function watermarkTile(text: string, lib: FontLibrary): WatermarkTile {
  let cache = tileCache.get(lib);
  if (cache === undefined) {
    cache = new Map();
    tileCache.set(lib, cache);
  }
  const hit = cache.get(text);
  if (hit) return hit;
  const main = textLine(text, 'song', 26, lib);
  const made: WatermarkTile = { stream: deflate(outlines(main.line, -main.width / 2, 0)), width: main.width };
  if (cache.size >= TILE_CACHE_MAX) cache.delete(cache.keys().next().value!);
  cache.set(text, made);
  return made;
}

/** Tile centres on a grid in the rotated frame, kept if they land on the page. */
function tileGrid(half: number, pageW: number, pageH: number, drawTile: string): string {
  const angle = (35 * Math.PI) / 180;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const stepX = 2 * half + 70;
  const stepY = 150;
  const ops: string[] = [];
  const reach = Math.hypot(pageW, pageH);
  for (let v = -reach; v <= reach; v += stepY) {
    const row = Math.round(v / stepY);
    for (let u = -reach + (Math.abs(row) % 2) * (stepX / 2); u <= reach; u += stepX) {
      const cx = pageW / 2 + u * cos - v * sin;
      const cy = pageH / 2 + u * sin + v * cos;
      if (cx < -half || cx > pageW + half || cy < -half || cy > pageH + half) continue;
      ops.push(`q ${num(cos)} ${num(sin)} ${num(-sin)} ${num(cos)} ${num(cx)} ${num(cy)} cm ${drawTile} Q`);
    }
  }
  return ops.join('\n');
}

/**
 * The light diagonal watermark, tiled over the whole page. The visible tiles are
 * glyph outlines, not text: diagonal text would be cut into single characters
 * between the form's own lines by text extraction. The watermark text stays
 * extractable as one invisible horizontal line in the top margin, drawn first.
 */
export function watermark(
  doc: Document,
  fonts: DocFonts,
  lib: FontLibrary,
  pageW: number,
  pageH: number,
): WatermarkParts | undefined {
  const wm = doc.watermark;
  if (!wm?.text) return undefined;
  const tile = watermarkTile(wm.text, lib);
  const sub = wm.subtext ? textLine(wm.subtext, 'song', 13, lib) : undefined;
  const half = Math.max(tile.width, sub?.width ?? 0) / 2 + 2;
  const canvas = new Canvas(fonts, false);
  // Searchable copy: invisible (3 Tr), above the type area.
  const search = textLine(wm.subtext ? `${wm.text} ${wm.subtext}` : wm.text, 'song', 6, lib);
  canvas.raw('q 3 Tr');
  canvas.drawGlyphs(search.line, (pageW - search.width) / 2, pageH - 12);
  canvas.raw('Q');
  canvas.raw('q /GSwm gs 0.35 g');
  canvas.raw(tileGrid(half, pageW, pageH, sub ? '/Wm Do /Ws Do' : '/Wm Do'));
  canvas.raw('Q');
  const box = [-half, -30, half, 30] as const;
  return sub
    ? { canvas, tile: tile.stream, subtile: deflatedOutlines(sub.line, -sub.width / 2, -22), tileBox: box }
    : { canvas, tile: tile.stream, tileBox: box };
}

/**
 * Where the page mark goes in a bottom margin of `bottom` pt: the caption's
 * descenders (about 0.2 em) a millimetre above the safe edge, the QR above the
 * caption, as large as the margin allows (8–15 mm).
 */
function markGeometry(bottom: number): {
  captionSize: number;
  captionBaseline: number;
  qrBottom: number;
  side: number;
} {
  const captionSize = MARK_CAPTION_SIZE;
  const captionBaseline = SAFE_EDGE + 1 * MM + captionSize * 0.2;
  const qrBottom = captionBaseline + captionSize + 1 * MM;
  const side = Math.max(8 * MM, Math.min(15 * MM, bottom - qrBottom - 2 * MM));
  return { captionSize, captionBaseline, qrBottom, side };
}

/** A page mark drawn once, placed on every page as a form XObject. */
export interface MarkForm {
  /** XObject name in the page resources. */
  readonly name: string;
  /** The mark with its QR's left edge at x = 0. */
  readonly canvas: Canvas;
  readonly bbox: readonly [number, number, number, number];
}

/**
 * The page mark (QR code and caption at the bottom, on the side away from the
 * page number). The code is the same on every page of a document, so it is drawn
 * once (a form XObject in module units), placed by one form XObject per caption
 * side, and each page only places that.
 */
export class PageMarks {
  private readonly made = new Map<string, MarkForm>();
  private marks = 0;

  constructor(
    private readonly doc: Document,
    private readonly fonts: DocFonts,
    private readonly lib: FontLibrary,
    private readonly recordGlyphs: boolean,
  ) {}

  /** Places the mark on a page (nothing when the document has none). */
  draw(canvas: Canvas, g: PageGeometry): void {
    if (!this.doc.pageMark) return;
    const { side } = markGeometry(g.bottom);
    // The dash page number sits on the outer side (odd: right); the mark takes the other.
    const onLeft = this.doc.pageNumbers === 'dash' ? g.odd : g.innerLeft;
    const x = onLeft ? g.left : g.right - side;
    const form = this.form(onLeft, side);
    canvas.raw(`q 1 0 0 1 ${num(x)} 0 cm /${form.name} Do Q`);
    if (this.recordGlyphs) for (const glyph of form.canvas.glyphs) canvas.glyphs.push({ ...glyph, x: glyph.x + x });
  }

  /** The forms drawn so far, to register as XObjects. */
  forms(): MarkForm[] {
    return [...this.made.values()];
  }

  private form(onLeft: boolean, side: number): MarkForm {
    const key = `${onLeft ? 'L' : 'R'}${num(side)}`;
    const hit = this.made.get(key);
    if (hit) return hit;
    const mark = this.doc.pageMark!;
    const { captionSize, captionBaseline, qrBottom } = markGeometry(0);
    const canvas = new Canvas(this.fonts, this.recordGlyphs);
    const qr = this.qrForm(mark.qrText);
    const m = side / qr.bbox[2];
    canvas.raw(`q ${num(m)} 0 0 ${num(m)} 0 ${num(qrBottom)} cm /${qr.name} Do Q`);
    const cap = textLine(mark.caption, 'song', captionSize, this.lib);
    const capX = onLeft ? 0 : side - cap.width;
    canvas.drawGlyphs(cap.line, capX, captionBaseline);
    const form: MarkForm = {
      name: `Pm${this.marks++}`,
      canvas,
      bbox: [Math.min(0, capX) - 1, 0, Math.max(side, capX + cap.width) + 1, qrBottom + side + 1],
    };
    this.made.set(key, form);
    return form;
  }

  /** The QR code as a form of its own, one unit a module, origin at its bottom left. */
  private qrForm(text: string): MarkForm {
    const hit = this.made.get('qr');
    if (hit) return hit;
    const modules = qrModules(text);
    const canvas = new Canvas(this.fonts, false);
    canvas.qr(modules, 0, modules.size, modules.size);
    const form: MarkForm = { name: 'Qr', canvas, bbox: [0, 0, modules.size, modules.size] };
    this.made.set('qr', form);
    return form;
  }
}
