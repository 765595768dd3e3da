/**
 * Fills lines: given code points with widths and break opportunities, choose
 * where each line ends. Pure (no fonts), so the rules are easy to test.
 *
 * Per line: take what fits naturally; if the next character may not start a
 * line, first try squeezing (full-width punctuation gives up half an em) to pull
 * it up, else push the previous break's characters down; a line with no
 * opportunity at all (a word longer than the line) splits by characters.
 * Finally the last line is not left with a single orphan character when the
 * previous line can give one up.
 */
import { NO_END, NO_START, emergencyBreakAllowed, isSpace } from './line-break-rules.js';

export interface BreakInput {
  readonly chars: readonly string[];
  /** Natural advance of each code point, pt. */
  readonly widths: readonly number[];
  /** How much each code point may shrink when squeezed, pt. */
  readonly shrink: readonly number[];
  /** allowed[i]: a line may start at i. */
  readonly allowed: readonly boolean[];
}

export interface LineSpan {
  readonly start: number;
  /** Exclusive; includes trailing spaces. */
  readonly end: number;
  /** Exclusive end without trailing spaces: what is drawn and measured. */
  readonly contentEnd: number;
}

const EPS = 1e-6;

/** Width of [start, end) without trailing spaces, and its shrinkable part. */
export function measure(
  inp: BreakInput,
  start: number,
  end: number,
): { width: number; shrink: number; contentEnd: number } {
  let e = end;
  while (e > start && isSpace(inp.chars[e - 1]!)) e--;
  let width = 0;
  let shrink = 0;
  for (let i = start; i < e; i++) {
    width += inp.widths[i]!;
    shrink += inp.shrink[i]!;
  }
  return { width, shrink, contentEnd: e };
}

/**
 * Breaks one segment (no forced breaks inside) into lines; `widthOf(k)` is the
 * measure of line k (the first line may be indented).
 */
export function breakLines(inp: BreakInput, widthOf: (line: number) => number): LineSpan[] {
  const n = inp.chars.length;
  const lines: LineSpan[] = [];
  let start = 0;
  while (start < n) {
    const W = widthOf(lines.length);
    // Natural fill; spaces may hang past the edge (they are not drawn at line end).
    let x = 0;
    let q = start;
    while (q < n && (isSpace(inp.chars[q]!) || x + inp.widths[q]! <= W + EPS)) {
      x += inp.widths[q]!;
      q++;
    }
    if (q >= n) {
      lines.push(span(inp, start, n));
      break;
    }
    if (q === start) q = start + 1;
    let end = -1;
    if (inp.allowed[q]) {
      end = q;
    } else {
      // Squeeze: the nearest opportunity after q, if punctuation compression lets it fit.
      let p = q + 1;
      while (p < n && !inp.allowed[p]) p++;
      const m = measure(inp, start, p);
      if (m.width - m.shrink <= W + EPS) end = p;
    }
    if (end < 0) {
      // Push down: the last opportunity before q.
      for (let b = q - 1; b > start; b--) {
        if (inp.allowed[b]) {
          end = b;
          break;
        }
      }
    }
    if (end < 0) {
      // No opportunity on the whole line: split a long word by characters, keeping punctuation rules where possible.
      end = q;
      for (let b = q; b > start + 1 && !emergencyBreakAllowed(inp.chars, b); b--) end = b - 1;
      if (!emergencyBreakAllowed(inp.chars, end)) end = q;
    }
    lines.push(span(inp, start, end));
    start = end;
  }
  avoidOrphan(inp, lines, widthOf);
  return lines;
}

function span(inp: BreakInput, start: number, end: number): LineSpan {
  return { start, end, contentEnd: measure(inp, start, end).contentEnd };
}

/** Code points of a line that count as characters (not spaces, not punctuation). */
function letters(inp: BreakInput, l: LineSpan): number {
  let count = 0;
  for (let i = l.start; i < l.contentEnd; i++) {
    const c = inp.chars[i]!;
    if (!isSpace(c) && !NO_START.has(c) && !NO_END.has(c)) count++;
  }
  return count;
}

function avoidOrphan(inp: BreakInput, lines: LineSpan[], widthOf: (line: number) => number): void {
  const k = lines.length - 1;
  if (k < 1) return;
  const last = lines[k]!;
  const prev = lines[k - 1]!;
  if (letters(inp, last) !== 1) return;
  for (let b = prev.end - 1; b > prev.start + 1; b--) {
    if (!inp.allowed[b]) continue;
    const m = measure(inp, b, last.end);
    if (m.width - m.shrink > widthOf(k) + EPS) return;
    const rest = span(inp, prev.start, b);
    if (letters(inp, rest) < 2) return;
    lines[k - 1] = rest;
    lines[k] = span(inp, b, last.end);
    return;
  }
}
