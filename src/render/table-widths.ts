/**
 * Column widths of a table from its content, computed once from the document
 * model and shared by the PDF, DOCX and XLSX renderers (each passes its own
 * text measure: font metrics for PDF and DOCX, East-Asian display width for
 * XLSX), like CSS automatic table layout:
 *
 * - a column's min-content width is its widest unbreakable piece (brackets
 *   stay with what they enclose): a name part
 *   (阿依古丽· | 买买提), an ID or phone number, a date or a list item of
 *   numbers (2019年12月, 2023年30/60), a word of up to four characters (维吾尔族, 初次确定), three
 *   characters of longer text, and every cell whole in a `nowrap` column; a
 *   label ("拟申报专业技术职务") may take two lines (three when long), never one
 *   character per line;
 * - its max-content width is its longest line unwrapped;
 * - every column gets its minimum; the rest of the width goes to the columns
 *   that can still grow: in auto layout first where it shortens the rows
 *   most (row-balance.ts), then in proportion to how much they need; in fixed
 *   layout towards the builder's relative widths.
 */
import type { FontRole, Paragraph, TableBlock, TableCell, TableColumn, TextStyle } from '../document/model.js';
import { balanceRows, type BalanceColumn, type CellUnits } from './row-balance.js';

export interface MeasureStyle {
  readonly font: FontRole;
  readonly size: number;
  readonly bold: boolean;
}

/** Width of `text` set on one line in `style`, in the caller's unit (pt for PDF/DOCX). */
export type MeasureText = (text: string, style: MeasureStyle) => number;

export interface WidthOptions {
  /** The table's width, in the measure's unit. */
  readonly width: number;
  /** Horizontal padding of a cell, both sides together, in the measure's unit (the table's `cellPadding` wins). */
  readonly padding: number;
  /** Text style of the cells before the table's and the runs' own styles. */
  readonly base: MeasureStyle;
  readonly measure: MeasureText;
  /** Millimetres in the measure's unit (for `fixed` and `minWidth` columns and cell images). */
  readonly mm: number;
  /**
   * Share an auto table's spare width where it saves lines (row-balance.ts); default true. Spreadsheets
   * opt out: Excel and LibreOffice wrap cells their own way, and widths balanced by this measure made
   * LibreOffice print the 50-applicant roster sheet at 97.6 % (8.8 pt).
   */
  readonly balanceRows?: boolean;
}

interface ContentWidths {
  readonly min: readonly number[];
  readonly max: readonly number[];
}

/** Left and right padding inside a cell, mm, unless the table sets its own. */
const DEFAULT_CELL_PADDING_MM = 1.5;

export function cellPaddingMm(t: TableBlock): number {
  return t.cellPadding ?? DEFAULT_CELL_PADDING_MM;
}

/** Words up to this many characters are never broken (维吾尔族, 初次确定, 中共党员). */
const WORD_CHARS = 4;
/** Longer text wraps, but no line is narrower than this many ems. */
const LONG_TEXT_EMS = 3;
/** Slack so a line measured to fit is not wrapped by a viewer's rounding. */
const SLACK = 0.6;

/** A line may break after these (list separators, the name dot, slashes). */
const BREAK_AFTER = new Set(Array.from('；;，,、／·。：: \u3000'));
/** … and before these (an opening bracket starts a new piece). */
const BREAK_BEFORE = new Set(Array.from('（(《“'));
/**
 * Runs kept whole inside a piece: numbers and other ASCII runs (IDs, phones)
 * with their units, and a list item of numbers ("2023年30/60", "2019年12月").
 */
const UNBREAKABLE = /[（(]?(?:[\x21-\x7e]+(?:年度|学时|课时|年|月|日)?)+[）)]?/gu;

function styleOf(base: MeasureStyle, s: TextStyle | undefined): MeasureStyle {
  return s ? { font: s.font ?? base.font, size: s.size ?? base.size, bold: s.bold ?? base.bold } : base;
}

/** The lines of a paragraph ("\n" forces a break), each with its style (the first run's). */
function paragraphLines(p: Paragraph, base: MeasureStyle): { text: string; style: MeasureStyle }[] {
  const style = styleOf(base, p.runs[0]?.style);
  return p.runs
    .map((r) => r.text)
    .join('')
    .split('\n')
    .map((text) => ({ text: text.trim(), style }));
}

/** A year with its unit followed by a word: "2022年|基本合格" may break after 年 (not "2019年|12月"). */
const AFTER_YEAR = /^\d{4}年度?$/u;
const HAN = /\p{Script=Han}/u;

