/**
 * Where each line of a signature block starts, for every renderer (the PDF
 * measures glyphs, the DOCX estimates from character widths):
 * - a unit's 落款 (`dated`, GB/T 9704 §7.3.5): the date right-aligned four
 *   characters in from the right margin, the unit name centred over the date
 *   (moved left when centring would bring it closer than two characters to the margin);
 * - signature lines ("签字：____", "日期：…") aligned on their colons, lines without
 *   a colon (a bare date) flush with the block's right edge, the block two
 *   characters in from the right margin.
 */
import type { Block, SignatureBlock } from './model.js';

export interface MeasuredSignatureLine {
  /** Width of the whole line. */
  readonly width: number;
  /** Width up to and including the first colon "：", or null when the line has none. */
  readonly label: number | null;
}

/** The label part of a signature line: up to and including its first full-width colon, or null. */
export function signatureLabel(text: string): string | null {
  const at = text.indexOf('：');
  return at < 0 ? null : text.slice(0, at + 1);
}

/** Left edge of each line, in the unit of the widths, from the type area's left edge. */
export function signatureLineOffsets(
  block: Pick<SignatureBlock, 'align' | 'dated'>,
  lines: readonly MeasuredSignatureLine[],
  areaWidth: number,
  em: number,
): number[] {
  const right = (block.align ?? 'right') === 'right';
  const lastEdge = areaWidth - 2 * em;
  const date = lines[lines.length - 1];
  if (block.dated && date && right) {
    const dateX = Math.max(0, areaWidth - 4 * em - date.width);
    const centre = dateX + date.width / 2;
    return lines.map((line, i) => {
      if (i === lines.length - 1) return dateX;
      const x = Math.min(centre - line.width / 2, lastEdge - line.width);
      return Math.max(0, x);
    });
  }
  const colon = lines.filter((l) => l.label !== null);
  const labelW = Math.max(0, ...colon.map((l) => l.label!));
  const valueW = Math.max(0, ...colon.map((l) => l.width - l.label!));
  const plainW = Math.max(0, ...lines.filter((l) => l.label === null).map((l) => l.width));
  const blockW = Math.max(labelW + valueW, plainW);
  const blockX = right ? Math.max(0, lastEdge - blockW) : 0;
  return lines.map((line) => {
    if (line.label !== null) return blockX + labelW - line.label;
    return right ? blockX + blockW - line.width : blockX;
  });
}

/**
 * A 落款 never stands alone at the top of a page: the block before a signature
 * block (a paragraph, a table that fits on a page such as the pledge's box, a
 * spacer, another signature block; spacers skipped) keeps with it. Both
 * renderers ask this.
 */
export function keepsWithSignature(blocks: readonly Block[], i: number): boolean {
  const type = blocks[i]?.type;
  if (type !== 'paragraph' && type !== 'table' && type !== 'spacer' && type !== 'signature') return false;
  let j = i + 1;
  while (blocks[j]?.type === 'spacer') j++;
  return blocks[j]?.type === 'signature';
}
