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

/** A run of Latin letters, digits and their punctuation: office suites do not break inside it. */
const WORD = /[0-9A-Za-z][0-9A-Za-z.,:%/+-]*/y;

/**
 * Wrapped line count of `text` in a box `widthUnits` wide (Excel units), as an
 * office suite wraps it: greedily, a Chinese character at a time but a Latin
 * word or number whole ("2023" never splits), with the quarter em LibreOffice
 * and Word put where Chinese meets Latin. Counting characters alone gave a
 * narrow "2023年合格" two lines where the office prints three, and cut the row off.
 */
export function lineCount(text: string, sizePt: number, widthUnits: number): number {
  const usable = Math.max((widthUnitsToMm(widthUnits) - XLSX_CELL_PADDING_MM) * PT_PER_MM, sizePt);
  const em = sizePt * WIDTH_MARGIN;
  let lines = 0;
  for (const line of text.split('\n')) {
    let count = 1;
    let x = 0;
    let previousWide: boolean | undefined;
    for (let i = 0; i < line.length; ) {
      WORD.lastIndex = i;
      const word = WORD.exec(line)?.[0];
      const piece = word ?? String.fromCodePoint(line.codePointAt(i)!);
      const wide = word === undefined && displayWidth(piece) === 2;
      let width = (displayWidth(piece) * em) / 2;
      if (previousWide !== undefined && x > 0 && previousWide !== wide && (wide || word !== undefined)) width += em / 4;
      if (x > 0 && x + width > usable) {
        count++;
        x = 0;
      }
      // A word wider than the box wraps inside after all.
      while (x === 0 && width > usable) {
        count++;
        width -= usable;
      }
      x += width;
      // Punctuation and spaces sit between the two kinds of text without a gap of their own.
      previousWide = word === undefined && !wide ? undefined : wide;
      i += piece.length;
    }
    lines += count;
  }
  return Math.max(lines, 1);
}

/**
 * Line pitch of sheet text, in em. LibreOffice sets 宋体 text, which it prints
 * with the Noto serif when SimSun is missing, at about 1.44 em; Excel with
 * SimSun at about 1.15. The larger keeps a tall cell's text inside its row.
 */
const LINE_PITCH_EM = 1.45;

/** Height in pt of `lines` lines of `sizePt` text with the cell's padding, in quarter points. */
export function linesHeight(lines: number, sizePt: number): number {
  return Math.round((lines * sizePt * LINE_PITCH_EM + 4) * 4) / 4;
}

/** Row height in pt for `lines` lines of `sizePt` text (Excel caps rows at 409 pt). */
export function rowHeight(lines: number, sizePt: number): number {
  return Math.min(409, linesHeight(lines, sizePt));
}
