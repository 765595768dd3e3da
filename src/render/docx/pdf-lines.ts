/**
 * Line ends the DOCX takes from the PDF, as explicit line breaks (w:br), where
 * an editor left to itself would print something the PDF avoids:
 *
 * - a balanced title (the document title, or any paragraph marked `balanced`)
 *   breaks where the PDF breaks it, between words into lines of about equal
 *   length, instead of filling the first line and breaking inside a word
 *   ("…免除继续 / 教育…");
 * - a justified line the PDF leaves short (the next word, an 18-digit ID
 *   number, does not fit, and spreading the rest would open more than
 *   MAX_SPREAD_EM between characters) ends with a break, which the document's
 *   `doNotExpandShiftReturn` setting tells Word, WPS and LibreOffice not to
 *   justify, so "兹证明阿依古丽·买买提同志（身份证号：" is not letter-spaced
 *   across the line; so does a full line ending on a mark the PDF squeezed in
 *   and an editor must hang in the margin, which LibreOffice drops from a
 *   justified line but prints before a break;
 * - the last two ideographs of a paragraph of more than one line, and of each
 *   of its lines ended by a break, are kept together as an unbreakable run
 *   (kept-endings.ts; the marks after them follow by the editor's own
 *   rules): the PDF never leaves one character alone on a last line, and an
 *   editor does ("…任何处 / 分。" becomes "…任何 / 处分。");
 * - a table cell's lines end where the PDF ends them, words whole and no
 *   character alone on the last line, instead of filling each line greedily.
 *
 * The PDF's own layout engine lays the paragraph out at the same width, size
 * and font. Ideographs are one em wide in every Chinese face, so lines chosen
 * with the service's fonts fit the editor's own; a short line is ended only
 * when it fits with the editor's extra quarter ems to spare.
 */
import type { Align, Paragraph, Run } from '../../document/model.js';
import { getFontLibrary } from '../../fonts/library.js';
import { MAX_SPREAD_EM } from '../pdf/line-break.js';
import { NO_START } from '../pdf/line-break-rules.js';
import { layoutParagraph, type LaidLine, type ResolvedStyle } from '../pdf/text-layout.js';
import { wordProcessorMeasure } from '../text-measure.js';
import { withEndingKept } from './kept-endings.js';

/** How the PDF sets the paragraph: the default style, alignment and first-line indent of its kind (title, body, cell). */
export interface LineSetting {
  readonly style: ResolvedStyle;
  readonly align: Align;
  readonly firstLineIndent: number;
}

/** The paragraph with "\n" where the PDF's balanced layout ends each line, for a type area `widthPt` wide. */
export function withBalancedLines<P extends Paragraph>(p: P, setting: LineSetting, widthPt: number): P {
  const { laid, chars } = pdfLayout({ ...p, balanced: true }, setting, widthPt);
  const breaks = newLineStarts(chars, laid.lines);
  return breaks.size === 0 ? p : { ...p, runs: insertBreaks(p.runs, breaks) };
}

/**
 * The justified paragraph with "\n" after each line the PDF leaves short, for
 * a type area `widthPt` wide (lines of the PDF's own layout with the body's defaults).
 */
export function withShortLinesEnded<P extends Paragraph>(p: P, setting: LineSetting, widthPt: number): P {
  if ((p.align ?? setting.align) !== 'justify') return p;
  const { laid, chars, right, editorWidth } = pdfLayout(p, setting, widthPt);
  if (laid.lines.length < 2) return p;
  const starts = lineStarts(chars, laid.lines);
  const ended = new Set<number>();
  laid.lines.forEach((line, k) => {
    const start = starts[k + 1];
    const last = line.glyphs.at(-1);
    if (start === undefined || start.afterNewline || !last) return;
    const em = line.size;
    const text = line.glyphs.map((g) => g.item.ch).join('');
    // The editor's own width of the line, with its quarter ems where Chinese meets digits.
    const editorRight = line.glyphs[0]!.x + editorWidth(text, em);
    if (right - (last.x + last.advance) >= MAX_SPREAD_EM * em) {
      // Short in the PDF: ended, if the editor fits it too.
      if (editorRight <= right - em / 4) ended.add(start.at);
    } else if (NO_START.has(last.item.ch) && editorRight > right) {
      // Full, ending on punctuation the PDF squeezed in and the editor must hang past the margin: LibreOffice
      // drops such a mark on a justified line ("中共党员；" printed "中共党员") but prints it at a line break.
      const before = editorWidth(text.slice(0, -last.item.ch.length), em);
      if (line.glyphs[0]!.x + before <= right - em / 4) ended.add(start.at);
    }
  });
  return { ...p, runs: insertBreaks(withEndingKept(p.runs, chars, ended), ended) };
}

