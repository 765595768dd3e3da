/**
 * Model runs → docx TextRuns: the role's fonts in every slot, sizes in
 * half-points, underline for filled-in blanks, "\n" as a line break (w:br),
 * unbreakable spans glued.
 */
import { TextRun, UnderlineType } from 'docx';
import type { FontRole, Run, TextStyle } from '../../document/model.js';
import { WORD_FONTS, wordFont } from './fonts.js';
import { GLUED_LANGUAGE, linePieces } from './no-break.js';
import { ptToHalfPoints } from './units.js';

/** A text style with every field decided. */
export interface ResolvedStyle {
  readonly font: FontRole;
  readonly size: number;
  readonly bold: boolean;
  readonly underline: boolean;
}

/** The run's own style over the context default (base, heading level or table style). */
export function resolveStyle(base: ResolvedStyle, style?: TextStyle): ResolvedStyle {
  if (!style) return base;
  const font = style.font ?? base.font;
  return {
    font,
    size: style.size ?? base.size,
    // The title role is bold by itself unless the run says otherwise.
    bold: style.bold ?? (style.font !== undefined && WORD_FONTS[font].bold ? true : base.bold),
    underline: style.underline ?? base.underline,
  };
}

export function styleOfRole(font: FontRole, size: number, bold?: boolean): ResolvedStyle {
  return { font, size, bold: bold ?? WORD_FONTS[font].bold, underline: false };
}

/** docx run options of a resolved style. */
export function runProps(style: ResolvedStyle): {
  font: ReturnType<typeof wordFont>;
  size: number;
  bold?: boolean;
  underline?: { type: (typeof UnderlineType)['SINGLE'] };
} {
  return {
    font: wordFont(style.font),
    size: ptToHalfPoints(style.size),
    ...(style.bold ? { bold: true } : {}),
    ...(style.underline ? { underline: { type: UnderlineType.SINGLE } } : {}),
  };
}

/**
 * One model run as TextRuns; each "\n" becomes a w:br before the next line.
 * Unbreakable runs, dates and numbers with their unit are glued (no-break.ts).
 */
export function textRuns(run: Run, base: ResolvedStyle): TextRun[] {
  const props = runProps(resolveStyle(base, run.style));
  return run.text.split('\n').flatMap((line, i) =>
    linePieces(line, run.noBreak ?? false).map(
      (piece, k) =>
        new TextRun({
          ...props,
          text: piece.text,
          ...(piece.glued ? { language: { eastAsia: GLUED_LANGUAGE } } : {}),
          ...(i > 0 && k === 0 ? { break: 1 } : {}),
        }),
    ),
  );
}

/** The size that sets a paragraph's character unit (its first run, as Word measures 字符 by the paragraph font). */
export function paragraphSize(runs: readonly Run[], base: ResolvedStyle): number {
  return runs[0]?.style?.size ?? base.size;
}