/** Pieces of a line between break opportunities of the sensible kind (not between any two characters). */
function pieces(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (const ch of line) {
    if (cur !== '' && (BREAK_BEFORE.has(ch) || (HAN.test(ch) && ch !== '度' && AFTER_YEAR.test(cur)))) {
      out.push(cur);
      cur = '';
    }
    cur += ch;
    if (BREAK_AFTER.has(ch)) {
      out.push(cur);
      cur = '';
    }
  }
  if (cur !== '') out.push(cur);
  return out.map((p) => p.trim()).filter((p) => p !== '');
}

/**
 * The narrowest a piece may be set: a word of up to four characters whole (its
 * trailing separator may be squeezed by half an em), longer text at least three
 * ems, and its unbreakable runs whole.
 */
function pieceMin(piece: string, style: MeasureStyle, measure: MeasureText): number {
  const chars = Array.from(piece);
  let end = chars.length;
  while (end > 0 && BREAK_AFTER.has(chars[end - 1]!)) end--;
  const core = chars.slice(0, end).join('');
  const trailing = end < chars.length ? Math.min(measure(chars.slice(end).join(''), style), style.size / 2) : 0;
  let min =
    end <= WORD_CHARS ? measure(core, style) + trailing : Math.min(measure(piece, style), LONG_TEXT_EMS * style.size);
  for (const m of core.matchAll(UNBREAKABLE)) min = Math.max(min, measure(m[0], style));
  return min;
}

/** A label may take two lines (three when longer than ten characters), split evenly. */
function labelMin(text: string, style: MeasureStyle, measure: MeasureText): number {
  const n = Array.from(text).length;
  if (n === 0) return 0;
  const lines = n <= 3 ? 1 : n <= 10 ? 2 : 3;
  return (measure(text, style) / n) * Math.ceil(n / lines);
}

/**
 * Content widths of cells already measured, per measure, by what they depend on: a form's labels and fixed
 * text are measured once, not for every document. (A measure made afresh for each document caches nothing.)
 */
const measuredCells = new WeakMap<MeasureText, Map<string, { min: number; max: number }>>();
const MEASURED_CELLS_MAX = 4000;

function cellContent(
  cell: TableCell,
  base: MeasureStyle,
  spec: TableColumn | undefined,
  opts: WidthOptions,
): { min: number; max: number } {
  let cache = measuredCells.get(opts.measure);
  if (cache === undefined) {
    cache = new Map();
    measuredCells.set(opts.measure, cache);
  }
  const key = JSON.stringify([
    cell.paragraphs,
    cell.label,
    cell.image?.width,
    base,
    spec?.nowrap,
    spec?.keepWords,
    opts.padding,
    opts.mm,
  ]);
  let widths = cache.get(key);
  if (widths === undefined) {
    widths = measureCell(cell, base, spec, opts);
    if (cache.size >= MEASURED_CELLS_MAX) cache.delete(cache.keys().next().value!);
    cache.set(key, widths);
  }
  return widths;
}

function measureCell(
  cell: TableCell,
  base: MeasureStyle,
  spec: TableColumn | undefined,
  opts: WidthOptions,
): { min: number; max: number } {
  let min = 0;
  let max = 0;
  for (const p of cell.paragraphs) {
    const indent = ((p.indentLeft ?? 0) + (p.indentRight ?? 0)) * styleOf(base, p.runs[0]?.style).size;
    for (const { text, style } of paragraphLines(p, base)) {
      const whole = opts.measure(text, style) + indent;
      max = Math.max(max, whole);
      if (spec?.nowrap) min = Math.max(min, whole);
      else if (spec?.keepWords)
        for (const piece of pieces(text)) min = Math.max(min, opts.measure(piece, style) + indent);
      else if (cell.label) min = Math.max(min, labelMin(text, style, opts.measure));
      else for (const m of pieceMins(text, style, opts)) min = Math.max(min, m + indent);
    }
    // An unbreakable span (a name, an ID number) is one piece, whatever its kind of text.
    for (const r of p.runs) if (r.noBreak) min = Math.max(min, opts.measure(r.text, styleOf(base, r.style)) + indent);
  }
  if (cell.image) {
    min = Math.max(min, cell.image.width * opts.mm);
    max = Math.max(max, cell.image.width * opts.mm);
  }
  if (min === 0 && max === 0) return { min: 0, max: 0 };
  return { min: min + opts.padding + SLACK, max: max + opts.padding + SLACK };
}

