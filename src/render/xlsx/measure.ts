/**
 * Text measurement for column widths and row heights. exceljs has no autofit,
 * so widths are estimated from the East-Asian display width (a CJK character
 * is as wide as two Latin ones), as PhpSpreadsheet does.
 */

/** Wide and fullwidth code points (UAX #11 W/F, the ranges that occur in Chinese forms). */
function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3040 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** Display width of a line: CJK = 2, everything else = 1 (code points, not UTF-16 units). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += isWide(ch.codePointAt(0)!) ? 2 : 1;
  return width;
}

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
    lines += Math.max(1, Math.ceil(((displayWidth(line) * sizePt * 1.1) / DEFAULT_FONT_PT) / usable));
  }
  return Math.max(lines, 1);
}

/** Row height in pt for `lines` lines of `sizePt` text (Excel caps rows at 409 pt). */
export function rowHeight(lines: number, sizePt: number): number {
  return Math.min(409, Math.round((lines * sizePt * 1.35 + 4) * 4) / 4);
}
