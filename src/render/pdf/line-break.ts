/**
 * Fills lines: given code points with widths and break opportunities, choose
 * where each line ends. Pure (no fonts), so the rules are easy to test.
 *
 * The whole paragraph is weighed at once (minimum raggedness, after Knuth and
 * Plass): every way of breaking it at the allowed opportunities is costed by
 * how far each justified line's characters would be spread (over ~0.15 em per
 * gap costs steeply), how much full-width punctuation must be squeezed, and a
 * single orphan character on the last line; the cheapest set of breaks wins.
 * The GB/T 15834 rules are constraints (only allowed opportunities are
 * candidates); a line with no opportunity at all (a word longer than the line)
 * falls back to the weaker rules, then splits by characters, so nothing
 * overflows. Balanced mode (titles) also costs the last line, so the lines
 * come out about equally long.
 */
import { NO_END, NO_START, emergencyBreakAllowed, isSpace, isWordChar } from './line-break-rules.js';

export interface BreakInput {
  readonly chars: readonly string[];
  /** Natural advance of each code point, pt. */
  readonly widths: readonly number[];
  /** How much each code point may shrink when squeezed, pt. */
  readonly shrink: readonly number[];
  /** allowed[i]: a line may start at i. */
  readonly allowed: readonly boolean[];
  /** The type size, pt (spread is judged in ems); default the widest character. */
  readonly em?: number;
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

export interface BreakOptions {
  /** Lines about equally long, the last one included (centred titles). */
  readonly balanced?: boolean;
  /** Opportunities to fall back to where `allowed` leaves a line none (titles: any rule-allowed break). */
  readonly fallback?: readonly boolean[];
  /**
   * Lines are not justified (left-aligned or centred: labels, table cells): a short line costs only a
   * little, so a character alone on the last line ("政治面 / 貌") costs more than a shorter first line.
   */
  readonly ragged?: boolean;
}

/** A justified line whose characters spread this far (em per gap) starts to cost steeply. */
export const MAX_SPREAD_EM = 0.15;
const ORPHAN = 20_000;
const FALLBACK = 5_000;
const EMERGENCY = 50_000;
const PER_LINE = 100_000;

/**
 * Breaks one segment (no forced breaks inside) into lines; `widthOf(k)` is the
 * measure of line k (the first line may be indented; lines after it share one measure).
 */
export function breakLines(inp: BreakInput, widthOf: (line: number) => number, opts: BreakOptions = {}): LineSpan[] {
  const n = inp.chars.length;
  if (n === 0) return [];
  const em = inp.em ?? Math.max(...inp.widths, EPS);
  const { widths, allowed } = inp;
  const { space, letter, gap } = charClasses(inp.chars);
  // cost[i]: cheapest breaking of [0, i) that ends a line at i; from[i]: where that line started.
  const cost = new Float64Array(n + 1).fill(Number.POSITIVE_INFINITY);
  const from = new Int32Array(n + 1).fill(-1);
  cost[0] = 0;
  for (let a = 0; a < n; a++) {
    const base = cost[a]!;
    if (base === Number.POSITIVE_INFINITY) continue;
    const W = widthOf(a === 0 ? 0 : 1);
    let found = false;
    let fallbackEnds: number[] | undefined;
    // Scan forward while the line, squeezed, still fits.
    let width = 0;
    let shrink = 0;
    let gaps = 0;
    let trailing = 0;
    let letters = 0;
    for (let b = a + 1; b <= n; b++) {
      const i = b - 1;
      if (space[i]) {
        trailing += widths[i]!;
      } else {
        width += trailing + widths[i]!;
        trailing = 0;
        letters += letter[i]!;
      }
      shrink += inp.shrink[i]!;
      if (i > a) gaps += gap[i]!;
      if (width - shrink > W + EPS) break;
      const last = b === n;
      if (!last && !allowed[b]) {
        if (opts.fallback?.[b]) {
          fallbackEnds ??= [];
          fallbackEnds.push(b);
        }
        continue;
      }
      found = true;
      let c = PER_LINE;
      if (width > W + EPS) {
        const ratio = (width - W) / Math.max(shrink, EPS);
        c += 1 + 50 * ratio * ratio;
      } else if (!last || opts.balanced) {
        const slack = W - width;
        if (opts.balanced) c += 1000 * (slack / W) ** 2;
        else if (opts.ragged) c += 1 + 100 * (slack / W) ** 2;
        else c += 1 + 100 * (slack / Math.max(gaps, 1) / em / MAX_SPREAD_EM) ** 3;
      }
      if (last && a > 0 && letters === 1) c += ORPHAN;
      relax(cost, from, a, b, base + c);
    }
    if (found) continue;
    if (fallbackEnds) {
      for (const b of fallbackEnds)
        relax(cost, from, a, b, base + (PER_LINE + FALLBACK + (W - measure(inp, a, b).width)));
      continue;
    }
    relax(cost, from, a, emergencyEnd(inp, a, W), base + (PER_LINE + EMERGENCY));
  }
  const lines: LineSpan[] = [];
  for (let b = n; b > 0; b = from[b]!) lines.push(span(inp, from[b]!, b));
  return lines.reverse();
}

/** Keeps a line from `a` to `b` costing `total` in all if it is the cheapest way found to end a line at `b`. */
function relax(cost: Float64Array, from: Int32Array, a: number, b: number, total: number): void {
  if (total < cost[b]!) {
    cost[b] = total;
    from[b] = a;
  }
}

/**
 * What the line scan asks of each character, worked out once per paragraph
 * rather than once per candidate line (each character is in some 30–40 of them):
 * a space; a character that counts as a letter for the orphan rule (not a mark
 * kept off a line's start or end); a gap before it that justification may stretch
 * (not between two characters of one Latin word or number).
 */
function charClasses(chars: readonly string[]): { space: Uint8Array; letter: Uint8Array; gap: Uint8Array } {
  const n = chars.length;
  const space = new Uint8Array(n);
  const letter = new Uint8Array(n);
  const gap = new Uint8Array(n);
  let prevWord = false;
  for (let i = 0; i < n; i++) {
    const ch = chars[i]!;
    space[i] = isSpace(ch) ? 1 : 0;
    letter[i] = !NO_START.has(ch) && !NO_END.has(ch) ? 1 : 0;
    const word = isWordChar(ch);
    gap[i] = i > 0 && prevWord && word ? 0 : 1;
    prevWord = word;
  }
  return { space, letter, gap };
}

/** Where a line with no opportunity ends: as far as fits, at a boundary that keeps the punctuation rules if any. */
function emergencyEnd(inp: BreakInput, start: number, W: number): number {
  const n = inp.chars.length;
  let x = 0;
  let q = start;
  while (q < n && (isSpace(inp.chars[q]!) || x + inp.widths[q]! <= W + EPS)) {
    x += inp.widths[q]!;
    q++;
  }
  if (q >= n) return n;
  if (q === start) return start + 1;
  let end = q;
  for (let b = q; b > start + 1 && !emergencyBreakAllowed(inp.chars, b); b--) end = b - 1;
  return emergencyBreakAllowed(inp.chars, end) ? end : q;
}

function span(inp: BreakInput, start: number, end: number): LineSpan {
  return { start, end, contentEnd: measure(inp, start, end).contentEnd };
}
