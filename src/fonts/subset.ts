/**
 * A TrueType (glyf) subsetter working on the file's bytes: copies the glyph
 * records asked for (plus composite components), renumbered from 1 after
 * .notdef, with the tables a PDF CIDFontType2 needs (head, hhea, hmtx, loca,
 * maxp, glyf and the hinting tables). fontkit's subsetter decodes every glyph
 * outline to re-encode it, which costs 50–100 ms per CJK subset; this copies
 * bytes. Glyph records are padded to 4 bytes with a long loca, the defect
 * that made @pdf-lib/fontkit's subsets print blank.
 *
 * The glyph table comes last in the file and is built in runs of glyphs
 * (GlyphRun) whose bounds depend only on the glyph ids: a run's bytes are the
 * same in every subset that holds the same run, so a caller can keep a run's
 * encoding (font-embed deflates each run once) and build only the tables
 * before the glyphs (subsetHead) for each new subset.
 */
import type { Sfnt } from './sfnt.js';

const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/**
 * A run ends after a glyph whose id hashes to 0 modulo this: about 48 glyphs
 * (~14 KB of CJK outlines) a run. A new glyph changes only the run it falls in,
 * but each run is deflated on its own and loses the matches and the Huffman
 * table it would share with its neighbours. Measured on the review form with a
 * new applicant each time: 16 glyphs re-deflate 17 KB per document and make the
 * PDF 5.6 % larger, 32 glyphs 31 KB and 4.2 %, 48 glyphs 35 KB and 2.9 %,
 * 96 glyphs 42 KB and 2.6 % (against 120 KB and one stream before).
 */
const RUN_GLYPHS = 48;

/** Consecutive glyphs of a subset, in their new order. */
export interface GlyphRun {
  /** Original glyph ids. */
  readonly gids: readonly number[];
  /**
   * What the run's bytes depend on: its glyph ids, and the new ids of the
   * components of its composite glyphs (their records are renumbered).
   */
  readonly key: string;
}

export interface SubsetPlan {
  /** Original glyph ids in their new order (new id = position). */
  readonly order: readonly number[];
  readonly runs: readonly GlyphRun[];
}

/** The glyph table's bytes for a run, with each glyph's padded record length (for loca). */
export interface GlyfRun {
  readonly bytes: Uint8Array;
  readonly lengths: readonly number[];
}

/** What subsetHead needs of each run of the glyph table: record lengths and the run's table checksum. */
export interface GlyfRunSummary {
  readonly lengths: readonly number[];
  readonly checksum: number;
}

/** Components of a composite glyph record (empty for a simple glyph). */
function components(rec: Uint8Array): { at: number; gid: number }[] {
  const out: { at: number; gid: number }[] = [];
  if (rec.length < 10) return out;
  const rv = new DataView(rec.buffer, rec.byteOffset, rec.byteLength);
  if (rv.getInt16(0) >= 0) return out;
  let p = 10;
  for (;;) {
    const flags = rv.getUint16(p);
    out.push({ at: p + 2, gid: rv.getUint16(p + 2) });
    p += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
    if (flags & WE_HAVE_A_SCALE) p += 2;
    else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) p += 4;
    else if (flags & WE_HAVE_A_TWO_BY_TWO) p += 8;
    if (!(flags & MORE_COMPONENTS)) break;
  }
  return out;
}

