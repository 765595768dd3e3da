/**
 * The applicant's one-inch photo: base64 (optionally a data: URL) of a JPEG or
 * PNG. Checked by its structure, not by its name, so a renamed GIF or a
 * truncated upload is refused at the form instead of breaking a renderer.
 */
import type { CellImage } from '../../document/model.js';
import type { Problem } from '../../errors.js';
import { problem } from '../shared/problems.js';

const PHOTO_PATH = '/applicant/photo';
/** 一寸照 box: 25 × 35 mm. */
export const PHOTO_BOX_MM = { width: 25, height: 35 } as const;

export interface DecodedPhoto {
  readonly data: Uint8Array;
  readonly format: 'png' | 'jpeg';
  /** Pixels. */
  readonly width: number;
  readonly height: number;
}

export type PhotoResult =
  | { readonly ok: true; readonly photo: DecodedPhoto }
  | { readonly ok: false; readonly problem: Problem };

const DATA_URL = /^data:image\/(?:png|jpe?g);base64,/i;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2,3})?$/;

function invalid(message: string, messageEn: string): PhotoResult {
  return { ok: false, problem: problem(PHOTO_PATH, 'PHOTO_INVALID', message, messageEn) };
}

export function decodePhoto(text: string): PhotoResult {
  const body = text.replace(DATA_URL, '').replace(/\s+/g, '');
  if (body === '' || !BASE64.test(body)) return invalid('照片不是有效的 base64 编码', 'The photo is not valid base64');
  const bytes = new Uint8Array(Buffer.from(body, 'base64'));
  const size = pngSize(bytes) ?? jpegSize(bytes);
  if (!size) return invalid('照片不是完整的 JPEG 或 PNG 图片', 'The photo is not a complete JPEG or PNG image');
  return { ok: true, photo: { data: bytes, ...size } };
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** PNG: signature, IHDR first with a non-zero size, and an IEND chunk at the end. */
function pngSize(b: Uint8Array): Omit<DecodedPhoto, 'data'> | null {
  if (b.length < 8 + 25 + 12 || !PNG_SIGNATURE.every((v, i) => b[i] === v)) return null;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (view.getUint32(8) !== 13 || ascii(b, 12, 4) !== 'IHDR') return null;
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  if (width === 0 || height === 0 || ascii(b, b.length - 8, 4) !== 'IEND') return null;
  return { format: 'png', width, height };
}

/** JPEG: SOI, a frame header (SOFn) with a non-zero size reached by walking the segments, and EOI at the end. */
function jpegSize(b: Uint8Array): Omit<DecodedPhoto, 'data'> | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null;
  let end = b.length;
  while (end > 2 && b[end - 1] !== 0xd9) end--; // tolerate trailing padding after EOI
  if (end <= 2 || b[end - 2] !== 0xff || b.length - end > 1024) return null;
  let at = 2;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1] ?? 0;
    if (marker === 0xff) {
      at++;
      continue;
    }
    const length = ((b[at + 2] ?? 0) << 8) | (b[at + 3] ?? 0);
    if (length < 2 || at + 2 + length > b.length) return null;
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (length < 7) return null;
      const height = ((b[at + 5] ?? 0) << 8) | (b[at + 6] ?? 0);
      const width = ((b[at + 7] ?? 0) << 8) | (b[at + 8] ?? 0);
      return width > 0 && height > 0 ? { format: 'jpeg', width, height } : null;
    }
    if (marker === 0xda || marker === 0xd9) return null; // scan data or end before any frame header
    at += 2 + length;
  }
  return null;
}

function ascii(b: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...b.subarray(at, at + length));
}

/** The photo scaled to fit the 25 × 35 mm box, keeping its proportions. */
export function photoCellImage(photo: DecodedPhoto): CellImage {
  const scale = Math.min(PHOTO_BOX_MM.width / photo.width, PHOTO_BOX_MM.height / photo.height);
  const round = (mm: number) => Math.round(mm * 100) / 100;
  return {
    data: photo.data,
    format: photo.format,
    width: round(photo.width * scale),
    height: round(photo.height * scale),
  };
}
