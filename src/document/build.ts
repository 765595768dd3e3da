/**
 * Small helpers for forms that build documents. They only make plain model
 * objects; nothing here lays out or formats for a renderer.
 */
import type { Align, Paragraph, ParagraphBlock, Run, TableCell, TextStyle } from './model.js';

/** The notice forbids blank fields: an empty value prints as "无". */
export const NONE = '无';

/** The value, or "无" when it is empty, blank or missing. */
export function orNone(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return NONE;
  const text = String(value).trim();
  return text === '' ? NONE : text;
}

export function run(text: string, style?: TextStyle): Run {
  return style ? { text, style } : { text };
}

export function para(content: string | readonly Run[], opts: Omit<Paragraph, 'runs'> = {}): Paragraph {
  const runs = typeof content === 'string' ? [run(content)] : content;
  return { ...opts, runs };
}

export function paragraphBlock(content: string | readonly Run[], opts: Omit<Paragraph, 'runs'> = {}): ParagraphBlock {
  return { type: 'paragraph', ...para(content, opts) };
}

/** A table cell holding one paragraph of text (or several, split on blank lines). */
export function cell(
  content: string | readonly Run[] | readonly Paragraph[],
  opts: Omit<TableCell, 'paragraphs'> & { align?: Align; style?: TextStyle } = {},
): TableCell {
  const { align, style, ...cellOpts } = opts;
  let paragraphs: readonly Paragraph[];
  if (typeof content === 'string') {
    paragraphs = content.split(/\n{2,}/).map((text) => para([run(text, style)], align ? { align } : {}));
  } else if (content.length > 0 && 'runs' in (content[0] as object)) {
    paragraphs = content as readonly Paragraph[];
  } else {
    paragraphs = [para(content as readonly Run[], align ? { align } : {})];
  }
  return { ...cellOpts, paragraphs };
}

/** A label cell ("姓名", "性别"…): shaded and centred. */
export function labelCell(text: string, opts: Omit<TableCell, 'paragraphs' | 'label'> = {}): TableCell {
  return { ...opts, label: true, paragraphs: [para(text, { align: 'center' })] };
}

/** An empty cell: only for signature, seal and photo spaces, which the notice wants handwritten. */
export function emptyCell(opts: Omit<TableCell, 'paragraphs'> = {}): TableCell {
  return { ...opts, paragraphs: [] };
}
