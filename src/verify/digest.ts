/**
 * Digests that bind a verification code to the data it was issued for.
 * Canonical JSON (sorted keys, no whitespace) so the same dossier gives the
 * same digest whatever order its keys arrived in.
 */
import { createHash } from 'node:crypto';

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** JSON with object keys sorted at every level; undefined members are dropped as JSON.stringify does. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const record = value as Record<string, unknown>;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(record).sort()) sorted[key] = sortKeys(record[key]);
    return sorted;
  }
  return value;
}

/** SHA-256 (hex) of the canonical JSON of a form's input: the "content digest" a code is signed over. */
export function contentDigest(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}
