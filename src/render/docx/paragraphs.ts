/**
 * Model paragraphs and headings → docx Paragraphs: alignment, indents in both
 * character units (Word, WPS) and twips (LibreOffice ignores *Chars), spacing,
 * exact line pitch and keep-with-next.
 */
import { AlignmentType, LineRuleType, Paragraph } from 'docx';
import type { Align, HeadingBlock, Paragraph as ModelParagraph } from '../../document/model.js';
import { HEADING_STYLES } from '../../document/model.js';
import { paragraphSize, styleOfRole, textRuns, type ResolvedStyle } from './runs.js';
import { charsToTwips, ptToTwips } from './units.js';

export const ALIGNMENT = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  // Word's "both": justified, last line not stretched; with zh-CN text Word spaces between characters.
  justify: AlignmentType.BOTH,
} as const satisfies Record<Align, unknown>;

export interface ParagraphContext {
  /** Default run style where the runs do not set one. */
  readonly style: ResolvedStyle;
  readonly align: Align;
  /** Exact line pitch in pt, or undefined for single spacing (table cells, images). */
  readonly lineHeight: number | undefined;
  /** Set on the first paragraph after a page break block. */
  readonly pageBreakBefore?: boolean;
  /** Headings: Word's outline level (navigation pane, table of contents); 0 is Word's "Level 1". */
  readonly outlineLevel?: number;
}

export function paragraph(p: ModelParagraph, ctx: ParagraphContext): Paragraph {
  const size = paragraphSize(p.runs, ctx.style);
  const lineHeight = p.lineHeight ?? ctx.lineHeight;
  const indent: { firstLine?: number; firstLineChars?: number; hanging?: number; left?: number; right?: number } = {};
  if (p.firstLineIndent && p.firstLineIndent > 0) {
    indent.firstLineChars = Math.round(p.firstLineIndent * 100);
    indent.firstLine = charsToTwips(p.firstLineIndent, size);
  } else if (p.firstLineIndent && p.firstLineIndent < 0) {
    // A negative first-line indent is a hanging indent (label, then wrapped lines under the value).
    indent.hanging = charsToTwips(-p.firstLineIndent, size);
  }
  if (p.indentLeft) indent.left = charsToTwips(p.indentLeft, size);
  if (p.indentRight) indent.right = charsToTwips(p.indentRight, size);
  const spacing: { before?: number; after?: number; line?: number; lineRule?: (typeof LineRuleType)['EXACT'] } = {};
  if (p.spaceBefore) spacing.before = ptToTwips(p.spaceBefore);
  if (p.spaceAfter) spacing.after = ptToTwips(p.spaceAfter);
  if (lineHeight !== undefined) {
    // An exact pitch smaller than the type would clip the glyphs in Word.
    spacing.line = ptToTwips(p.lineHeight ?? Math.max(lineHeight, maxSize(p, ctx.style) * 1.25));
    spacing.lineRule = LineRuleType.EXACT;
  }
  return new Paragraph({
    alignment: ALIGNMENT[p.align ?? ctx.align],
    ...(Object.keys(indent).length > 0 ? { indent } : {}),
    ...(Object.keys(spacing).length > 0 ? { spacing } : {}),
    ...(p.keepWithNext ? { keepNext: true } : {}),
    ...(p.keepTogether ? { keepLines: true } : {}),
    ...(ctx.pageBreakBefore ? { pageBreakBefore: true } : {}),
    ...(ctx.outlineLevel !== undefined ? { outlineLevel: ctx.outlineLevel } : {}),
    // No extra space between Chinese and digits (as in the PDF): in narrow table cells it pushed
    // "2019年2月" past the edge and left 月 alone on the next line.
    autoSpaceEastAsianText: false,
    children: p.runs.flatMap((run) => textRuns(run, ctx.style)),
  });
}

function maxSize(p: ModelParagraph, base: ResolvedStyle): number {
  return p.runs.reduce((max, run) => Math.max(max, run.style?.size ?? base.size), base.size);
}

/** A heading takes its level's default style (HEADING_STYLES); the title is centred. */
export function heading(h: HeadingBlock, ctx: Omit<ParagraphContext, 'style' | 'align' | 'outlineLevel'>): Paragraph {
  const def = HEADING_STYLES[h.level];
  return paragraph(
    { ...h, keepWithNext: h.keepWithNext ?? true, keepTogether: true },
    {
      ...ctx,
      style: styleOfRole(def.font, def.size, def.bold),
      align: h.level === 0 ? 'center' : 'justify',
      outlineLevel: h.level,
    },
  );
}
