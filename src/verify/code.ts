/**
 * The wire format of a verification code. Self-contained, so checking a code
 * needs no database: everything the verify route shows is in the code, and a
 * truncated HMAC tag proves the service issued it.
 *
 *   code    = base64url( payload ‖ tag )
 *   payload = version(1) ‖ issuedAt seconds (u32 BE) ‖ serial bits (5) ‖ claims commitment (8)
 *             ‖ len ‖ form id (UTF-8) ‖ len ‖ masked name (UTF-8)
 *   tag     = first 16 bytes (128 bits) of HMAC-SHA256(key, "zc-code-v1" ‖ payload)
 *
 * Binary rather than JSON keeps the code near 75 characters, so the QR printed
 * on every page stays small enough to scan from a photocopy.
 */
import { base32 } from './base32.js';

const CODE_VERSION = 1;
export const SERIAL_BYTES = 5;
export const COMMITMENT_BYTES = 8;
export const TAG_BYTES = 16;
/** Longer input is rejected before decoding: no real code comes near it. */
export const MAX_CODE_LENGTH = 512;
const MAX_FIELD_BYTES = 255;

export interface CodePayload {
  readonly issuedAt: number;
  readonly serialBits: Uint8Array;
  readonly commitment: Uint8Array;
  readonly form: string;
  readonly name: string;
}

const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function encodePayload(p: CodePayload): Uint8Array {
  const form = utf8.encode(p.form);
  const name = utf8.encode(p.name);
  if (form.length > MAX_FIELD_BYTES || name.length > MAX_FIELD_BYTES)
    throw new RangeError('form id or name too long for a code');
  const out = new Uint8Array(1 + 4 + SERIAL_BYTES + COMMITMENT_BYTES + 1 + form.length + 1 + name.length);
  const view = new DataView(out.buffer);
  let at = 0;
  out[at++] = CODE_VERSION;
  view.setUint32(at, p.issuedAt);
  at += 4;
  out.set(p.serialBits.subarray(0, SERIAL_BYTES), at);
  at += SERIAL_BYTES;
  out.set(p.commitment.subarray(0, COMMITMENT_BYTES), at);
  at += COMMITMENT_BYTES;
  out[at++] = form.length;
  out.set(form, at);
  at += form.length;
  out[at++] = name.length;
  out.set(name, at);
  return out;
}

/** Parses a payload; null for anything malformed (never throws). */
export function decodePayload(bytes: Uint8Array): CodePayload | null {
  const fixed = 1 + 4 + SERIAL_BYTES + COMMITMENT_BYTES;
  if (bytes.length < fixed + 2 || bytes[0] !== CODE_VERSION) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const issuedAt = view.getUint32(1);
  const serialBits = bytes.slice(5, 5 + SERIAL_BYTES);
  const commitment = bytes.slice(5 + SERIAL_BYTES, fixed);
  let at = fixed;
  const formLength = bytes[at++] ?? 0;
  if (at + formLength + 1 > bytes.length) return null;
  const formBytes = bytes.subarray(at, at + formLength);
  at += formLength;
  const nameLength = bytes[at++] ?? 0;
  if (at + nameLength !== bytes.length) return null;
  const nameBytes = bytes.subarray(at, at + nameLength);
  try {
    return { issuedAt, serialBits, commitment, form: strictUtf8.decode(formBytes), name: strictUtf8.decode(nameBytes) };
  } catch {
    return null;
  }
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/**
 * base64url → bytes, strictly: only the alphabet, and only the one canonical
 * spelling (a changed unused bit in the last character is not the same code).
 */
export function fromBase64Url(text: string): Uint8Array | null {
  if (!BASE64URL.test(text) || text.length % 4 === 1) return null;
  const bytes = Buffer.from(text, 'base64url');
  if (bytes.toString('base64url') !== text) return null;
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function toBase64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');
}

/** "RF-2024-ABCDEFGH": initials of the form id, the year of issue (Beijing time), 8 base32 characters. */
export function serialOf(form: string, issuedAt: number, serialBits: Uint8Array): string {
  const prefix = form
    .split('-')
    .map((part) => part.charAt(0))
    .join('')
    .toUpperCase();
  const beijingYear = new Date((issuedAt + 8 * 3600) * 1000).getUTCFullYear();
  return `${prefix}-${beijingYear}-${base32(serialBits.subarray(0, SERIAL_BYTES))}`;
}

/**
 * The short code printed next to the QR: the first 8 base32 characters of the
 * tag, grouped "ABCD-EFGH" for reading. With the serial it identifies the code
 * to a person comparing paper with the verify page; "" for a malformed code.
 */
export function shortCode(code: string): string {
  const bytes = code.length <= MAX_CODE_LENGTH ? fromBase64Url(code) : null;
  if (!bytes || bytes.length <= TAG_BYTES) return '';
  const short = base32(bytes.subarray(bytes.length - TAG_BYTES, bytes.length - TAG_BYTES + 5));
  return `${short.slice(0, 4)}-${short.slice(4, 8)}`;
}
