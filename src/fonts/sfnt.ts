/**
 * Direct reads of a TrueType file's tables: the character map and advance
 * widths that layout needs for every glyph. fontkit decodes its cmap into
 * objects on first use (hundreds of ms for a 30,000-glyph CJK font); reading
 * the bytes with a DataView takes a few ms.
 */

export interface TableRecord {
  readonly offset: number;
  readonly length: number;
}

export class Sfnt {
  readonly view: DataView;
  readonly tables = new Map<string, TableRecord>();
  readonly numGlyphs: number;
  private readonly numHMetrics: number;
  private readonly hmtx: number;
  private cmapLookup: ((cp: number) => number) | undefined;

  /** A plain Uint8Array view: `slice` must copy (Buffer#slice shares memory). */
  readonly bytes: Uint8Array;

  constructor(data: Uint8Array) {
    this.bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    const bytes = this.bytes;
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const numTables = this.view.getUint16(4);
    for (let i = 0; i < numTables; i++) {
      const rec = 12 + i * 16;
      const tag = String.fromCharCode(bytes[rec]!, bytes[rec + 1]!, bytes[rec + 2]!, bytes[rec + 3]!);
      this.tables.set(tag, { offset: this.view.getUint32(rec + 8), length: this.view.getUint32(rec + 12) });
    }
    this.numGlyphs = this.view.getUint16(this.table('maxp').offset + 4);
    this.numHMetrics = this.view.getUint16(this.table('hhea').offset + 34);
    this.hmtx = this.table('hmtx').offset;
  }

  table(tag: string): TableRecord {
    const t = this.tables.get(tag);
    if (!t) throw new Error(`font has no '${tag}' table`);
    return t;
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
