/**
 * The workbook's Normal font, which sets the unit of every column width: a
 * width of w is w times the widest digit of that font. exceljs always writes
 * Calibri 11, which a Chinese office (and LibreOffice without Calibri) does
 * not have; its stand-in has wider digits, so the sheet came out wider than
 * planned and printed shrunk. 宋体 10 pt has 7 px digits at 96 dpi in Excel,
 * WPS and LibreOffice alike: the unit the column widths are computed in
 * (columns.ts). The package is re-zipped with every entry dated `date`.
 */
import { zipParts } from '../docx/zip-writer.js';
import { unzipEntries } from '../zip-reader.js';
import { xlsxFontName } from './fonts.js';

/** GB2312, so Excel and WPS take the CJK face. */
const NORMAL_FONT = `<font><sz val="10"/><name val="${xlsxFontName('song')}"/><charset val="134"/></font>`;

export function withNormalFont(xlsx: Uint8Array, date: Date): Uint8Array {
  const decoder = new TextDecoder();
  // Text parts go back as text, which zipParts deflates; other parts (pictures) are stored as they are.
  const parts = unzipEntries(xlsx).map(([path, data]): [string, string | Uint8Array] => {
    if (!/\.(xml|rels)$/.test(path)) return [path, data];
    const text = decoder.decode(data);
    // The first font of the style sheet is the Normal style's.
    return [path, path === 'xl/styles.xml' ? text.replace(/<font>[\s\S]*?<\/font>/, NORMAL_FONT) : text];
  });
  return zipParts(parts, date);
}
