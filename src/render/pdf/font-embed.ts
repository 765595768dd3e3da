/**
 * Our own CIDFontType2 (Identity-H) embedding from fontkit 2 glyphs and its
 * TrueType subsetter. pdf-lib's embedder re-runs fontkit's layout() on every
 * string and pdf-lib's bundled fontkit fork corrupts small subsets; here glyph
 * ids come from the face's cache and each face is subset once per document.
 * Subset tags are derived from the glyph set, so the same input gives the same bytes.
 *
 * CIDs are numbered in the order the document first uses each glyph (content
 * streams are written as layout goes); the subset holds its glyphs in glyph-id
 * order, so that its deflated runs can be reused across documents
 * (font-stream.ts), and a CIDToGIDMap stream maps one to the other.
 */
import { createHash } from 'node:crypto';
import { deflate } from './deflate.js';
import { PDFString, type PDFContext, type PDFRef } from 'pdf-lib';
import type { FontFace } from '../../fonts/face.js';
import { clearFontRunCache, fontStream } from './font-stream.js';

interface FaceUse {
  readonly face: FontFace;
  readonly name: string;
  readonly ref: PDFRef;
  /** New glyph id (= CID) → original glyph id; index 0 is .notdef. */
  readonly glyphs: number[];
  readonly cidOf: Map<number, number>;
  readonly widths: number[];
  readonly unicode: string[];
}

/** Encoded subsets by (face, glyph list): documents of one form reuse the same few. */
interface EncodedFont {
  readonly fontFile: Uint8Array;
  readonly fontFileLength: number;
  readonly toUnicode: Uint8Array;
  /**
   * CID → glyph id in the subset, two bytes each, not deflated: a shuffle of ids that deflate shrinks
   * by about a quarter (812 → 590 bytes for the review form's body face), not worth a zlib call per face.
   */
  readonly cidToGid: Uint8Array;
  readonly tag: string;
}
const encodedCache = new Map<string, EncodedFont>();
const ENCODED_CACHE_MAX = 64;

/** Forgets every encoded subset and deflated run (tests: the bytes must not depend on what was cached). */
export function forgetEncodedFonts(): void {
  encodedCache.clear();
  clearFontRunCache();
}

export class DocFonts {
  private readonly uses = new Map<FontFace, FaceUse>();
  constructor(private readonly context: PDFContext) {}

  /** Resource name of the face and the CID of the glyph, adding it to the subset. */
  use(face: FontFace, gid: number, advance: number, ch: string): { name: string; cid: number } {
    let u = this.uses.get(face);
    if (!u) {
      u = {
        face,
        name: `F${this.uses.size}`,
        ref: this.context.nextRef(),
        glyphs: [0],
        cidOf: new Map([[0, 0]]),
        widths: [face.sfnt.advance(0)],
        unicode: [''],
      };
      this.uses.set(face, u);
    }
    let cid = u.cidOf.get(gid);
    if (cid === undefined) {
      cid = u.glyphs.length;
      u.glyphs.push(gid);
      u.cidOf.set(gid, cid);
      u.widths.push(advance);
      u.unicode.push(ch);
    }
    return { name: u.name, cid };
  }

  /** Font resource dictionary entries: name → ref. */
  resources(): Record<string, PDFRef> {
    const out: Record<string, PDFRef> = {};
    for (const u of this.uses.values()) out[u.name] = u.ref;
    return out;
  }

  /** Writes every used face's subset and font dictionaries. */
  finish(): void {
    for (const u of this.uses.values()) this.writeFace(u);
  }

