/**
 * Text measurement for row heights. exceljs has no autofit, so wrapped lines
 * are estimated from the East-Asian display width (a CJK character is one em,
 * a Latin one half an em: exact for 宋体/SimSun), against the real width of
 * the column in Excel's units.
 */
import { displayWidth } from '../../text/display-width.js';
import { PT_PER_MM } from './context.js';
import { XLSX_CELL_PADDING_MM, widthUnitsToMm } from './columns.js';

export { displayWidth };

/** A little over the measured width: viewers substitute fonts a few per cent wider. */
const WIDTH_MARGIN = 1.06;

/** Wrapped line count of `text` in a box `widthUnits` wide (Excel units). */
export function lineCount(text: string, sizePt: number, widthUnits: number): number {
  const usable = Math.max((widthUnitsToMm(widthUnits) - XLSX_CELL_PADDING_MM) * PT_PER_MM, sizePt);
  let lines = 0;
  for (const line of text.split('\n')) {
    lines += Math.max(1, Math.ceil((displayWidth(line) * sizePt * WIDTH_MARGIN) / 2 / usable));
  }
  return Math.max(lines, 1);
}

/** Row height in pt for `lines` lines of `sizePt` text (Excel caps rows at 409 pt). */
export function rowHeight(lines: number, sizePt: number): number {
  return Math.min(409, Math.round((lines * sizePt * 1.35 + 4) * 4) / 4);
}
