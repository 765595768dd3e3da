/**
 * Where a line may break: UAX #14 opportunities (the `linebreak` package),
 * tightened with the Chinese rules of GB/T 15834-2011 §5.1 and W3C clreq
 * (docs/domain.md): no line starts with a closing mark, none ends with an opening
 * one, —— and …… stay whole, a number stays with its unit.
 */
import LineBreaker from 'linebreak';

/** Never at the start of a line. */
export const NO_START = new Set(Array.from('，。、；：？！）》」』】〕〉”’…—·,.;:?!)]}％%～'));
/** Never at the end of a line. */
export const NO_END = new Set(Array.from('（《「『【〔〈“‘([{'));

/** Full-width marks whose glyph is half blank: they may be squeezed by half an em. */
export const SQUEEZABLE = new Set(Array.from('，。、；：）》」』】〕〉”’（《「『【〔〈“‘'));
/** Of those, the ones whose blank is on the left (opening marks). */
export const OPENING = new Set(Array.from('（《「『【〔〈“‘'));

const OPENING_QUOTES = new Set(['“', '‘']);
const CLOSING_QUOTES = new Set(['”', '’']);

function isDigit(ch: string): boolean {
  return (ch >= '0' && ch <= '9') || (ch >= '０' && ch <= '９');
}

export function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\u3000' || ch === '\t' || ch === '\u00a0';
}

/** Ideographs (incl. extensions), kana and Hangul: characters set solid on an em grid. */
export function isIdeographic(cp: number): boolean {
  return (
    (cp >= 0x2e80 && cp <= 0x9fff) ||
    (cp >= 0xac00 && cp <= 0xd7af) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xff00 && cp <= 0xffef) ||
    (cp >= 0x20000 && cp <= 0x3ffff)
  );
}

/**
 * Characters of Latin words, numbers and dash/ellipsis pairs: a gap between two
 * of them is never stretched when justifying (Latin justifies at spaces).
 */
export function isWordChar(ch: string): boolean {
  return !isSpace(ch) && !isIdeographic(ch.codePointAt(0)!);
}

/** Units kept with a preceding number even when they are two characters long. */
const UNIT_WORDS = /\d+(?:课时|学时|小时|个月|周岁|万元|平方米|公里|千米|年度)/gu;
/**
 * A number and the character after it (411卷, 第3项, 1.2万): the breaker never parts them (see the digit
 * rule in breakOpportunities), and an editor setting Chinese would ("完成档案411 / 卷。").
 */
const NUMBER_AND_UNIT = /\d+(?:\.\d+)*\p{Script=Han}/gu;
/** A date in Chinese notation, kept whole where the line allows. */
const DATES = /\d{4}年\d{1,2}月(?:\d{1,2}日)?/gu;
/**
 * A code of letters and digits joined by hyphens or slashes (成果编号
 * BZ-2024-1005, 30/60): Unicode line breaking keeps it whole, LibreOffice
 * breaks Chinese text after its hyphens. Decimal numbers (99.6) are not codes:
 * every editor keeps them whole, and they stay free of word joiners.
 */
const CODES = /(?=[A-Za-z0-9.]*[-/])[A-Za-z0-9]+(?:[-/.][A-Za-z0-9]+)+/gu;

/**
 * `allowed[i]` says whether a line may start at code point i (break between
 * i-1 and i); allowed[0] is false. `chars` are code points (Array.from), with
 * no "\n": forced breaks are split off before.
 */
