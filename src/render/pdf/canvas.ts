/**
 * One page's content stream, written as PDF operators, plus the box of every
 * glyph drawn (for ink tests). Coordinates: pt, PDF space (origin bottom left).
 */
import type { DocFonts } from './font-embed.js';
import type { LaidLine } from './text-layout.js';
import type { QrModules } from '../qr.js';

export interface PlacedGlyph {
  /** 0-based page index in the output PDF. */
  readonly page: number;
  readonly char: string;
  /** The glyph's em square, pt, PDF coordinates. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Share of the em above the baseline (ideographic em box: 0.88 up, 0.12 down). */
const EM_ASCENT = 0.88;

/** Paths of QR codes drawn lately, by module grid (the grids are qr.ts's, which keeps the recent ones). */
const qrPaths = new WeakMap<QrModules, string>();

/** The dark modules as rectangles in module units, origin at the code's bottom left. */
function qrPath(modules: QrModules): string {
  let path = qrPaths.get(modules);
  if (path !== undefined) return path;
  const n = modules.size;
  const parts: string[] = [];
  for (let r = 0; r < n; r++) {
    let c = 0;
    while (c < n) {
      if (!modules.get(r, c)) {
        c++;
        continue;
      }
      const c0 = c;
      while (c < n && modules.get(r, c)) c++;
      parts.push(`${c0} ${n - r - 1} ${c - c0} 1 re`);
    }
  }
  path = parts.length ? `${parts.join('\n')} f` : '';
  qrPaths.set(modules, path);
  return path;
}

/** CIDs as 4 hex digits, remembered: every glyph drawn writes one (at most 65,536 short strings). */
const cidHexes: string[] = [];
function cidHex(cid: number): string {
  let hex = cidHexes[cid];
  if (hex === undefined) {
    hex = cid.toString(16).padStart(4, '0');
    cidHexes[cid] = hex;
  }
  return hex;
}

export function num(v: number): string {
  const r = Math.round(v * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
}

export class Canvas {
  readonly ops: string[] = [];
  readonly glyphs: Omit<PlacedGlyph, 'page'>[] = [];
  /** Anything drawn (a page with only a pending table header is still empty). */
  drawn = false;

  constructor(
    private readonly fonts: DocFonts,
    private readonly recordGlyphs = true,
  ) {}

  /** Draws a laid line with its box's left edge at x and its top at yTop. */
  drawLine(line: LaidLine, x: number, yTop: number): void {
    const baseline = yTop - (line.height - line.size) / 2 - line.size * EM_ASCENT;
    this.drawGlyphs(line, x, baseline);
  }

  /** Draws a line's glyphs on a given baseline. */
  drawGlyphs(line: LaidLine, x: number, baseline: number): void {
    const ops = this.ops;
    let open = false;
    let curFont = '';
    let curSize = 0;
    let curBold = false;
    let tj = '';
    let penX = 0;
    for (const g of line.glyphs) {
      const it = g.item;
      if (it.space) continue;
      const { name, cid } = this.fonts.use(it.face, it.gid, it.advanceUnits, it.ch);
      const gx = x + g.x;
      if (!open) {
        ops.push('BT');
        open = true;
      }
      // What the viewer advances after the glyph: its width in the font (the W array), not our layout advance.
      const em = (it.advanceUnits * it.size) / it.face.unitsPerEm;
      const stretch = it.stretch;
      if (name !== curFont || it.size !== curSize || it.syntheticBold !== curBold || !tj || stretch) {
        if (tj) ops.push(`[${tj}] TJ`);
        tj = '';
        if (name !== curFont || it.size !== curSize) ops.push(`/${name} ${num(it.size)} Tf`);
        if (it.syntheticBold !== curBold) ops.push(it.syntheticBold ? `2 Tr ${num(it.size * 0.03)} w` : '0 Tr');
        curFont = name;
        curSize = it.size;
        curBold = it.syntheticBold;
        if (stretch) {
          // Scaled to fill its em exactly (a dash that must join its neighbour); the next glyph starts afresh.
          ops.push(
            `${num(stretch.scale)} 0 0 1 ${num(gx + stretch.shift * it.size)} ${num(baseline)} Tm <${cidHex(cid)}> Tj`,
          );
        } else {
          ops.push(`1 0 0 1 ${num(gx)} ${num(baseline)} Tm`);
        }
      } else {
        const adj = ((penX - gx) * 1000) / it.size;
        if (Math.abs(adj) > 0.01) tj += num(adj);
      }
      if (!stretch) tj += `<${cidHex(cid)}>`;
      penX = gx + em;
      this.drawn = true;
      if (this.recordGlyphs) {
        // The em square as drawn (a compressed mark's ink may sit outside its shortened advance).
        this.glyphs.push({ char: it.ch, x: gx, y: baseline - it.size * (1 - EM_ASCENT), width: em, height: it.size });
      }
    }
    if (tj) ops.push(`[${tj}] TJ`);
    if (open) ops.push(curBold ? '0 Tr ET' : 'ET');
    // Underlines (filled-in blanks) span underlined glyphs and spaces alike.
    let u0 = -1;
    let u1 = 0;
    let uSize = 0;
    for (const g of line.glyphs) {
      if (g.item.underline) {
        if (u0 < 0) {
          u0 = x + g.x;
          uSize = g.item.size;
        }
        u1 = x + g.x + g.advance;
      } else if (u0 >= 0) {
        this.underline(u0, u1, baseline, uSize);
        u0 = -1;
      }
    }
    if (u0 >= 0) this.underline(u0, u1, baseline, uSize);
  }

  /** The rule under a filled-in blank from x0 to x1. */
  private underline(x0: number, x1: number, baseline: number, size: number): void {
    this.fillRect(x0, baseline - size * 0.12, x1 - x0, Math.max(0.5, size * 0.05));
  }

  fillRect(x: number, y: number, w: number, h: number, gray = 0): void {
    this.ops.push(
      gray === 0
        ? `${num(x)} ${num(y)} ${num(w)} ${num(h)} re f`
        : `${num(gray)} g ${num(x)} ${num(y)} ${num(w)} ${num(h)} re f 0 g`,
    );
    this.drawn = true;
  }

  strokeRect(x: number, y: number, w: number, h: number, lineWidth = 0.5): void {
    this.ops.push(`${num(lineWidth)} w ${num(x)} ${num(y)} ${num(w)} ${num(h)} re S`);
    this.drawn = true;
  }

  strokeLine(x1: number, y1: number, x2: number, y2: number, lineWidth = 0.5): void {
    this.ops.push(`${num(lineWidth)} w ${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l S`);
    this.drawn = true;
  }

  image(name: string, x: number, y: number, w: number, h: number): void {
    this.ops.push(`q ${num(w)} 0 0 ${num(h)} ${num(x)} ${num(y)} cm /${name} Do Q`);
    this.drawn = true;
  }

  /**
   * A QR code's dark modules as filled rectangles (runs of a row merged), drawn
   * in module units and scaled into place: the path is small integers, written
   * once per code however often and wherever it is drawn.
   */
  qr(modules: QrModules, x: number, yTop: number, side: number): void {
    const m = side / modules.size;
    this.ops.push(`q ${num(m)} 0 0 ${num(m)} ${num(x)} ${num(yTop - side)} cm\n${qrPath(modules)}\nQ`);
    this.drawn = true;
  }

  raw(op: string): void {
    this.ops.push(op);
  }

  content(): string {
    return this.ops.join('\n');
  }
}
