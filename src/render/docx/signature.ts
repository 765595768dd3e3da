/**
 * The signature / seal block: label lines right- (落款) or left-aligned, blanks as
 * underlined ideographic spaces (plus w:ulTrailSpace in settings and a
 * zero-width anchor, since Word and LibreOffice otherwise drop the underline of
 * spaces at a line end), the seal space as one empty paragraph of that exact
 * height. Every paragraph keeps with the next so the block stays on one page.
 */
import { LineRuleType, Paragraph, TextRun } from 'docx';
import type { SignatureBlock } from '../../document/model.js';
import { ALIGNMENT } from './paragraphs.js';
import { runProps, textRuns, type ResolvedStyle } from './runs.js';
import { charsToTwips, mmToTwips, ptToTwips } from './units.js';

const IDEOGRAPHIC_SPACE = '\u3000';
/** Zero-width space after the blank: the underlined spaces are then not trailing whitespace, which LibreOffice hides. */
const ANCHOR = '\u200b';

export function signature(
  s: SignatureBlock,
  style: ResolvedStyle,
  lineHeight: number,
  pageBreakBefore: boolean,
): Paragraph[] {
  const align = s.align ?? 'right';
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
        alignment: ALIGNMENT[align],
        // GB/T 9704 落款 sits a little in from the right margin.
        ...(align === 'right' ? { indent: { right: charsToTwips(2, style.size) } } : {}),
        spacing: { line: ptToTwips(Math.max(lineHeight, style.size * 1.25)), lineRule: LineRuleType.EXACT },
        keepLines: true,
        ...(last ? {} : { keepNext: true }),
        ...(pageBreakBefore && out.length === 0 ? { pageBreakBefore: true } : {}),
        children,
      }),
    );
  });
  return out;
}
