/**
 * A balanced title (the document title, or any paragraph marked `balanced`)
 * breaks in the DOCX where it breaks in the PDF: the PDF's own layout engine
 * lays it out at the same width, size and font, breaking between words into
 * lines of about equal length, and each line end becomes an explicit line
 * break (w:br). Word, WPS and LibreOffice then print the PDF's lines instead of
 * filling the first line and breaking inside a word ("…免除继续 / 教育…").
 * Ideographs are one em wide in every Chinese face, so lines chosen with the
 * service's fonts fit the editor's own.
 */
import type { Paragraph, Run } from '../../document/model.js';
import { getFontLibrary } from '../../fonts/library.js';
import { layoutParagraph, type LaidLine, type ResolvedStyle } from '../pdf/text-layout.js';

/** How the title is set: its default style, alignment and first-line indent, as the PDF sets it. */
export interface TitleSetting {
  readonly style: ResolvedStyle;
  readonly align: 'center' | 'justify';
  readonly firstLineIndent: number;
}

/** The paragraph with "\n" where the PDF's balanced layout ends each line, for a type area `widthPt` wide. */
export function withBalancedLines<P extends Paragraph>(p: P, setting: TitleSetting, widthPt: number): P {
  const laid = layoutParagraph(
    { ...p, balanced: true },
    { ...setting, lineHeight: (size) => size },
    widthPt,
    getFontLibrary(),
  );
  const chars = Array.from(p.runs.map((r) => r.text).join(''));
  const breaks = lineStarts(chars, laid.lines);
  return breaks.size === 0 ? p : { ...p, runs: insertBreaks(p.runs, breaks) };
}

const sameChar = (text: string, drawn: string): boolean => text === drawn || (text === '\t' && drawn === ' ');

/** Code point indices where a laid line starts that no "\n" of the text starts already. */
function lineStarts(chars: readonly string[], lines: readonly LaidLine[]): Set<number> {
  const starts = new Set<number>();
  let at = 0;
  lines.forEach((line, k) => {
    line.glyphs.forEach((g, i) => {
      const from = at;
      while (at < chars.length && !sameChar(chars[at]!, g.item.ch)) at++;
      if (i === 0 && k > 0 && !chars.slice(from, at).includes('\n')) starts.add(at);
      at++;
    });
  });
  return starts;
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