function pieceMins(text: string, style: MeasureStyle, opts: WidthOptions): number[] {
  return pieces(text).map((p) => pieceMin(p, style, opts.measure));
}

/** Cells on the table's grid (row spans take their column in the rows below). */
function gridCells(t: TableBlock, columns: number): { cell: TableCell; row: number; col: number; span: number }[] {
  const taken: boolean[][] = t.rows.map(() => new Array<boolean>(columns).fill(false));
  const out: { cell: TableCell; row: number; col: number; span: number }[] = [];
  t.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells) {
      while (c < columns && taken[r]![c]) c++;
      if (c >= columns) break;
      const span = Math.max(1, Math.min(cell.colSpan ?? 1, columns - c));
      const rowSpan = Math.max(1, Math.min(cell.rowSpan ?? 1, t.rows.length - r));
      for (let rr = r; rr < r + rowSpan; rr++) for (let cc = c; cc < c + span; cc++) taken[rr]![cc] = true;
      out.push({ cell, row: r, col: c, span });
      c += span;
    }
  });
  return out;
}

/** Min-content and max-content width of every column, padding included. */
function contentWidths(t: TableBlock, opts: WidthOptions): ContentWidths {
  const n = t.columns.length;
  const base = styleOf(opts.base, t.style);
  const min = new Array<number>(n).fill(0);
  const max = new Array<number>(n).fill(0);
  const cells = gridCells(t, n);
  // Single-column cells first; then a spanning cell widens the columns it spans, evenly, only if it must.
  for (const { cell, col, span } of cells) {
    if (span !== 1) continue;
    const w = cellContent(cell, base, t.columnSpecs?.[col], opts);
    min[col] = Math.max(min[col]!, w.min);
    max[col] = Math.max(max[col]!, w.max);
  }
  for (const { cell, col, span } of cells) {
    if (span === 1) continue;
    const w = cellContent(cell, base, undefined, opts);
    const cols = Array.from({ length: span }, (_, k) => col + k);
    const haveMin = cols.reduce((s, c) => s + min[c]!, 0);
    if (w.min > haveMin) for (const c of cols) min[c]! += (w.min - haveMin) / span;
  }
  t.columnSpecs?.forEach((spec, c) => {
    if (c >= n) return;
    if (spec.kind === 'fixed' && spec.width !== undefined) {
      min[c] = spec.width * opts.mm;
      max[c] = spec.width * opts.mm;
    }
    if (spec.minWidth !== undefined) min[c] = Math.max(min[c]!, spec.minWidth * opts.mm);
  });
  for (let c = 0; c < n; c++) max[c] = Math.max(max[c]!, min[c]!);
  return { min, max };
}

/** The width of each column, adding up to `opts.width`. */
export function columnWidths(t: TableBlock, opts: WidthOptions): number[] {
  const n = t.columns.length;
  if (n === 0) return [];
  const { min, max } = contentWidths(t, opts);
  const W = opts.width;
  const sumMin = min.reduce((a, b) => a + b, 0);
  const auto = (t.layout ?? 'fixed') === 'auto';
  const balance = auto && (opts.balanceRows ?? true);
  if (sumMin >= W) return balance ? overfullAuto(t, min, max, W, opts) : overfull(t, min, max, W);
  if (!auto) return fixedLayout(t, min, W);
  if (!balance) return autoLayout(t, min, max, W);
  // Room first where it shortens the rows most, then as CSS automatic layout shares the rest.
  return autoLayout(t, balanceRows(balanceColumns(t, opts), min, max, W, halfEm(t, opts)), max, W);
}

const halfEm = (t: TableBlock, opts: WidthOptions): number => styleOf(opts.base, t.style).size / 2;

/**
 * An auto table too narrow for every minimum (the roster's nineteen columns):
 * columns of running text start from two thirds of their minimum, the others
 * (words, names, numbers) from theirs, and the room left goes where it saves the most lines
 * (row-balance.ts), so the long texts of a row (a unit's full name, a list of
 * exemption reasons) wrap about as often as each other instead of one of them
 * stacking three characters a line.
 */
