/**
 * Words Word, WPS and LibreOffice must not break inside, as the PDF keeps them
 * whole: unbreakable runs (a name, an ID number) and the dates and numbers with
 * their unit that the PDF's breaker keeps whole (editorKeptRanges).
 *
 * Such a span is "glued": U+2060 WORD JOINER between every two characters an
 * editor could break between (UAX #14 forbids a break on either side of it;
 * it has no width and draws nothing), and the span's East Asian language set to
 * "zxx" (no linguistic content). The language matters for LibreOffice: for
 * zh-CN text it breaks between any two ideographs with only its 避头尾 lists
 * (BreakIterator_CJK) and ignores the joiner, while for any other language it
 * asks ICU, which honours it. Word and WPS read the joiner the same way
 * (Unicode line breaking); the language only tells them not to spell-check.
 */
import { isIdeographic, editorKeptRanges } from '../pdf/line-break-rules.js';

export const WORD_JOINER = '\u2060';
/** ISO 639-2 "no linguistic content": names, numbers and dates. */
export const GLUED_LANGUAGE = 'zxx';

export interface TextPiece {
  readonly text: string;
  /** Carries word joiners: to be set in GLUED_LANGUAGE. */
  readonly glued: boolean;
}

/** Letters and digits of Latin-like scripts: editors never break between two of them. */
const ALNUM = /^[\p{L}\p{N}]$/u;
const joinsByItself = (a: string, b: string): boolean =>
  ALNUM.test(a) && ALNUM.test(b) && !isIdeographic(a.codePointAt(0)!) && !isIdeographic(b.codePointAt(0)!);

/** The text with a word joiner between every two characters an editor could break between. */
export function glue(text: string): string {
  const chars = Array.from(text);
  let out = chars[0] ?? '';
  for (let i = 1; i < chars.length; i++) {
    if (!joinsByItself(chars[i - 1]!, chars[i]!)) out += WORD_JOINER;
    out += chars[i];
  }
  return out;
}

function piece(text: string, keep: boolean): TextPiece {
  const glued = keep ? glue(text) : text;
  return { text: glued, glued: glued !== text };
}

/**
 * One line of a run (no "\n") as pieces: the whole line glued when the run is
 * unbreakable, else its dates and numbers with units glued and the rest as is.
 */
export function linePieces(text: string, unbreakable: boolean): TextPiece[] {
  if (unbreakable) return [piece(text, true)];
  // Overlapping ranges ("2024年10个月" as a date and as a number with its unit) glue as one.
  const ranges: [number, number][] = [];
  for (const [start, end] of editorKeptRanges(text)) {
    const last = ranges[ranges.length - 1];
    if (last && start < last[1]) last[1] = Math.max(last[1], end);
    else ranges.push([start, end]);
  }
  const out: TextPiece[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) out.push(piece(text.slice(at, start), false));
    out.push(piece(text.slice(start, end), true));
    at = end;
  }
  if (at < text.length || out.length === 0) out.push(piece(text.slice(at), false));
  return out;
}