/**
 * A ragged (left-aligned or centred) paragraph, a table cell's, with "\n" where
 * the PDF's layout ends each line in a box `widthPt` wide: words kept whole and
 * no character alone on the last line ("档案接收征集科 / 科员", not "…科科 / 员"),
 * where an editor would fill each line greedily. Left as it is unless every line
 * fits the editor's measure with a quarter em to spare: a break after a line the
 * editor wraps anyway would leave a fragment on a line of its own.
 */
export function withPdfLines<P extends Paragraph>(p: P, setting: LineSetting, widthPt: number): P {
  if ((p.align ?? setting.align) === 'justify') return p;
  const { laid, chars, right, editorWidth } = pdfLayout(p, setting, widthPt);
  if (laid.lines.length < 2) return p;
  const breaks = newLineStarts(chars, laid.lines);
  if (breaks.size === 0) return p;
  const fits = laid.lines.every((line) => {
    const first = line.glyphs[0];
    if (!first) return true;
    const text = line.glyphs.map((g) => g.item.ch).join('');
    const left = (p.align ?? setting.align) === 'left' ? first.x : 0;
    return left + editorWidth(text, line.size) <= right - line.size / 4;
  });
  // Lines the editor cannot be given: it fills them itself, but it keeps the ending together as the PDF does.
  return { ...p, runs: fits ? insertBreaks(p.runs, breaks) : withEndingKept(p.runs, chars) };
}

/** How many lines the PDF sets the paragraph in, in a box `widthPt` wide. */
export function pdfLineCount(p: Paragraph, setting: LineSetting, widthPt: number): number {
  return pdfLayout(p, setting, widthPt).laid.lines.length;
}

/**
 * The PDF's layout of the paragraph, its text as code points, the right edge of
 * its lines, and an editor's width of a text at a size (font metrics plus the
 * quarter ems Word and LibreOffice add where Chinese meets digits).
 */
function pdfLayout(p: Paragraph, setting: LineSetting, widthPt: number) {
  const lib = getFontLibrary();
  const laid = layoutParagraph(p, { ...setting, lineHeight: (size) => size }, widthPt, lib);
  const measure = wordProcessorMeasure(lib);
  const indentEm = p.runs[0]?.style?.size ?? setting.style.size;
  return {
    laid,
    chars: Array.from(p.runs.map((r) => r.text).join('')),
    right: widthPt - (p.indentRight ?? 0) * indentEm,
    editorWidth: (text: string, size: number) =>
      measure(text, { font: setting.style.font, size, bold: setting.style.bold }),
  };
}

const sameChar = (text: string, drawn: string): boolean => text === drawn || (text === '\t' && drawn === ' ');

/** Where each laid line starts in the text (code point index), and whether a "\n" of the text breaks there already. */
function lineStarts(
  chars: readonly string[],
  lines: readonly LaidLine[],
): ({ at: number; afterNewline: boolean } | undefined)[] {
  const starts: ({ at: number; afterNewline: boolean } | undefined)[] = [];
  let at = 0;
  for (const line of lines) {
    let start: { at: number; afterNewline: boolean } | undefined;
    line.glyphs.forEach((g, i) => {
      const from = at;
      while (at < chars.length && !sameChar(chars[at]!, g.item.ch)) at++;
      if (i === 0) start = { at, afterNewline: starts.length === 0 || chars.slice(from, at).includes('\n') };
      at++;
    });
    starts.push(start);
  }
  return starts;
}

/** Code point indices where a laid line starts that no "\n" of the text starts already. */
function newLineStarts(chars: readonly string[], lines: readonly LaidLine[]): Set<number> {
  const out = new Set<number>();
  for (const start of lineStarts(chars, lines)) if (start && !start.afterNewline) out.add(start.at);
  return out;
}

function insertBreaks(runs: readonly Run[], starts: ReadonlySet<number>): Run[] {
  let at = 0;
  return runs.map((r) => {
    let text = '';
    for (const ch of r.text) {
      if (starts.has(at)) text += '\n';
      text += ch;
      at++;
    }
    return { ...r, text };
  });
}