function overfullAuto(
  t: TableBlock,
  min: readonly number[],
  max: readonly number[],
  W: number,
  opts: WidthOptions,
): number[] {
  const columns = balanceColumns(t, opts);
  // Running text (twice as long as its narrowest line) may wrap narrower; a word, a name part, a date may not.
  const floor = min.map((m, c) =>
    columns[c]!.grows && !t.columnSpecs?.[c]?.keepWords && max[c]! >= 2 * m ? (m * 2) / 3 : m,
  );
  if (floor.reduce((a, b) => a + b, 0) >= W) return overfull(t, min, max, W);
  const w = balanceRows(
    columns,
    floor,
    min.map((m, c) => Math.max(m, max[c]!)),
    W,
    halfEm(t, opts),
  );
  // Room no line needs goes back towards the minimums, in proportion to what each column gave up.
  const rest = W - w.reduce((a, b) => a + b, 0);
  const given = w.map((x, c) => Math.max(0, min[c]! - x));
  const sumGiven = given.reduce((a, b) => a + b, 0);
  return sumGiven > 0 ? w.map((x, c) => x + (rest * given[c]!) / sumGiven) : w.map((x) => x + rest / w.length);
}

/** What row-balance.ts needs of each column: whether it grows, and its cells' unbreakable units. */
function balanceColumns(t: TableBlock, opts: WidthOptions): BalanceColumn[] {
  const n = t.columns.length;
  const base = styleOf(opts.base, t.style);
  const columns = Array.from({ length: n }, (_, c) => {
    const spec = t.columnSpecs?.[c];
    return { grows: (spec?.kind ?? 'auto') === 'auto' && !spec?.nowrap, cells: [] as CellUnits[] };
  });
  for (const { cell, row, col, span } of gridCells(t, n)) {
    if (span !== 1 || !columns[col]!.grows) continue;
    for (const p of cell.paragraphs) {
      const indent = ((p.indentLeft ?? 0) + (p.indentRight ?? 0)) * styleOf(base, p.runs[0]?.style).size;
      const lines = paragraphLines(p, base).map(({ text, style }) =>
        (t.columnSpecs?.[col]?.keepWords ? pieces(text) : units(text)).map((u) => opts.measure(u, style)),
      );
      columns[col]!.cells.push({ row, lines, inset: opts.padding + SLACK + indent });
    }
  }
  return columns;
}

/** The units a line of text may break between: characters, with numbers and their units whole. */
function units(text: string): string[] {
  const out: string[] = [];
  for (const piece of pieces(text)) {
    let at = 0;
    for (const m of piece.matchAll(UNBREAKABLE)) {
      out.push(...Array.from(piece.slice(at, m.index)), m[0]);
      at = m.index + m[0].length;
    }
    out.push(...Array.from(piece.slice(at)));
  }
  return out;
}

/**
 * Too narrow for every minimum: the columns of running text give up room
 * first, in proportion to their text (their minimum is only a comfortable
 * line; a long address wraps once more at no cost), down to two thirds of it;
 * columns that must not wrap (nowrap, fixed) keep theirs while anything else
 * can shrink.
 */
function overfull(t: TableBlock, min: readonly number[], max: readonly number[], W: number): number[] {
  const n = min.length;
  const sumMin = min.reduce((a, b) => a + b, 0);
  if (sumMin <= 0) return min.map(() => W / n);
  const canWrap = min.map((_, c) => {
    const spec = t.columnSpecs?.[c];
    return !spec?.nowrap && spec?.kind !== 'fixed';
  });
  // Running text (twice as long as its narrowest line) first, then any column that may wrap.
  const running = canWrap.map((ok, c) => ok && max[c]! >= 2 * min[c]!);
  const w = [...min];
  let deficit = sumMin - W;
  for (const soft of [running, canWrap]) deficit = shrink(w, min, max, soft, deficit);
  if (deficit <= 1e-6) return w;
  const sum = w.reduce((a, b) => a + b, 0);
  return w.map((x) => (x / sum) * W);
}

/** Takes up to `deficit` from the `soft` columns of `w`, by their text, down to two thirds of their minimum. */
function shrink(
  w: number[],
  min: readonly number[],
  max: readonly number[],
  soft: readonly boolean[],
  deficit: number,
): number {
  const n = w.length;
  for (let round = 0; round < 8 && deficit > 1e-6; round++) {
    const room = w.map((x, c) => (soft[c] ? Math.max(0, x - (min[c]! * 2) / 3) : 0));
    const weight = room.map((r, c) => (r > 0 ? max[c]! : 0));
    const sumWeight = weight.reduce((a, b) => a + b, 0);
    if (sumWeight <= 0) break;
    let taken = 0;
    for (let c = 0; c < n; c++) {
      const take = Math.min(room[c]!, (deficit * weight[c]!) / sumWeight);
      w[c]! -= take;
      taken += take;
    }
    deficit -= taken;
  }
  return deficit;
}

