/**
 * One font file, read and parsed once per process, lazily on first use.
 * Glyph ids and advance widths are cached per code point: fontkit's glyph
 * objects are costly to create, and layout asks for the same few hundred
 * characters again and again.
 */
import path from 'node:path';
import { fontFile } from './bytes.js';
import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';
import { Sfnt } from './sfnt.js';

export interface GlyphInfo {
  /** Glyph id in the font. */
  readonly gid: number;
  /** Advance width in font units. */
  readonly advance: number;
  /** Horizontal scale and shift (in em) that make the outline span its whole advance. */
  readonly stretch?: { readonly scale: number; readonly shift: number };
}

const MISSING: GlyphInfo = { gid: 0, advance: 0 };

/**
 * fontkit is loaded on first use: only threads that lay out text need it; the
 * main thread of a service with render workers checks coverage from the cmaps
 * alone and so starts without loading it.
 */
let fontkitModule: typeof Fontkit | undefined;
function fontkit(): typeof Fontkit {
  fontkitModule ??= createRequire(import.meta.url)('fontkit') as typeof Fontkit;
  return fontkitModule;
}

/**
 * Marks whose default glyph in CJK fonts is proportional but which Chinese sets
 * on the em: the dash (——) must join into one 2-em rule. Their full-width forms
 * come from the font's 'fwid' feature.
 */
const FULL_WIDTH_IN_CHINESE = new Set([0x2014, 0x2015]);

export class FontFace {
  readonly file: string;
  /** Stable id within the process: the absolute file path. */
  readonly id: string;
  private data: Sfnt | undefined;
  private parsed: Fontkit.Font | undefined;
  private readonly glyphs = new Map<number, GlyphInfo>();

  constructor(file: string) {
    this.file = file;
    this.id = path.resolve(file);
  }

  /** The file's tables, read directly (cmap, advances, glyph records for subsetting). */
  get sfnt(): Sfnt {
    if (!this.data) {
      const file = fontFile(this.file);
      file.ensure(0, 4);
      if (Buffer.from(file.bytes.subarray(0, 4)).toString('latin1') === 'ttcf')
        throw new Error(`${this.file}: font collections (TTC/OTC) are not supported; extract one face`);
      const sfnt = new Sfnt(file);
      // CFF-flavoured OpenType subsets are what broke @pdf-lib/fontkit; we embed glyf fonts only.
      if (!sfnt.has('glyf')) throw new Error(`${this.file}: only TrueType-outline fonts (glyf) are supported`);
      this.data = sfnt;
    }
    return this.data;
  }

  /**
   * fontkit's view of the same bytes, for glyph outlines and OpenType features
   * (the watermark's outlines, full-width dashes). It reads wherever its tables
   * point, so the whole file is read first.
   */
  get font(): Fontkit.Font {
    if (!this.parsed) {
      const font = fontkit().create(this.sfnt.readAll());
      if (!('unitsPerEm' in font)) throw new Error(`${this.file}: font collections are not supported`);
      this.parsed = font;
    }
    return this.parsed;
  }

  /**
   * The font's identity by content (head.checkSumAdjustment, size, file name),
   * not by where it is installed: subset tags derive from it, so a document
   * gives the same bytes on every machine and install path.
   */
  get contentId(): string {
    if (this.content === undefined) {
      const sfnt = this.sfnt;
      const checksum = sfnt.view.getUint32(sfnt.table('head').offset + 8);
      this.content = `${path.basename(this.file)}:${sfnt.bytes.length}:${checksum.toString(16)}`;
    }
    return this.content;
  }
  /** contentId, worked out once: every deflated run of a subset is looked up by it. */
  private content: string | undefined;

  get loaded(): boolean {
    return this.data !== undefined;
  }

  private upm = 0;
  get unitsPerEm(): number {
    this.upm ||= this.sfnt.view.getUint16(this.sfnt.table('head').offset + 18);
    return this.upm;
  }

  /** Glyph id and advance, or gid 0 when the font has no glyph for the code point. */
  glyph(cp: number): GlyphInfo {
    let g = this.glyphs.get(cp);
    if (g === undefined) {
      const sfnt = this.sfnt;
      const gid = sfnt.glyphId(cp);
      g = gid === 0 ? MISSING : { gid, advance: sfnt.advance(gid) };
      if (gid !== 0 && FULL_WIDTH_IN_CHINESE.has(cp) && g.advance !== this.unitsPerEm) g = this.fullWidth(cp) ?? g;
      this.glyphs.set(cp, g);
    }
    return g;
  }

  private fullWidth(cp: number): GlyphInfo | undefined {
    try {
      const glyph = this.font.layout(String.fromCodePoint(cp), ['fwid']).glyphs[0];
      if (!glyph || glyph.id === 0 || glyph.advanceWidth !== this.unitsPerEm) return undefined;
      // Side bearings would leave a gap inside "——": stretch the rule over the em.
      const { minX, maxX } = glyph.path.bbox;
      const upm = this.unitsPerEm;
      if (maxX <= minX) return { gid: glyph.id, advance: upm };
      const scale = upm / (maxX - minX);
      return { gid: glyph.id, advance: upm, stretch: { scale, shift: (-minX * scale) / upm } };
    } catch {
      // A font without a usable GSUB keeps its default glyph.
      return undefined;
    }
  }

  has(cp: number): boolean {
    return this.glyph(cp).gid !== 0;
  }
}

const faces = new Map<string, FontFace>();

/** The process-wide face of a file (one parse per file, however many roles use it). */
export function faceOf(file: string): FontFace {
  const id = path.resolve(file);
  let face = faces.get(id);
  if (!face) {
    face = new FontFace(id);
    faces.set(id, face);
  }
  return face;
}
