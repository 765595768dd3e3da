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

/** Sentence-final marks: a text ending in one of these is a finished sentence. */
const SENTENCE_END = /[。！？…；]$/u;

/** The value as a sentence: "无" when empty, and a full stop when it has no final mark ("业绩成果：无。"). */
export function asSentence(value: string | null | undefined): string {
  const text = orNone(value);
  return SENTENCE_END.test(text) ? text : `${text}。`;
}

/**
 * Runs of `text` where every occurrence of a token (a name, an ID number) is
 * an unbreakable span: lines break around it, not inside.
 */
export function unbreakableRuns(text: string, tokens: readonly string[], style?: TextStyle): Run[] {
  const wanted = [...new Set(tokens.map((t) => t.trim()).filter((t) => Array.from(t).length > 1))];
  if (wanted.length === 0) return [run(text, style)];
  const escaped = wanted.sort((a, b) => b.length - a.length).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const out: Run[] = [];
  let at = 0;
  for (const m of text.matchAll(new RegExp(escaped.join('|'), 'gu'))) {
    if (m.index > at) out.push(run(text.slice(at, m.index), style));
    out.push({ ...run(m[0], style), noBreak: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push(run(text.slice(at), style));
  return out;
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
