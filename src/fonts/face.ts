/**
 * One font file, read and parsed once per process, lazily on first use.
 * Glyph ids and advance widths are cached per code point: fontkit's glyph
 * objects are costly to create, and layout asks for the same few hundred
 * characters again and again.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';

export interface GlyphInfo {
  /** Glyph id in the font. */
  readonly gid: number;
  /** Advance width in font units. */
  readonly advance: number;
}

const MISSING: GlyphInfo = { gid: 0, advance: 0 };

export class FontFace {
  readonly file: string;
  /** Stable id within the process: the absolute file path. */
  readonly id: string;
  private parsed: fontkit.Font | undefined;
  private readonly glyphs = new Map<number, GlyphInfo>();

  constructor(file: string) {
    this.file = file;
    this.id = path.resolve(file);
  }

  get font(): fontkit.Font {
    if (!this.parsed) {
      const bytes = readFileSync(this.file);
      const font = fontkit.create(bytes);
      if (!('unitsPerEm' in font)) {
        throw new Error(`${this.file}: font collections (TTC/OTC) are not supported; extract one face`);
      }
      if (font.type !== 'TTF') {
        // CFF-flavoured OpenType subsets are what broke @pdf-lib/fontkit; we embed glyf fonts only.
        throw new Error(`${this.file}: only TrueType-outline fonts (glyf) are supported, got ${font.type}`);
      }
      this.parsed = font;
    }
    return this.parsed;
  }

  get loaded(): boolean {
    return this.parsed !== undefined;
  }

  get unitsPerEm(): number {
    return this.font.unitsPerEm;
  }

  /** Glyph id and advance, or gid 0 when the font has no glyph for the code point. */
  glyph(cp: number): GlyphInfo {
    let g = this.glyphs.get(cp);
    if (g === undefined) {
      const font = this.font;
      if (font.hasGlyphForCodePoint(cp)) {
        const glyph = font.glyphForCodePoint(cp);
        g = { gid: glyph.id, advance: glyph.advanceWidth };
      } else {
        g = MISSING;
      }
      this.glyphs.set(cp, g);
    }
    return g;
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
