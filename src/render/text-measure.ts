/**
 * Text measures for table column widths (table-widths.ts): the font metrics
 * the PDF draws with (and DOCX, whose viewers use the same Chinese em grid),
 * and the East-Asian display width spreadsheets are sized by.
 */
import type { FontLibrary } from '../fonts/library.js';
import { eastAsianWidth } from 'get-east-asian-width';
import { displayWidth } from '../text/display-width.js';
import type { MeasureText } from './table-widths.js';

const fontMeasures = new WeakMap<FontLibrary, MeasureText>();
/** Texts measured per library before the remembered widths are dropped (a bound on memory). */
const REMEMBERED_WIDTHS = 20_000;
/** Longer texts (an applicant's paragraphs) are measured each time: they rarely come back. */
const REMEMBERED_TEXT_MAX = 40;

/**
 * Advance widths from the font chains, in pt; a code point no font has counts
 * one em. Widths of short texts are remembered per font library: column sizing
 * measures every cell and every piece of it, and most cells (labels, headers,
 * dates) recur from one document to the next.
 */
export function fontMeasure(lib: FontLibrary): MeasureText {
  let measure = fontMeasures.get(lib);
  if (measure === undefined) {
    const widths = new Map<string, number>();
    const direct = advanceSum(lib);
    measure = (text, style) => {
      if (text.length > REMEMBERED_TEXT_MAX) return direct(text, style);
      const key = `${style.font}|${style.size}|${style.bold ? 'b' : ''}|${text}`;
      let width = widths.get(key);
      if (width === undefined) {
        width = direct(text, style);
        if (widths.size >= REMEMBERED_WIDTHS) widths.clear();
        widths.set(key, width);
      }
      return width;
    };
    fontMeasures.set(lib, measure);
  }
  return measure;
}

function advanceSum(lib: FontLibrary): MeasureText {
  return (text, style) => {
    let width = 0;
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      const choice = lib.choose(cp, style.font, style.bold);
      if (!choice) {
        width += style.size;
        continue;
      }
      width += (choice.face.glyph(cp).advance * style.size) / choice.face.unitsPerEm;
    }
    return width;
  };
}

/**
 * Places where Chinese meets Latin letters or digits ("2023年30/60" has two):
 * LibreOffice (and Word with its default) put a quarter em there whatever the
 * document says.
 */
function cjkLatinGaps(text: string): number {
  let gaps = 0;
  let prev: boolean | undefined;
  for (const ch of text) {
    const wide = eastAsianWidth(ch.codePointAt(0)!) === 2;
    const latin = /[0-9A-Za-z]/.test(ch);
    if (!wide && !latin) {
      prev = undefined;
      continue;
    }
    if (prev !== undefined && prev !== wide) gaps++;
    prev = wide;
  }
  return gaps;
}

/** The font metrics plus the office's quarter ems: a cell sized without them wraps "2023年30/60". */
export function wordProcessorMeasure(lib: FontLibrary): MeasureText {
  const fonts = fontMeasure(lib);
  return (text, style) => fonts(text, style) + (cjkLatinGaps(text) * style.size) / 4;
}

/** East-Asian width (UAX #11): a wide character is one em, any other half an em; in pt. */
const displayMeasure: MeasureText = (text, style) => (displayWidth(text) * style.size) / 2;

/**
 * Spreadsheet text: the East-Asian width (exact for 宋体, whose Latin is half
 * an em), or the font metrics where they are wider (an office without 宋体
 * substitutes a face whose digits are a little wider, and an ID must not wrap),
 * plus the office's quarter ems, so "2022年合格" measured to fit a line prints on one.
 */
export function spreadsheetMeasure(lib: FontLibrary): MeasureText {
  const fonts = fontMeasure(lib);
  return (text, style) =>
    Math.max(displayMeasure(text, style), fonts(text, style)) + (cjkLatinGaps(text) * style.size) / 4;
}
