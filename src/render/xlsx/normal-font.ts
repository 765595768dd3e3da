/**
 * The workbook's Normal font, which sets the unit of every column width: a
 * width of w is w times the widest digit of that font. exceljs always writes
 * Calibri 11, which a Chinese office (and LibreOffice without Calibri) does
 * not have; its stand-in has wider digits, so the sheet came out wider than
 * planned and printed shrunk. 宋体 10 pt has 7 px digits at 96 dpi in Excel,
 * WPS and LibreOffice alike: the unit the column widths are computed in
 * (columns.ts). The package is re-zipped with every entry dated `date`.
 */
import { inflateRawSync } from 'node:zlib';
import { zipParts } from '../docx/zip-writer.js';
import { xlsxFontName } from './fonts.js';

/** GB2312, so Excel and WPS take the CJK face. */
const NORMAL_FONT = `<font><sz val="10"/><name val="${xlsxFontName('song')}"/><charset val="134"/></font>`;

/** The entries of a ZIP (stored or deflated), in order. */
function unzip(zip: Uint8Array): [string, Uint8Array][] {
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

export function withNormalFont(xlsx: Uint8Array, date: Date): Uint8Array {
  const decoder = new TextDecoder();
  const parts = unzip(xlsx).map(([path, data]): [string, string | Uint8Array] => {
    if (!/\.(xml|rels)$/.test(path)) return [path, data];
    const text = decoder.decode(data);
    // The first font of the style sheet is the Normal style's.
    return [path, path === 'xl/styles.xml' ? text.replace(/<font>[\s\S]*?<\/font>/, NORMAL_FONT) : text];
  });
  return zipParts(parts, date);
}
