/**
 * Text measurement for column widths and row heights. exceljs has no autofit,
 * so widths are estimated from the East-Asian display width (a CJK character
 * is as wide as two Latin ones), as PhpSpreadsheet does.
 */
import { displayWidth } from '../../text/display-width.js';

export { displayWidth };

/** Excel's column width unit is about one "0" of the 11 pt default font. */
export const DEFAULT_FONT_PT = 11;

/** Display width of the widest line of `text`. */
export function widestLine(text: string): number {
  return text.split('\n').reduce((max, line) => Math.max(max, displayWidth(line)), 0);
}

/** Length of the longest run of printable ASCII (an ID or phone number, which must not wrap). */
export function longestAsciiToken(text: string): number {
  return text.split(/[^\x21-\x7e]+/).reduce((max, token) => Math.max(max, token.length), 0);
}

/** Column width (Excel units) for `display` display columns of `sizePt` text, with a little padding. */
export function columnWidthFor(display: number, sizePt: number): number {
  return (display * sizePt) / DEFAULT_FONT_PT + 1.5;
}

/**
 * Wrapped line count of `text` in a box `widthUnits` wide (Excel units). On the
 * generous side: whole characters wrap, and viewers substitute wider fonts.
 */
export function lineCount(text: string, sizePt: number, widthUnits: number): number {
  const usable = Math.max(widthUnits - 1.5, 1);
  let lines = 0;
  for (const line of text.split('\n')) {
    lines += Math.max(1, Math.ceil((displayWidth(line) * sizePt * 1.1) / DEFAULT_FONT_PT / usable));
  }
  return Math.max(lines, 1);
}

/** Row height in pt for `lines` lines of `sizePt` text (Excel caps rows at 409 pt). */
export function rowHeight(lines: number, sizePt: number): number {
  return Math.min(409, Math.round((lines * sizePt * 1.35 + 4) * 4) / 4);
}
