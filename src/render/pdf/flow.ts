/**
 * The page flow: a cursor moving down the type area, opening pages as blocks
 * need them. x is measured from the type area's left edge; y is PDF space.
 */
import { Canvas } from './canvas.js';
import type { DocFonts } from './font-embed.js';
import type { FontLibrary } from '../../fonts/library.js';
import type { Document } from '../../document/model.js';
import type { LaidLine } from './text-layout.js';

export const MM = 72 / 25.4;
export const EPS = 0.01;

export interface FlowContext {
  readonly doc: Document;
  readonly lib: FontLibrary;
  readonly fonts: DocFonts;
  /** Type area width, pt. */
  readonly width: number;
  /** Type area height, pt. */
  readonly height: number;
  /** XObject resource name of each image block. */
  readonly images: ReadonlyMap<object, string>;
  /** Keep each glyph's box (renderPdfWithLayout); plain rendering skips it. */
  readonly recordGlyphs: boolean;
}

export class Flow {
  readonly pages: Canvas[] = [];
  cur!: Canvas;
  y = 0;

  constructor(
    readonly ctx: FlowContext,
    /** y of the type area's top and bottom edges. */
    readonly top: number,
    readonly bottom: number,
  ) {
    this.newPage();
  }

  newPage(): void {
    this.cur = new Canvas(this.ctx.fonts, this.ctx.recordGlyphs);
    this.pages.push(this.cur);
    this.y = this.top;
  }

  /** Room left on this page, pt. */
  get remaining(): number {
    return this.y - this.bottom;
  }

  /** Nothing placed on this page yet. */
  get atTop(): boolean {
    return this.y >= this.top - EPS;
  }

  /** Opens a new page unless `h` fits here or the page is still empty. */
  ensure(h: number): void {
    if (h > this.remaining + EPS && !this.atTop) this.newPage();
  }

  /** Places lines of a paragraph box at x, breaking pages between lines. */
  placeLines(lines: readonly LaidLine[], x: number): void {
    for (const line of lines) {
      if (line.height > this.remaining + EPS && !this.atTop) this.newPage();
      this.cur.drawLine(line, x, this.y);
      this.y -= line.height;
    }
  }
}
