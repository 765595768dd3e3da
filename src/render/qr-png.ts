/**
 * A QR code as a PNG, for the DOCX and XLSX renderers (the PDF draws the
 * modules as paths): one bit a pixel, black on white, with a one-module quiet
 * zone, each module a square of whole pixels. The same text gives the same bytes.
 */
import { crc32, deflateSync } from 'node:zlib';
import { qrModules } from './qr.js';

/** Pixels a millimetre asked for: prints sharp at 300 dpi for the small sizes forms use. */
const PX_PER_MM = 12;
const MIN_PX = 96;
const QUIET_ZONE = 1;

export function qrPng(text: string, sizeMm: number): Uint8Array {
  const modules = qrModules(text);
  const side = modules.size + 2 * QUIET_ZONE;
  const scale = Math.max(1, Math.ceil(Math.max(MIN_PX, Math.round(sizeMm * PX_PER_MM)) / side));
  const px = side * scale;
  const rowBytes = Math.ceil(px / 8);
  // Each row: filter type 0, then the pixels, 1 = white.
  const raw = new Uint8Array(px * (rowBytes + 1));
  for (let y = 0; y < px; y++) {
    const row = y * (rowBytes + 1);
    const r = Math.floor(y / scale) - QUIET_ZONE;
    for (let x = 0; x < px; x++) {
      const c = Math.floor(x / scale) - QUIET_ZONE;
      const dark = r >= 0 && c >= 0 && r < modules.size && c < modules.size && modules.get(r, c);
      if (!dark) raw[row + 1 + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, px);
  view.setUint32(4, px);
  header.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale, deflate, adaptive filtering, no interlace
  return concat([
    PNG_SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

const PNG_SIGNATURE = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG chunk: length, type, data and the CRC-32 of type and data. */
function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(Buffer.from(type, 'latin1'), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
