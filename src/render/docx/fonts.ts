/**
 * The Word font names of each font role. Word and WPS pick CJK glyphs from the
 * East-Asian slot (`w:eastAsia`), Latin letters and digits from ascii/hAnsi;
 * these are the names Chinese Office installs carry. Kept in one table so an
 * operator's licensed fonts (仿宋_GB2312, 方正小标宋简体) are a one-line change.
 */
import type { FontRole } from '../../document/model.js';

export const WORD_FONTS: Readonly<Record<FontRole, { readonly eastAsia: string; readonly bold: boolean }>> = {
  song: { eastAsia: '宋体', bold: false },
  fangsong: { eastAsia: '仿宋', bold: false },
  kai: { eastAsia: '楷体', bold: false },
  hei: { eastAsia: '黑体', bold: false },
  // No free 小标宋 exists and Office does not ship one: bold 宋体 is the usual stand-in.
  title: { eastAsia: '宋体', bold: true },
};

/** Latin letters and digits (GB/T 9704 prints Arabic numerals in a Latin face). */
const LATIN_FONT = 'Times New Roman';

/** The `w:rFonts` of a role; hint eastAsia so "·", "“”" and "—" take the CJK face. */
export function wordFont(role: FontRole): { ascii: string; hAnsi: string; cs: string; eastAsia: string; hint: string } {
  return {
    ascii: LATIN_FONT,
    hAnsi: LATIN_FONT,
    cs: LATIN_FONT,
    eastAsia: WORD_FONTS[role].eastAsia,
    hint: 'eastAsia',
  };
}
