/**
 * A worksheet name from a title: Excel allows at most 31 characters, none of
 * []:*?/\ and no apostrophe at either end.
 */
export function sheetName(title: string): string {
  const cleaned = title
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // Code points, so a name character outside the BMP is never cut in half.
  const cut = Array.from(cleaned)
    .slice(0, 31)
    .join('')
    .replace(/^'+|'+$/g, '')
    .trim();
  return cut === '' ? 'Sheet1' : cut;
}