export function breakOpportunities(chars: readonly string[]): boolean[] {
  const n = chars.length;
  const allowed = new Array<boolean>(n).fill(false);
  if (n < 2) return allowed;
  const text = chars.join('');
  // UTF-16 offset → code point index.
  const cpIndex = new Int32Array(text.length + 1).fill(-1);
  let off = 0;
  for (let i = 0; i < n; i++) {
    cpIndex[off] = i;
    off += chars[i]!.length;
  }
  const breaker = new LineBreaker(text);
  for (let br = breaker.nextBreak(); br; br = breaker.nextBreak()) {
    const i = cpIndex[br.position] ?? -1;
    if (i > 0 && i < n) allowed[i] = true;
  }
  // UAX #14 treats “ ” ‘ ’ as ambiguous quotes (never broken around); in Chinese they open and close like brackets.
  for (let i = 1; i < n; i++) {
    const prev = chars[i - 1]!;
    const cur = chars[i]!;
    const cjkBefore = isIdeographic(prev.codePointAt(0)!) || CLOSING_QUOTES.has(prev) || NO_START.has(prev);
    const cjkAfter = isIdeographic(cur.codePointAt(0)!) || NO_END.has(cur);
    if ((OPENING_QUOTES.has(cur) && cjkBefore) || (CLOSING_QUOTES.has(prev) && cjkAfter)) allowed[i] = true;
  }
  for (let i = 1; i < n; i++) {
    if (!allowed[i]) continue;
    const prev = chars[i - 1]!;
    const cur = chars[i]!;
    if (!isSpace(prev) && NO_START.has(cur)) allowed[i] = false;
    else if (NO_END.has(prev)) allowed[i] = false;
    else if ((prev === '—' && cur === '—') || (prev === '…' && cur === '…')) allowed[i] = false;
    else if (isDigit(prev) && (isIdeographic(cur.codePointAt(0)!) || cur === '%' || cur === '％')) allowed[i] = false;
  }
  // Space-separated closing marks: the space may break, the mark must not start a line.
  for (let i = 1; i < n; i++) if (NO_START.has(chars[i]!)) allowed[i] = false;
  protect(text, chars, allowed);
  return allowed;
}

/**
 * Stretches of text kept whole wherever they print (a date, a number with its
 * unit word, a code), as UTF-16 [start, end) offsets: the PDF breaker removes
 * the opportunities inside them; the DOCX renderer glues them (editorKeptRanges)
 * for Word and LibreOffice. In text order; ranges may overlap.
 */
function keptWholeRanges(text: string): [number, number][] {
  return rangesOf(text, [UNIT_WORDS, DATES, CODES]);
}

/**
 * keptWholeRanges and every number with the character after it: what an editor must be told to keep whole
 * (the DOCX glues these). The PDF's breaker needs no range for the latter: its digit rule forbids that break.
 */
export function editorKeptRanges(text: string): [number, number][] {
  return rangesOf(text, [UNIT_WORDS, DATES, CODES, NUMBER_AND_UNIT]);
}

function rangesOf(text: string, patterns: readonly RegExp[]): [number, number][] {
  if (!/\d/.test(text)) return [];
  const out: [number, number][] = [];
  for (const re of patterns) for (const m of text.matchAll(re)) out.push([m.index, m.index + m[0].length]);
  return out.sort((a, b) => a[0] - b[0]);
}

/** Removes break opportunities inside every kept-whole range. */
function protect(text: string, chars: readonly string[], allowed: boolean[]): void {
  const ranges = keptWholeRanges(text);
  if (ranges.length === 0) return;
  // Code point index of each UTF-16 offset where a code point starts.
  let cp = 0;
  const starts: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    starts.push(cp);
    cp += chars[i]!.length;
  }
  for (const [start, stop] of ranges) {
    const from = starts.indexOf(start);
    const to = starts.indexOf(stop);
    const end = to === -1 ? chars.length : to;
    for (let i = from + 1; i < end; i++) allowed[i] = false;
  }
}

/**
 * The weaker rule set used only when a line has no opportunity at all (a word
 * longer than the line): any boundary that keeps the punctuation rules.
 */
export function emergencyBreakAllowed(chars: readonly string[], i: number): boolean {
  const prev = chars[i - 1];
  const cur = chars[i];
  if (prev === undefined || cur === undefined) return false;
  return !isSpace(cur) && !NO_START.has(cur) && !NO_END.has(prev);
}
