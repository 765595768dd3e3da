/**
 * No character alone on a line's end in Word, WPS or LibreOffice, as in the
 * PDF: the last two ideographs before a paragraph's end (and before each line
 * break the DOCX carries) become one unbreakable run, which no-break.ts glues.
 * The PDF's breaker never leaves one character on a last line; an editor
 * filling lines greedily does ("…任何处 / 分。").
 */
import type { Run } from '../../document/model.js';
import { editorKeptRanges, NO_START } from '../pdf/line-break-rules.js';

/** How many ideographs end a paragraph together, besides the marks after them. */
const ENDING_CHARACTERS = 2;
const HAN = /^\p{Script=Han}$/u;

/**
 * The runs with the last two ideographs before each end of a line unbreakable ("…任何处｜分。" →
 * "…任何｜处分。"): the paragraph's end, each "\n", and each break about to be added (code point indices).
 */
export function withEndingKept(
  runs: readonly Run[],
  chars: readonly string[],
  breaks: Iterable<number> = [],
): readonly Run[] {
  const kept: [number, number][] = [];
  chars.forEach((ch, i) => {
    if (ch === '\n') kept.push(...endingOf(chars, i));
  });
  for (const at of breaks) kept.push(...endingOf(chars, at));
  kept.push(...endingOf(chars, chars.length));
  if (kept.length === 0) return runs;
  // An ending inside a date or a number with its unit ("7个月。") takes all of it: the run is cut where the
  // ending starts, and a stretch cut in two is no longer kept whole by either run (no-break.ts).
  const whole = keptWholeCodePoints(chars);
  return unbreakable(
    runs,
    kept.map(([from, to]) =>
      whole.reduce<[number, number]>(
        ([a, b], [start, end]) => (start < b && end > a ? [Math.min(a, start), Math.max(b, end)] : [a, b]),
        [from, to],
      ),
    ),
  );
}

/** editorKeptRanges of the text, in code points. */
function keptWholeCodePoints(chars: readonly string[]): [number, number][] {
  const cpAt = new Map<number, number>();
  let offset = 0;
  chars.forEach((ch, i) => {
    cpAt.set(offset, i);
    offset += ch.length;
  });
  cpAt.set(offset, chars.length);
  return editorKeptRanges(chars.join('')).map(([start, end]) => [cpAt.get(start)!, cpAt.get(end)!]);
}

/**
 * The code point range of the two ideographs before the marks that end a line of text at `end`, if it has
 * them. The marks stay out of the glued run: set in Chinese, an editor still never breaks before them and
 * still squeezes them at a full line's end, which it does not do in a glued run's language.
 */
function endingOf(chars: readonly string[], end: number): [number, number][] {
  let to = end;
  while (to > 0 && NO_START.has(chars[to - 1]!)) to--;
  const from = to - ENDING_CHARACTERS;
  if (from < 0) return [];
  for (let i = from; i < to; i++) if (!HAN.test(chars[i]!)) return [];
  return [[from, to]];
}

/** The runs with the text in each code point range made unbreakable, runs cut where a range starts or ends. */
function unbreakable(runs: readonly Run[], ranges: readonly [number, number][]): Run[] {
  const inRange = (i: number) => ranges.some(([from, to]) => i >= from && i < to);
  const out: Run[] = [];
  let at = 0;
  const push = (r: Run, text: string, kept: boolean) => out.push(kept ? { ...r, text, noBreak: true } : { ...r, text });
  for (const r of runs) {
    let piece = '';
    let pieceKept = false;
    for (const ch of r.text) {
      const kept = inRange(at) || Boolean(r.noBreak);
      if (piece !== '' && kept !== pieceKept) {
        push(r, piece, pieceKept);
        piece = '';
      }
      piece += ch;
      pieceKept = kept;
      at++;
    }
    if (piece !== '') push(r, piece, pieceKept);
  }
  return out;
}
