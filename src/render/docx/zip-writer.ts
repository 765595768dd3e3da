/**
 * A small ZIP writer for the DOCX package parts, replacing the docx package's
 * own zipping, which was most of a one-page render: it deflates every part in
 * JavaScript on every call and stamps the wall-clock time. Here node's native
 * zlib deflates, parts that are the same from render to render (theme,
 * styles, numbering, font table, relationships …) are deflated once and
 * reused, pictures (already compressed) are stored, and every entry carries
 * the model's creation time, so the same model gives the same bytes.
 */
import * as zlib from 'node:zlib';
import { dosDateTime } from './zip-stamp.js';

interface PackedEntry {
  readonly crc: number;
  readonly size: number;
  readonly method: 0 | 8;
  readonly data: Uint8Array;
}

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  const native = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
  if (native) return native(bytes) >>> 0;
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

const encoder = new TextEncoder();

/** Deflated text parts by path and content; bounded, since models vary only in a few parts. */
const cache = new Map<string, PackedEntry>();
const CACHE_LIMIT = 128;

function pack(path: string, content: string | Uint8Array): PackedEntry {
  if (typeof content !== 'string') {
    return { crc: crc32(content), size: content.length, method: 0, data: content };
  }
  const key = `${path}\0${content}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const raw = encoder.encode(content);
  const entry: PackedEntry = {
    crc: crc32(raw),
    size: raw.length,
    method: 8,
    data: zlib.deflateRawSync(raw, { level: 6 }),
  };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, entry);
  return entry;
}

/** A ZIP of the given parts, in order, every entry dated `date`. */
export function zipParts(parts: Iterable<readonly [string, string | Uint8Array]>, date: Date): Uint8Array {
  const { time, day } = dosDateTime(date);
  const entries = [...parts].map(([path, content]) => ({ name: encoder.encode(path), ...pack(path, content) }));
  const localSize = entries.reduce((n, e) => n + 30 + e.name.length + e.data.length, 0);
  const centralSize = entries.reduce((n, e) => n + 46 + e.name.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  let p = 0;
  const offsets: number[] = [];
  for (const e of entries) {
    offsets.push(p);
    view.setUint32(p, 0x04034b50, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, 0, true);
    view.setUint16(p + 8, e.method, true);
    view.setUint16(p + 10, time, true);
    view.setUint16(p + 12, day, true);
    view.setUint32(p + 14, e.crc, true);
    view.setUint32(p + 18, e.data.length, true);
    view.setUint32(p + 22, e.size, true);
    view.setUint16(p + 26, e.name.length, true);
    view.setUint16(p + 28, 0, true);
    out.set(e.name, p + 30);
    out.set(e.data, p + 30 + e.name.length);
    p += 30 + e.name.length + e.data.length;
  }
  const centralStart = p;
  entries.forEach((e, i) => {
    view.setUint32(p, 0x02014b50, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, 20, true);
    view.setUint16(p + 8, 0, true);
    view.setUint16(p + 10, e.method, true);
    view.setUint16(p + 12, time, true);
    view.setUint16(p + 14, day, true);
    view.setUint32(p + 16, e.crc, true);
    view.setUint32(p + 20, e.data.length, true);
    view.setUint32(p + 24, e.size, true);
    view.setUint16(p + 28, e.name.length, true);
    // extra, comment, disk, internal and external attributes: all zero.
    view.setUint32(p + 42, offsets[i]!, true);
    out.set(e.name, p + 46);
    p += 46 + e.name.length;
  });
  view.setUint32(p, 0x06054b50, true);
  view.setUint16(p + 8, entries.length, true);
  view.setUint16(p + 10, entries.length, true);
  view.setUint32(p + 12, p - centralStart, true);
  view.setUint32(p + 16, centralStart, true);
  return out;
}