  private writeFace(u: FaceUse): void {
    const { context } = this;
    // From the tables directly: fontkit would read the whole file for what a few table fields say.
    const font = u.face.sfnt.metrics();
    const scale = 1000 / font.unitsPerEm;
    const enc = encode(u);
    const baseFont = `${enc.tag}+${(font.postscriptName ?? 'Font').replace(/[^A-Za-z0-9-]/g, '')}`;
    const fontFile = context.stream(enc.fontFile, { Filter: 'FlateDecode', Length1: enc.fontFileLength });
    const bbox = font.bbox;
    const descriptor = context.obj({
      Type: 'FontDescriptor',
      FontName: baseFont,
      Flags: 4,
      FontBBox: [bbox.minX, bbox.minY, bbox.maxX, bbox.maxY].map((v) => Math.round(v * scale)),
      ItalicAngle: 0,
      Ascent: Math.round(font.ascent * scale),
      Descent: Math.round(font.descent * scale),
      CapHeight: Math.round((font.capHeight || font.ascent) * scale),
      StemV: 80,
      FontFile2: context.register(fontFile),
    });
    const widths = widthRuns(u.widths.map((w) => Math.round(w * scale)));
    const cidFont = context.obj({
      Type: 'Font',
      Subtype: 'CIDFontType2',
      BaseFont: baseFont,
      CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
      FontDescriptor: context.register(descriptor),
      DW: DEFAULT_WIDTH,
      ...(widths.length > 0 ? { W: widths } : {}),
      CIDToGIDMap: context.register(context.stream(enc.cidToGid)),
    });
    const toUnicode = context.stream(enc.toUnicode, { Filter: 'FlateDecode' });
    const type0 = context.obj({
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: baseFont,
      Encoding: 'Identity-H',
      DescendantFonts: [context.register(cidFont)],
      ToUnicode: context.register(toUnicode),
    });
    context.assign(u.ref, type0);
  }
}

function encode(u: FaceUse): EncodedFont {
  const key = `${u.face.contentId}\u0000${u.glyphs.join(',')}`;
  const hit = encodedCache.get(key);
  if (hit) return hit;
  const subset = fontStream(u.face, u.glyphs);
  const hash = createHash('sha1').update(key).digest();
  const tag = Array.from(hash.subarray(0, 6), (b) => String.fromCharCode(65 + (b % 26))).join('');
  const cidToGid = new Uint8Array(2 * subset.newIds.length);
  const view = new DataView(cidToGid.buffer);
  subset.newIds.forEach((gid, cid) => {
    view.setUint16(2 * cid, gid);
  });
  const enc: EncodedFont = {
    fontFile: subset.deflated,
    fontFileLength: subset.length,
    toUnicode: deflate(toUnicodeCMap(u.unicode)),
    cidToGid,
    tag,
  };
  if (encodedCache.size >= ENCODED_CACHE_MAX) encodedCache.delete(encodedCache.keys().next().value!);
  encodedCache.set(key, enc);
  return enc;
}

/** Width of a glyph the W array leaves out: a CJK character's full em, most of a Chinese document's glyphs. */
const DEFAULT_WIDTH = 1000;

/**
 * The W array of a CIDFont: `c [w w …]` for each run of consecutive CIDs whose width is not the default.
 * Listing every CID made the review form's arrays some 1,500 numbers that pdf-lib turns into objects
 * and writes one by one; nearly all of them said 1000.
 */
function widthRuns(widths: readonly number[]): (number | number[])[] {
  const out: (number | number[])[] = [];
  let run: number[] | undefined;
  widths.forEach((w, cid) => {
    if (w === DEFAULT_WIDTH) {
      run = undefined;
      return;
    }
    if (!run) {
      run = [];
      out.push(cid, run);
    }
    run.push(w);
  });
  return out;
}

function utf16Hex(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += s.charCodeAt(i).toString(16).padStart(4, '0');
  return out;
}

function toUnicodeCMap(unicode: readonly string[]): string {
  const entries: string[] = [];
  for (let cid = 1; cid < unicode.length; cid++) {
    entries.push(`<${cid.toString(16).padStart(4, '0')}> <${utf16Hex(unicode[cid]!)}>`);
  }
  const chunks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const part = entries.slice(i, i + 100);
    chunks.push(`${part.length} beginbfchar\n${part.join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <ffff>',
    'endcodespacerange',
    ...chunks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}
