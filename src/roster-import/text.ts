/** Matching spreadsheet headers as staff type them. */

/**
 * A header as typed by staff → a comparison key: NFKC folds full-width
 * brackets, slashes and spaces to ASCII, then every space, line break and
 * required-field star is dropped, so "县 (市)", "县（市）" and "*县（市）" match.
 */
export function headerKey(header: string): string {
  return header.normalize('NFKC').replace(/[\s*＊]/gu, '');
}
