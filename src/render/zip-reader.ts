/**
 * Reads the entries of a ZIP archive (stored or deflated) into memory, in
 * order: for packages this service wrote itself (the XLSX that exceljs makes,
 * re-zipped by xlsx/normal-font.ts) and for tests that read them back. Not for
 * uploads: it trusts the sizes the archive declares.
 */
import { inflateRawSync } from 'node:zlib';

export function unzipEntries(zip: Uint8Array): [string, Uint8Array][] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = zip.byteLength - 22;
  while (eocd >= 0 && view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a ZIP archive');
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const decoder = new TextDecoder();
  const out: [string, Uint8Array][] = [];
  for (let i = 0; i < count; i++) {
    const method = view.getUint16(p + 10, true);
    const compressed = view.getUint32(p + 20, true);
    const nameLen = view.getUint16(p + 28, true);
    const local = view.getUint32(p + 42, true);
    const name = decoder.decode(zip.subarray(p + 46, p + 46 + nameLen));
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const raw = zip.subarray(start, start + compressed);
    out.push([name, method === 0 ? raw : new Uint8Array(inflateRawSync(raw))]);
    p += 46 + nameLen + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return out;
}
