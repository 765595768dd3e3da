/**
 * Test helpers for OOXML output: read the parts of a DOCX/XLSX (a ZIP) and
 * read back the text of one printed by LibreOffice.
 */
import { inflateRawSync } from 'node:zlib';
import { convertWithOffice } from './libreoffice.js';
import { pdfInfo, pdfText } from './pdf-tools.js';

/** Every part of a ZIP archive by its path (stored or deflated entries). */
export function unzipParts(zip: Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = zip.byteLength - 22;
  while (eocd >= 0 && view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a ZIP archive');
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const parts = new Map<string, Uint8Array>();
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    const method = view.getUint16(p + 10, true);
    const compressed = view.getUint32(p + 20, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    const name = decoder.decode(zip.subarray(p + 46, p + 46 + nameLen));
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const raw = zip.subarray(dataStart, dataStart + compressed);
    parts.set(name, method === 0 ? raw : new Uint8Array(inflateRawSync(raw)));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return parts;
}

/** The text (XML) of one part, e.g. "word/document.xml"; throws if it is missing. */
export function zipPart(zip: Uint8Array, path: string): string {
  const part = unzipParts(zip).get(path);
  if (!part) throw new Error(`no part ${path} in archive`);
  return new TextDecoder().decode(part);
}

/** The paths of every part whose path matches. */
export function zipPartNames(zip: Uint8Array, pattern: RegExp = /.*/): string[] {
  return [...unzipParts(zip).keys()].filter((name) => pattern.test(name));
}

export interface OfficePdf {
  /** pdftotext output (layout mode off). */
  readonly text: string;
  readonly pages: number;
}

/** The text and page count of a DOCX or XLSX printed by LibreOffice (convertWithOffice). */
export async function officeToPdfText(bytes: Uint8Array, ext: 'docx' | 'xlsx'): Promise<OfficePdf> {
  const [pdf] = await convertWithOffice([{ bytes, ext }]);
  return { text: await pdfText(pdf!), pages: (await pdfInfo(pdf!)).pages };
}

/** Page counts of several DOCX files printed by LibreOffice in one run (convertWithOffice). */
export async function officePageCounts(files: ReadonlyMap<string, Uint8Array>): Promise<Map<string, number>> {
  const pdfs = await convertWithOffice([...files.values()].map((bytes) => ({ bytes, ext: 'docx' as const })));
  const names = [...files.keys()];
  const counts = new Map<string, number>();
  for (const [i, pdf] of pdfs.entries()) counts.set(names[i]!, (await pdfInfo(pdf)).pages);
  return counts;
}
