/**
 * Direct reads of a TrueType file's tables: the character map and advance
 * widths that layout needs for every glyph, the glyph records the subsetter
 * copies, and the few metrics a PDF font descriptor states. fontkit decodes its
 * cmap into objects on first use (hundreds of ms for a 30,000-glyph CJK font);
 * reading the bytes with a DataView takes a few ms.
 *
 * The file is read as it is used (FontFile): a table when it is first asked
 * for, the glyph table one glyph record at a time. Every read of the bytes goes
 * through table() or glyphRecord(), which make sure those bytes are in.
 */
import type { FontFile } from './bytes.js';

export interface TableRecord {
  readonly offset: number;
  readonly length: number;
}

/** What a PDF font descriptor states about a face, from head, hhea, OS/2 and name. */
export interface FaceMetrics {
  readonly unitsPerEm: number;
  readonly bbox: { readonly minX: number; readonly minY: number; readonly maxX: number; readonly maxY: number };
  readonly ascent: number;
  readonly descent: number;
  /** OS/2 sCapHeight (version 2 and later), else 0. */
  readonly capHeight: number;
  readonly postscriptName: string | null;
}

export class Sfnt {
  readonly view: DataView;
  private readonly records = new Map<string, TableRecord>();
  readonly numGlyphs: number;
  private readonly numHMetrics: number;
  private readonly hmtx: number;
  private cmapLookup: ((cp: number) => number) | undefined;
  private readonly loaded = new Set<string>();
  /** The index-to-location format and where loca and glyf start (loca read), once a glyph is asked for. */
  private glyphTables: { readonly locaLong: boolean; readonly loca: number; readonly glyf: number } | undefined;

  /** The whole file's bytes; only what table() and glyphRecord() made sure of is read. */
  readonly bytes: Uint8Array;

  constructor(private readonly file: FontFile) {
    const data = file.bytes;
    this.bytes = data;
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    file.ensure(0, 12);
    const numTables = this.view.getUint16(4);
    file.ensure(12, numTables * 16);
    for (let i = 0; i < numTables; i++) {
      const rec = 12 + i * 16;
      const tag = String.fromCharCode(data[rec]!, data[rec + 1]!, data[rec + 2]!, data[rec + 3]!);
      this.records.set(tag, { offset: this.view.getUint32(rec + 8), length: this.view.getUint32(rec + 12) });
    }
    this.numGlyphs = this.view.getUint16(this.table('maxp').offset + 4);
    this.numHMetrics = this.view.getUint16(this.table('hhea').offset + 34);
    this.hmtx = this.table('hmtx').offset;
  }

  has(tag: string): boolean {
    return this.records.has(tag);
  }

  /** A table's place in the file, its bytes read. The glyph table is read by glyphRecord() instead. */
  table(tag: string): TableRecord {
    const t = this.records.get(tag);
    if (!t) throw new Error(`font has no '${tag}' table`);
    if (tag !== 'glyf' && !this.loaded.has(tag)) {
      this.file.ensure(t.offset, t.length);
      this.loaded.add(tag);
    }
    return t;
  }

  /** A glyph's record in the glyph table (a copy: callers may change it). */
  glyphRecord(gid: number): Uint8Array {
    const { start, end } = this.glyphSpan(gid);
    this.file.ensure(start, end - start);
    return this.bytes.slice(start, end);
  }

  /** Whether a glyph is a composite (its record refers to other glyphs); reads only its first two bytes. */
  isComposite(gid: number): boolean {
    const { start, end } = this.glyphSpan(gid);
    if (end - start < 10) return false;
    this.file.ensure(start, 2);
    return this.view.getInt16(start) < 0;
  }

  /** Where a glyph's record lies in the file. */
  private glyphSpan(gid: number): { start: number; end: number } {
    this.glyphTables ??= {
      locaLong: this.view.getInt16(this.table('head').offset + 50) === 1,
      loca: this.table('loca').offset,
      glyf: this.table('glyf').offset,
    };
    const { locaLong, loca, glyf } = this.glyphTables;
    const v = this.view;
    const start = locaLong ? v.getUint32(loca + 4 * gid) : v.getUint16(loca + 2 * gid) * 2;
    const end = locaLong ? v.getUint32(loca + 4 * gid + 4) : v.getUint16(loca + 2 * gid + 2) * 2;
    return { start: glyf + start, end: glyf + end };
  }

  /** The whole file read, for code that reads wherever the tables point (fontkit). */
  readAll(): Uint8Array {
    this.file.ensureAll();
    return this.bytes;
  }

