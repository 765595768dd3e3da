/** Small text helpers for spreadsheet headers and column widths. */

/**
 * A header as typed by staff → a comparison key: NFKC folds full-width
 * brackets, slashes and spaces to ASCII, then every space, line break and
 * required-field star is dropped, so "县 (市)", "县（市）" and "*县（市）" match.
 */
export function headerKey(header: string): string {
  return header.normalize('NFKC').replace(/[\s*＊]/gu, '');
}

/** East Asian wide and full-width code points take two columns in Excel. */
function isWide(codePoint: number): boolean {
  return (
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0xa4cf) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    (codePoint >= 0x20000 && codePoint <= 0x3fffd)
  );
}

/** Width of a string in Excel character columns, counting CJK as two (code points, not UTF-16 units). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += isWide(char.codePointAt(0) ?? 0) ? 2 : 1;
  return width;
}
