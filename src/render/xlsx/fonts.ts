/**
 * Cell fonts: the East-Asian font name of each role (the same table as DOCX),
 * with the GB2312 charset so Excel and WPS pick the CJK face for the cell.
 */
import type ExcelJS from 'exceljs';
import type { FontRole } from '../../document/model.js';
import { WORD_FONTS } from '../docx/fonts.js';

/** GB2312 charset id in the font record. */
const GB2312_CHARSET = 134;

export function xlsxFontName(role: FontRole): string {
  return WORD_FONTS[role].eastAsia;
}

export function xlsxFont(role: FontRole, size: number, bold: boolean, underline?: boolean): Partial<ExcelJS.Font> {
  return {
    name: xlsxFontName(role),
    size,
    charset: GB2312_CHARSET,
    ...(bold || WORD_FONTS[role].bold ? { bold: true } : {}),
    ...(underline ? { underline: true } : {}),
  };
}
