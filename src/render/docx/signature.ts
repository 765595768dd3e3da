/**
 * The signature / seal block: lines placed as in the PDF (signature-layout.ts), blanks as
 * underlined ideographic spaces (plus w:ulTrailSpace in settings and a
 * zero-width anchor, since Word and LibreOffice otherwise drop the underline of
 * spaces at a line end), the seal space as one empty paragraph of that exact
 * height. Every paragraph keeps with the next so the block stays on one page.
 */
import { AlignmentType, LineRuleType, Paragraph, TextRun } from 'docx';
import type { SignatureBlock } from '../../document/model.js';
import { displayWidth } from '../../text/display-width.js';
import { signatureLabel, signatureLineOffsets } from '../../document/signature-layout.js';
import { runProps, textRuns, type ResolvedStyle } from './runs.js';
import { charsToTwips, mmToTwips, ptToTwips } from './units.js';

const IDEOGRAPHIC_SPACE = '\u3000';
/** Zero-width space after the blank: the underlined spaces are then not trailing whitespace, which LibreOffice hides. */
const ANCHOR = '\u200b';

/** Width of a text in characters of its size (ideographs 1, Latin and digits ½), as Word sets it. */
function chars(text: string): number {
  return displayWidth(text) / 2;
}

export function signature(
  s: SignatureBlock,
  style: ResolvedStyle,
  lineHeight: number,
  pageBreakBefore: boolean,
  textWidthTwips: number,
  keepNextAfter = false,
): Paragraph[] {
  const out: Paragraph[] = [];
  if (s.sealSpace && s.sealSpace > 0) {
    out.push(
      new Paragraph({
        keepNext: true,
        keepLines: true,
        ...(pageBreakBefore ? { pageBreakBefore: true } : {}),
        spacing: { line: mmToTwips(s.sealSpace), lineRule: LineRuleType.EXACT },
        children: [],
      }),
    );
  }
  // The same placement as the PDF (colons aligned, or the unit centred over a date four characters in),
  // as left indents in characters of the block's size.
  const em = charsToTwips(1, style.size);
  const measured = s.lines.map((line) => {
    const label = signatureLabel(line.text);
    return { width: (chars(line.text) + (line.blank ?? 0)) * em, label: label === null ? null : chars(label) * em };
  });
  const offsets = signatureLineOffsets(s, measured, textWidthTwips, em);
  s.lines.forEach((line, i) => {
    const last = i === s.lines.length - 1;
    const children = [...textRuns({ text: line.text }, style)];
    if (line.blank && line.blank > 0) {
      children.push(
        new TextRun({
          ...runProps({ ...style, underline: true }),
          text: IDEOGRAPHIC_SPACE.repeat(line.blank) + ANCHOR,
        }),
      );
    }
    out.push(
      new Paragraph({
        alignment: AlignmentType.LEFT,
        indent: { left: Math.round(offsets[i]!) },
        spacing: { line: ptToTwips(Math.max(lineHeight, style.size * 1.25)), lineRule: LineRuleType.EXACT },
        keepLines: true,
        ...(last && !keepNextAfter ? {} : { keepNext: true }),
        ...(pageBreakBefore && out.length === 0 ? { pageBreakBefore: true } : {}),
        autoSpaceEastAsianText: false,
        children,
      }),
    );
  });
  return out;
}
