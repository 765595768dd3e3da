/**
 * Guards against PDF decompression bombs before pdf-lib sees the file.
 *
 * pdf-lib decodes object streams while loading, with no cap on the output, so a
 * few kilobytes of crafted Flate data can claim gigabytes. We find every stream
 * whose dictionary names FlateDecode and inflate it with Node's zlib under a
 * hard output limit; a stream or a file that decodes past the limits is refused.
 */
import { inflateSync } from 'node:zlib';

export interface DecodeLimits {
  /** Largest decoded size of one stream, in bytes. */
  readonly perStream: number;
  /** Largest decoded size of all streams together, in bytes. */
  readonly total: number;
}

export type GuardVerdict =
  | { readonly ok: true; readonly decodedBytes: number }
  | { readonly ok: false; readonly reason: 'stream-too-large' | 'total-too-large'; readonly decodedBytes: number };

const STREAM = Buffer.from('stream');
const END_STREAM = Buffer.from('endstream');
/** How far back from "stream" we look for its dictionary's /Filter. */
const DICT_LOOKBACK = 2048;

export function checkDecodedSize(pdf: Uint8Array, limits: DecodeLimits): GuardVerdict {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  let decodedBytes = 0;
  let from = 0;
  for (;;) {
    const start = findStreamData(bytes, from);
    if (start === -1) break;
    const end = bytes.indexOf(END_STREAM, start);
    if (end === -1) break;
    from = end + END_STREAM.length;
    if (!isFlate(bytes, start)) continue;
    const decoded = inflatedSize(bytes.subarray(start, end), limits.perStream);
    if (decoded === 'too-large') return { ok: false, reason: 'stream-too-large', decodedBytes };
    decodedBytes += decoded;
    if (decodedBytes > limits.total) return { ok: false, reason: 'total-too-large', decodedBytes };
  }
  return { ok: true, decodedBytes };
}

/** Offset of the first data byte of the next stream at or after `from`, or -1. */
function findStreamData(bytes: Buffer, from: number): number {
  let at = bytes.indexOf(STREAM, from);
  while (at !== -1) {
    const preceding = at > 0 ? bytes[at - 1] : undefined;
    const isEndStream = at >= 3 && bytes.subarray(at - 3, at).toString('latin1') === 'end';
    let data = at + STREAM.length;
    if (!isEndStream && preceding !== undefined && (preceding === 0x3e /* > */ || isWhite(preceding))) {
      if (bytes[data] === 0x0d) data += 1;
      if (bytes[data] === 0x0a) return data + 1;
      if (bytes[data - 1] === 0x0d) return data;
    }
    at = bytes.indexOf(STREAM, at + 1);
  }
  return -1;
}

function isWhite(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09 || byte === 0x0c || byte === 0x00;
}

function isFlate(bytes: Buffer, dataStart: number): boolean {
  const head = bytes.subarray(Math.max(0, dataStart - DICT_LOOKBACK), dataStart).toString('latin1');
  const dict = head.slice(head.lastIndexOf(' obj') + 1);
  return dict.includes('/FlateDecode') || /\/Filter\s*\/Fl\b/.test(dict);
}

function inflatedSize(data: Buffer, limit: number): number | 'too-large' {
  try {
    return inflateSync(data, { maxOutputLength: limit }).length;
  } catch (error) {
    if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return 'too-large';
    // Damaged data is not a bomb; the PDF parser decides whether the file is usable.
    return 0;
  }
}