/** A well-mixed 32-bit hash of a glyph id (murmur3's finaliser): run bounds spread evenly. */
function mix(gid: number): number {
  let h = Math.imul(gid ^ 0x9e3779b9, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The glyphs of a subset of `font` to `glyphs` (original ids; index 0 must be
 * .notdef, and the position of each id is its new id), composite components
 * appended, cut into runs.
 */
export function planSubset(font: Sfnt, glyphs: readonly number[]): SubsetPlan {
  const order = [...glyphs];
  // Built only for a subset with composites (CJK fonts have next to none): components join the subset.
  let newId: Map<number, number> | undefined;
  const composites = new Map<number, number[]>();
  for (let i = 0; i < order.length; i++) {
    const gid = order[i]!;
    if (!font.isComposite(gid)) continue;
    const parts = components(font.glyphRecord(gid)).map((c) => c.gid);
    composites.set(gid, parts);
    newId ??= new Map(order.map((g, k) => [g, k]));
    for (const part of parts) {
      if (newId.has(part)) continue;
      newId.set(part, order.length);
      order.push(part);
    }
  }
  const runs: GlyphRun[] = [];
  let start = 0;
  for (let i = 0; i < order.length; i++) {
    if (i !== order.length - 1 && mix(order[i]!) % RUN_GLYPHS !== 0) continue;
    const gids = order.slice(start, i + 1);
    let key = gids.join(',');
    if (newId) {
      for (const gid of gids) {
        const parts = composites.get(gid);
        if (parts) key += `;${gid}>${parts.map((p) => newId.get(p)).join('.')}`;
      }
    }
    runs.push({ gids, key });
    start = i + 1;
  }
  return { order, runs };
}

/** The glyph table's bytes for one run of `plan`: records copied, components renumbered, each padded to 4 bytes. */
export function glyfRun(font: Sfnt, plan: SubsetPlan, run: GlyphRun): GlyfRun {
  const records = run.gids.map((gid) => font.glyphRecord(gid));
  let newId: Map<number, number> | undefined;
  for (const rec of records) {
    const parts = components(rec);
    if (parts.length === 0) continue;
    newId ??= new Map(plan.order.map((g, i) => [g, i]));
    const rv = new DataView(rec.buffer, rec.byteOffset, rec.byteLength);
    for (const c of parts) rv.setUint16(c.at, newId.get(c.gid)!);
  }
  const lengths = records.map((r) => (r.length + 3) & ~3);
  const bytes = new Uint8Array(lengths.reduce((sum, n) => sum + n, 0));
  let at = 0;
  records.forEach((r, i) => {
    bytes.set(r, at);
    at += lengths[i]!;
  });
  return { bytes, lengths };
}

/**
 * The subset file up to its glyph table: table directory, head, hhea, hmtx,
 * loca, maxp and the hinting tables. The glyph table follows: the runs' bytes
 * in the plan's order, described by `runs`.
 */
export function subsetHead(font: Sfnt, plan: SubsetPlan, runs: readonly GlyfRunSummary[]): Uint8Array {
  const { bytes } = font;
  const { order } = plan;
  const n = order.length;
  const locaOut = new Uint8Array(4 * (n + 1));
  const lv = new DataView(locaOut.buffer);
  let off = 0;
  let i = 0;
  let glyfChecksum = 0;
  for (const run of runs) {
    for (const length of run.lengths) {
      lv.setUint32(4 * i++, off);
      off += length;
    }
    glyfChecksum = (glyfChecksum + run.checksum) >>> 0;
  }
  lv.setUint32(4 * n, off);

  const hmtxOut = new Uint8Array(4 * n);
  const hv = new DataView(hmtxOut.buffer);
  order.forEach((gid, k) => {
    hv.setUint16(4 * k, font.advance(gid));
    hv.setInt16(4 * k + 2, font.lsb(gid));
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
    ['head', headOut],
    ['hhea', hheaOut],
    ['hmtx', hmtxOut],
    ['loca', locaOut],
    ['maxp', maxpOut],
  ];
  for (const tag of ['cvt ', 'fpgm', 'prep']) if (font.has(tag)) tables.push([tag, copy(tag)]);
  return writeSfntHead(tables, { length: off, checksum: glyfChecksum });
}

/** The whole subset file in one piece. */
export function subsetTrueType(font: Sfnt, glyphs: readonly number[]): Uint8Array {
  const plan = planSubset(font, glyphs);
  const runs = plan.runs.map((run) => glyfRun(font, plan, run));
  const head = subsetHead(
    font,
    plan,
    runs.map((r) => ({ lengths: r.lengths, checksum: tableChecksum(r.bytes) })),
  );
  const out = new Uint8Array(head.length + runs.reduce((sum, r) => sum + r.bytes.length, 0));
  out.set(head, 0);
  let at = head.length;
  for (const r of runs) {
    out.set(r.bytes, at);
    at += r.bytes.length;
  }
  return out;
}

/** Sum of the big-endian 32-bit words of `data`, zero-padded to 4 bytes (the sfnt table checksum). */
export function tableChecksum(data: Uint8Array): number {
  const whole = data.length & ~3;
  const v = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let sum = 0;
  for (let i = 0; i < whole; i += 4) sum = (sum + v.getUint32(i)) >>> 0;
  if (whole < data.length) {
    let last = 0;
    for (let k = 0; k < 4; k++) last = (last << 8) | (data[whole + k] ?? 0);
    sum = (sum + (last >>> 0)) >>> 0;
  }
  return sum;
}

/**
 * The table directory and the data of `tables`, with the glyph table's entry
 * pointing past them (its data follows). Directory entries are sorted by tag as
 * the format asks; head.checkSumAdjustment covers the whole file, glyphs included.
 */
function writeSfntHead(
  tables: readonly [string, Uint8Array][],
  glyf: { length: number; checksum: number },
): Uint8Array {
  const numTables = tables.length + 1;
  const dirSize = 12 + 16 * numTables;
  let size = dirSize;
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
  const entries: { tag: string; checksum: number; offset: number; length: number }[] = [];
  let offset = dirSize;
  let headOffset = -1;
  for (const [tag, data] of tables) {
    entries.push({ tag, checksum: tableChecksum(data), offset, length: data.length });
    out.set(data, offset);
    if (tag === 'head') headOffset = offset;
    offset += (data.length + 3) & ~3;
  }
  entries.push({ tag: 'glyf', checksum: glyf.checksum, offset, length: glyf.length });
  entries.sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
  entries.forEach((e, i) => {
    const rec = 12 + 16 * i;
    for (let k = 0; k < 4; k++) out[rec + k] = e.tag.charCodeAt(k);
    v.setUint32(rec + 4, e.checksum);
    v.setUint32(rec + 8, e.offset);
    v.setUint32(rec + 12, e.length);
  });
  // Every table starts on a 4-byte boundary, so the file's checksum is this part's plus the glyph table's.
  const fileChecksum = (tableChecksum(out) + glyf.checksum) >>> 0;
  if (headOffset >= 0) v.setUint32(headOffset + 8, (0xb1b0afba - fileChecksum) >>> 0);
  return out;
}