  /** The metrics as fontkit states them (head bbox, hhea ascent/descent, OS/2 cap height, PostScript name). */
  metrics(): FaceMetrics {
    const v = this.view;
    const head = this.table('head').offset;
    const hhea = this.table('hhea').offset;
    let capHeight = 0;
    if (this.has('OS/2')) {
      const os2 = this.table('OS/2');
      if (v.getUint16(os2.offset) >= 2 && os2.length >= 90) capHeight = v.getInt16(os2.offset + 88);
    }
    return {
      unitsPerEm: v.getUint16(head + 18),
      bbox: {
        minX: v.getInt16(head + 36),
        minY: v.getInt16(head + 38),
        maxX: v.getInt16(head + 40),
        maxY: v.getInt16(head + 42),
      },
      ascent: v.getInt16(hhea + 4),
      descent: v.getInt16(hhea + 6),
      capHeight,
      postscriptName: this.has('name') ? this.postscriptName() : null,
    };
  }

  /** Name id 6, from a Windows Unicode record (UTF-16BE) or else a Macintosh Roman one. */
  private postscriptName(): string | null {
    const v = this.view;
    const name = this.table('name').offset;
    const count = v.getUint16(name + 2);
    const strings = name + v.getUint16(name + 4);
    let mac: string | null = null;
    for (let i = 0; i < count; i++) {
      const rec = name + 6 + i * 12;
      if (v.getUint16(rec + 6) !== 6) continue;
      const platform = v.getUint16(rec);
      const length = v.getUint16(rec + 8);
      const at = strings + v.getUint16(rec + 10);
      if (platform === 3 || platform === 0) {
        let out = '';
        for (let k = 0; k + 1 < length; k += 2) out += String.fromCharCode(v.getUint16(at + k));
        return out;
      }
      if (platform === 1 && mac === null) mac = String.fromCharCode(...this.bytes.subarray(at, at + length));
    }
    return mac;
  }

  /** Advance width of a glyph, font units. */
  advance(gid: number): number {
    return this.view.getUint16(this.hmtx + 4 * Math.min(gid, this.numHMetrics - 1));
  }

  /** Left side bearing of a glyph, font units. */
  lsb(gid: number): number {
    if (gid < this.numHMetrics) return this.view.getInt16(this.hmtx + 4 * gid + 2);
    return this.view.getInt16(this.hmtx + 4 * this.numHMetrics + 2 * (gid - this.numHMetrics));
  }

  /** Glyph id of a code point (0 = none). */
  glyphId(cp: number): number {
    this.cmapLookup ??= this.buildCmap();
    return this.cmapLookup(cp);
  }

  /** The Unicode cmap subtable: format 12 (full repertoire) preferred, else format 4 (BMP). */
  private buildCmap(): (cp: number) => number {
    const v = this.view;
    const cmap = this.table('cmap').offset;
    const n = v.getUint16(cmap + 2);
    let f12 = -1;
    let f4 = -1;
    for (let i = 0; i < n; i++) {
      const platform = v.getUint16(cmap + 4 + i * 8);
      const encoding = v.getUint16(cmap + 6 + i * 8);
      const sub = cmap + v.getUint32(cmap + 8 + i * 8);
      const format = v.getUint16(sub);
      const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
      if (!unicode) continue;
      if (format === 12 && f12 < 0) f12 = sub;
      if (format === 4 && f4 < 0) f4 = sub;
    }
    if (f12 >= 0) {
      const groups = v.getUint32(f12 + 12);
      const starts = new Uint32Array(groups);
      const ends = new Uint32Array(groups);
      const gids = new Uint32Array(groups);
      for (let g = 0; g < groups; g++) {
        const at = f12 + 16 + g * 12;
        starts[g] = v.getUint32(at);
        ends[g] = v.getUint32(at + 4);
        gids[g] = v.getUint32(at + 8);
      }
      return (cp) => {
        let lo = 0;
        let hi = groups - 1;
        while (lo <= hi) {
          const mid = (lo + hi) >> 1;
          if (cp < starts[mid]!) hi = mid - 1;
          else if (cp > ends[mid]!) lo = mid + 1;
          else return gids[mid]! + (cp - starts[mid]!);
        }
        return 0;
      };
    }
    if (f4 >= 0) {
      // Format 4 decoded once into a BMP table.
      const map = new Uint16Array(0x10000);
      const segX2 = v.getUint16(f4 + 6);
      const ends = f4 + 14;
      const starts = ends + segX2 + 2;
      const deltas = starts + segX2;
      const ranges = deltas + segX2;
      for (let s = 0; s < segX2; s += 2) {
        const end = v.getUint16(ends + s);
        const start = v.getUint16(starts + s);
        const delta = v.getInt16(deltas + s);
        const rangeOffset = v.getUint16(ranges + s);
        for (let c = start; c <= end && c !== 0xffff; c++) {
          let gid: number;
          if (rangeOffset === 0) gid = (c + delta) & 0xffff;
          else {
            const at = ranges + s + rangeOffset + 2 * (c - start);
            gid = v.getUint16(at);
            if (gid !== 0) gid = (gid + delta) & 0xffff;
          }
          map[c] = gid;
        }
      }
      return (cp) => (cp < 0x10000 ? map[cp]! : 0);
    }
    throw new Error('font has no Unicode cmap');
  }
}
