/**
 * Display width in character columns (UAX #11, from `get-east-asian-width`):
 * wide and fullwidth characters take two columns, others one; ambiguous ones
 * count as narrow (the mainland middle dot in 阿依古丽·买买提 is half an em).
 * Measured in code points, never UTF-16 units. Excel column widths and
 * spreadsheet headers use it.
 */
import { eastAsianWidth } from 'get-east-asian-width';

export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += eastAsianWidth(char.codePointAt(0)!);
  return width;
}
