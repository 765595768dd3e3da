/**
 * Masking names for public pages (verification results). Each dot-separated part
 * keeps its first and last character and hides the rest; a two-character part
 * keeps only its first ("张玥" → "张*"), a one-character part is hidden, so a
 * short Han name is never shown whole. Counts code points, not UTF-16 units.
 */
import { NAME_DOT } from './names.js';

function maskPart(part: string): string {
  const chars = Array.from(part);
  if (chars.length <= 1) return '*'.repeat(chars.length);
  if (chars.length === 2) return `${chars[0]}*`;
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
}

/** "阿依古丽·买买提" → "阿**丽·买*提"; "张玥" → "张*"; "欧阳娜娜" → "欧**娜". */
export function maskName(name: string): string {
  return name.trim().split(NAME_DOT).map(maskPart).join(NAME_DOT);
}
