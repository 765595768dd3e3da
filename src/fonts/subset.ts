/**
 * A TrueType (glyf) subsetter working on the file's bytes: copies the glyph
 * records asked for (plus composite components), renumbered from 1 after
 * .notdef, with the tables a PDF CIDFontType2 needs (head, hhea, hmtx, loca,
 * maxp, glyf and the hinting tables). fontkit's subsetter decodes every glyph
 * outline to re-encode it, which costs 50–100 ms per CJK subset; this copies
 * bytes. Glyph records are padded to 4 bytes with a long loca, the defect
 * that made @pdf-lib/fontkit's subsets print blank.
 */
import type { Sfnt } from './sfnt.js';

const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/**
 * Subsets `font` to `glyphs` (original ids; index 0 must be .notdef, and the
 * position of each id is its new id). Composite components are appended.
 */
export function subsetTrueType(font: Sfnt, glyphs: readonly number[]): Uint8Array {
  const { bytes } = font;
  const order = [...glyphs];
  const newId = new Map<number, number>(order.map((g, i) => [g, i]));
  const records: Uint8Array[] = [];
  for (let i = 0; i < order.length; i++) {
    const rec = font.glyphRecord(order[i]!);
    if (rec.length >= 10 && new DataView(rec.buffer).getInt16(0) < 0) {
      // Composite: renumber components (in the record's own copy), adding them to the subset.
      const rv = new DataView(rec.buffer);
      let p = 10;
      for (;;) {
        const flags = rv.getUint16(p);
        const component = rv.getUint16(p + 2);
        let id = newId.get(component);
        if (id === undefined) {
          id = order.length;
          order.push(component);
          newId.set(component, id);
        }
        rv.setUint16(p + 2, id);
        p += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
        if (flags & WE_HAVE_A_SCALE) p += 2;
        else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) p += 4;
        else if (flags & WE_HAVE_A_TWO_BY_TWO) p += 8;
        if (!(flags & MORE_COMPONENTS)) break;
      }
    }
    records.push(rec);
  }

  const n = order.length;
  let glyfLen = 0;
  for (const r of records) glyfLen += (r.length + 3) & ~3;
  const glyfOut = new Uint8Array(glyfLen);
  const locaOut = new Uint8Array(4 * (n + 1));
  const lv = new DataView(locaOut.buffer);
  let off = 0;
  records.forEach((r, i) => {
    lv.setUint32(4 * i, off);
    glyfOut.set(r, off);
    off += (r.length + 3) & ~3;
  });
  lv.setUint32(4 * n, off);

  const hmtxOut = new Uint8Array(4 * n);
  const hv = new DataView(hmtxOut.buffer);
  order.forEach((gid, i) => {
    hv.setUint16(4 * i, font.advance(gid));
    hv.setInt16(4 * i + 2, font.lsb(gid));
  });

  const copy = (tag: string): Uint8Array => {
    const t = font.table(tag);
    return bytes.slice(t.offset, t.offset + t.length);
  };
  const headOut = copy('head');
  new DataView(headOut.buffer).setUint32(8, 0); // checkSumAdjustment, set below
  new DataView(headOut.buffer).setInt16(50, 1); // long loca
  const hheaOut = copy('hhea');
  new DataView(hheaOut.buffer).setUint16(34, n);
  const maxpOut = copy('maxp');
  new DataView(maxpOut.buffer).setUint16(4, n);

  const tables: [string, Uint8Array][] = [
    ['glyf', glyfOut],
    ['head', headOut],
    ['hhea', hheaOut],
    ['hmtx', hmtxOut],
    ['loca', locaOut],
    ['maxp', maxpOut],
  ];
  for (const tag of ['cvt ', 'fpgm', 'prep']) if (font.has(tag)) tables.push([tag, copy(tag)]);
  tables.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return writeSfnt(tables);
}

function checksum(data: Uint8Array): number {
  const padded =
    data.length % 4 === 0
      ? data
      : (() => {
          const p = new Uint8Array((data.length + 3) & ~3);
          p.set(data);
          return p;
        })();
  const v = new DataView(padded.buffer, padded.byteOffset, padded.byteLength);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + v.getUint32(i)) >>> 0;
  return sum;
}

function writeSfnt(tables: readonly [string, Uint8Array][]): Uint8Array {
  const numTables = tables.length;
  let size = 12 + 16 * numTables;
  for (const [, data] of tables) size += (data.length + 3) & ~3;
  const out = new Uint8Array(size);
  const v = new DataView(out.buffer);
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  v.setUint32(0, 0x00010000);
  v.setUint16(4, numTables);
  v.setUint16(6, searchRange);
  v.setUint16(8, entrySelector);
  v.setUint16(10, numTables * 16 - searchRange);
  let offset = 12 + 16 * numTables;
  let headOffset = -1;
  tables.forEach(([tag, data], i) => {
    const rec = 12 + 16 * i;
    for (let k = 0; k < 4; k++) out[rec + k] = tag.charCodeAt(k);
    v.setUint32(rec + 4, checksum(data));
    v.setUint32(rec + 8, offset);
    v.setUint32(rec + 12, data.length);
    out.set(data, offset);
    if (tag === 'head') headOffset = offset;
    offset += (data.length + 3) & ~3;
  });
  if (headOffset >= 0) v.setUint32(headOffset + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}