function relative(t: TableBlock): number[] {
  const sum = t.columns.reduce((a, b) => a + b, 0);
  return t.columns.map((c) => (sum > 0 ? c / sum : 1 / t.columns.length));
}

/** The builder's proportions, with each column raised to its minimum out of the others' room to spare. */
function fixedLayout(t: TableBlock, min: readonly number[], W: number): number[] {
  const w = relative(t).map((r, c) => Math.max(r * W, min[c]!));
  let excess = w.reduce((a, b) => a + b, 0) - W;
  // A few rounds: a column giving room may itself reach its minimum.
  for (let round = 0; round < 8 && excess > 1e-6; round++) {
    const spare = w.map((x, c) => Math.max(0, x - min[c]!));
    const total = spare.reduce((a, b) => a + b, 0);
    if (total <= 0) break;
    const k = Math.min(1, excess / total);
    for (let c = 0; c < w.length; c++) w[c]! -= spare[c]! * k;
    excess = w.reduce((a, b) => a + b, 0) - W;
  }
  return w;
}

/**
 * CSS automatic layout: between the minimums and the max-content widths the
 * room goes in proportion to each column's (max − min); beyond max-content,
 * by the relative widths. 'min' and 'fixed' columns do not grow.
 */
function autoLayout(t: TableBlock, min: readonly number[], max: readonly number[], W: number): number[] {
  const grows = t.columns.map((_, c) => {
    const kind = t.columnSpecs?.[c]?.kind ?? 'auto';
    return kind === 'auto';
  });
  const target = max.map((m, c) => (grows[c] ? m : min[c]!));
  const sumMin = min.reduce((a, b) => a + b, 0);
  const sumTarget = target.reduce((a, b) => a + b, 0);
  if (sumTarget >= W) {
    const k = (W - sumMin) / (sumTarget - sumMin);
    return min.map((m, c) => m + (target[c]! - m) * k);
  }
  const rel = relative(t);
  const weight = rel.map((r, c) => (grows[c] ? r : 0));
  const sumWeight = weight.reduce((a, b) => a + b, 0);
  const extra = W - sumTarget;
  if (sumWeight <= 0) return target.map((x) => x + extra / target.length);
  return target.map((x, c) => x + (extra * weight[c]!) / sumWeight);
}

/**
 * The table with the cells of `keepWords` columns broken between their parts
 * where the whole does not fit the column ("阿依古丽·" / "买买提"), so no line
 * breaker (ours, Word's, Excel's) can split a part at a character.
 */
/** The width each cell spans (its columns' widths added), in the widths' unit. */
export function cellBoxWidths(t: TableBlock, widths: readonly number[]): Map<TableCell, number> {
  const out = new Map<TableCell, number>();
  for (const { cell, col, span } of gridCells(t, widths.length)) {
    let w = 0;
    for (let c = col; c < col + span; c++) w += widths[c]!;
    out.set(cell, w);
  }
  return out;
}

export function breakBetweenWords(t: TableBlock, widths: readonly number[], opts: WidthOptions): TableBlock {
  if (!t.columnSpecs?.some((spec) => spec.keepWords)) return t;
  const base = styleOf(opts.base, t.style);
  const cells = gridCells(t, t.columns.length);
  const replaced = new Map<TableCell, TableCell>();
  for (const { cell, col, span } of cells) {
    if (span !== 1 || !t.columnSpecs[col]?.keepWords) continue;
    const room = widths[col]! - opts.padding - SLACK;
    const paragraphs = cell.paragraphs.map((p) => {
      const lines = paragraphLines(p, base).map(({ text, style }) => {
        if (opts.measure(text, style) <= room) return text;
        const out: string[] = [];
        for (const piece of pieces(text)) {
          const last = out.length - 1;
          if (last >= 0 && opts.measure(out[last]! + piece, style) <= room) out[last] += piece;
          else out.push(piece);
        }
        return out.join('\n');
      });
      const text = lines.join('\n');
      return text === p.runs.map((r) => r.text).join('') ? p : { ...p, runs: [{ ...p.runs[0], text }] };
    });
    if (paragraphs.some((p, i) => p !== cell.paragraphs[i])) replaced.set(cell, { ...cell, paragraphs });
  }
  if (replaced.size === 0) return t;
  return { ...t, rows: t.rows.map((row) => ({ ...row, cells: row.cells.map((c) => replaced.get(c) ?? c) })) };
}
