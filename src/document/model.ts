/**
 * The document model: what a form builds and what every renderer (PDF, DOCX,
 * XLSX) reads. Flow content, not absolute boxes: Word and Excel lay flow out
 * themselves, and the PDF renderer has its own CJK layout engine.
 *
 * Plain readonly data (no classes, no functions) so a model snapshots as JSON.
 * Lengths: geometry in millimetres (mm), type sizes and line pitch in points (pt),
 * indents in characters of the paragraph's own size (Chinese typesetting counts
 * "空两格" in characters, not in mm).
 */

/** Font roles; fonts/fonts.json maps each role to a fallback chain of files. */
export type FontRole = 'song' | 'fangsong' | 'kai' | 'hei' | 'title';

export interface TextStyle {
  readonly font?: FontRole;
  /** pt; see CHINESE_SIZES for 三号 = 16 etc. */
  readonly size?: number;
  readonly bold?: boolean;
  /** Underlined text, used for filled-in blanks ("____" fields). */
  readonly underline?: boolean;
}

/** A stretch of text in one style. Text may contain "\n" for a forced line break. */
export interface Run {
  readonly text: string;
  readonly style?: TextStyle;
  /**
   * An unbreakable span (a name, an ID number, a date): lines break before or
   * after it, never inside, unless it is longer than a whole line.
   */
  readonly noBreak?: boolean;
}

export type Align = 'left' | 'center' | 'right' | 'justify';

/** A paragraph of styled runs; the unit of line breaking. */
export interface Paragraph {
  readonly runs: readonly Run[];
  /** Default 'justify' (Chinese body text is justified; the last line is not stretched). */
  readonly align?: Align;
  /** First-line indent in characters (2 = 空两格); negative = a hanging indent (wrapped lines start further in). */
  readonly firstLineIndent?: number;
  /** Left / right indent in characters. */
  readonly indentLeft?: number;
  readonly indentRight?: number;
  /** Space before / after the paragraph, in pt. */
  readonly spaceBefore?: number;
  readonly spaceAfter?: number;
  /** Exact line pitch in pt; default from the document's base style. */
  readonly lineHeight?: number;
  /** Keep on the same page as the next block (headings, captions). */
  readonly keepWithNext?: boolean;
  /** Never split across pages (moved whole when it fits on one page). */
  readonly keepTogether?: boolean;
  /**
   * Line breaking for titles: break only between words (Intl.Segmenter) and
   * make the lines about equally long instead of filling the first.
   */
  readonly balanced?: boolean;
}

export interface ParagraphBlock extends Paragraph {
  readonly type: 'paragraph';
}

/**
 * A heading. level 0 is the document title (二号 title font, centred),
 * 1 is "一、" (黑体), 2 is "（一）" (楷体), 3 is "1." (body font).
 * Renderers take the default style of each level from HEADING_STYLES unless
 * the runs carry their own.
 */
export interface HeadingBlock extends Paragraph {
  readonly type: 'heading';
  readonly level: 0 | 1 | 2 | 3;
}

export type VerticalAlign = 'top' | 'middle' | 'bottom';

export interface TableCell {
  /** Content; an empty list is an empty cell (only for signature/seal/photo spaces). */
  readonly paragraphs: readonly Paragraph[];
  readonly colSpan?: number;
  readonly rowSpan?: number;
  /** Default 'middle'. */
  readonly vAlign?: VerticalAlign;
  /** A label cell (light shading in PDF/DOCX/XLSX, bold optional by runs). */
  readonly label?: boolean;
  /**
   * The typed value for spreadsheets (a date stays a date in Excel, a count a
   * number). Paper shows the paragraphs; XLSX writes this when present.
   */
  readonly value?: number | Date;
  /** Excel number format for `value`, e.g. "yyyy-mm". */
  readonly numFmt?: string;
  /**
   * Marks a cell left empty on purpose for handwriting: a signature, a seal,
   * a thumbprint or a photo. Only such cells may be empty (the notice forbids
   * blank fields); tests recognise them by this mark.
   */
  readonly space?: BlankSpace;
  /**
   * A picture drawn centred in the cell, at its own size in mm (the review
   * form's one-inch photo, 25 × 35 mm, in the 基本情况 grid). Renderers that
   * cannot place it leave the cell empty; rows keep their minHeight either way.
   */
  readonly image?: CellImage;
}

/** An image inside a table cell; width and height in mm. */
export interface CellImage {
  readonly data: Uint8Array;
  readonly format: 'png' | 'jpeg';
  readonly width: number;
  readonly height: number;
}

/** What an intentionally empty space is for. */
type BlankSpace = 'signature' | 'seal' | 'thumbprint' | 'photo' | 'handwriting';

export interface TableRow {
  readonly cells: readonly TableCell[];
  /** Minimum height in mm (room for handwriting, a photo, a seal). */
  readonly minHeight?: number;
  /**
   * Whether the row may break across pages. Default: a row that fits on a page
   * never splits (DOCX `cantSplit`); a row taller than a page always does.
   * `false` lets a long text row break at the foot of a page instead of moving on.
   */
  readonly cantSplit?: boolean;
}

/**
 * How a column is sized (src/render/table-widths.ts), like CSS automatic table
 * layout: every column gets at least its min-content width (its longest word:
 * a name part, an ID number, a date, a short cell whole), and the room left is
 * shared out up to each column's max-content width (its text on one line).
 */
export interface TableColumn {
  /**
   * 'auto' (default): between min-content and max-content, sharing the rest of
   * the width by the table's relative `columns`; 'min': its min-content width
   * and no more (a sequence number, an ID number); 'fixed': exactly `width` mm.
   */
  readonly kind?: 'auto' | 'min' | 'fixed';
  /** mm, for 'fixed'. */
  readonly width?: number;
  /** A floor in mm whatever the content (room for handwriting). */
  readonly minWidth?: number;
  /** Cells never wrap (short values: 性别, 民族, 申报方式): min-content is max-content. */
  readonly nowrap?: boolean;
  /**
   * Cells wrap only between their parts, never inside one, however long
   * (names: 阿依古丽· | 买买提, 欧阳乌兰其其格 whole).
   */
  readonly keepWords?: boolean;
}

export interface TableBlock {
  readonly type: 'table';
  /** Relative column widths; the table spans the type area. */
  readonly columns: readonly number[];
  /**
   * 'fixed' (default): the relative `columns` widths, each column raised to its
   * min-content width where the table can afford it (taken from columns with
   * room to spare); 'auto': sized from content (see TableColumn), `columns`
   * weighting how room beyond max-content is shared.
   */
  readonly layout?: 'fixed' | 'auto';
  /** Per column sizing rules (index = column); missing entries are 'auto'. */
  readonly columnSpecs?: readonly TableColumn[];
  /** Left and right padding inside each cell, mm (default 1.5; a roster of many columns takes less). */
  readonly cellPadding?: number;
  readonly rows: readonly TableRow[];
  /** The first N rows are header rows, repeated on every page the table spans. */
  readonly headerRows?: number;
  /** Default text style of the cells (size and font). */
  readonly style?: TextStyle;
  /** Default cell paragraph alignment; default 'center' for label cells, 'left' otherwise. */
  readonly align?: Align;
  /** A caption above the table, kept with it. */
  readonly caption?: Paragraph;
  /** Never split when it fits on a page (a box of opinions and signatures), whatever its length. */
  readonly keepTogether?: boolean;
}

/**
 * Where a person signs, seals or presses a thumbprint, plus the date line.
 * Kept together on one page. Labels print; the spaces stay empty (the notice
 * wants these handwritten), and `date` prints as given ("2024年9月20日") or as
 * an empty "年　月　日" line when absent.
 */
export interface SignatureBlock {
  readonly type: 'signature';
  readonly lines: readonly SignatureLine[];
  /** Right-aligned (the GB/T 9704 落款) or left; default 'right'. */
  readonly align?: 'left' | 'right';
  /** Vertical room left blank above the lines for a seal, in mm (0 = none). */
  readonly sealSpace?: number;
  /**
   * GB/T 9704 落款 of a unit: the last line (the date) is right-aligned about
   * four characters in from the right margin and the lines above it are
   * centred over the date. Without it the lines align on their colons.
   */
  readonly dated?: boolean;
}

export interface SignatureLine {
  /** e.g. "签字：", "推荐单位（公章）", or a unit name. */
  readonly text: string;
  /** Width of the blank after the text, in characters (0 = none). */
  readonly blank?: number;
}

export interface ImageBlock {
  readonly type: 'image';
  readonly data: Uint8Array;
  readonly format: 'png' | 'jpeg';
  readonly width: number;
  readonly height: number;
  readonly align?: 'left' | 'center' | 'right';
}

export interface QrBlock {
  readonly type: 'qr';
  readonly text: string;
  /** Side length in mm. */
  readonly size: number;
  readonly caption?: string;
}

export interface SpacerBlock {
  readonly type: 'spacer';
  /** mm */
  readonly height: number;
}

interface PageBreakBlock {
  readonly type: 'pageBreak';
}

export type Block =
  | ParagraphBlock
  | HeadingBlock
  | TableBlock
  | SignatureBlock
  | ImageBlock
  | QrBlock
  | SpacerBlock
  | PageBreakBlock;

export type BlockType = Block['type'];

interface Margins {
  readonly top: number;
  readonly bottom: number;
  /** Binding side: left on odd pages; with `mirrored`, right on even pages. */
  readonly inner: number;
  readonly outer: number;
}

export interface PageSetup {
  readonly size: 'A4';
  readonly orientation: 'portrait' | 'landscape';
  readonly margins: Margins;
  /** Mirror inner/outer margins on even pages (double-sided binding). */
  readonly mirrored?: boolean;
}

type PageNumberStyle =
  /** GB/T 9704: "— 1 —", 四号, odd pages right, even pages left (outer side). */
  | 'dash'
  /** "第 1 页 共 4 页", centred. */
  | 'of-total'
  | 'none';

export interface Watermark {
  /** Repeated light diagonal text, e.g. "档案系列职称评审专用". */
  readonly text: string;
  /** A second line under it, e.g. the form's serial number. */
  readonly subtext?: string;
  /** 0..1; default 0.12. */
  readonly opacity?: number;
}

/** Printed on every page (bottom, inner side): a QR code and a short code text. */
export interface PageMark {
  readonly qrText: string;
  readonly caption: string;
}

export interface DocumentMeta {
  readonly title: string;
  readonly author?: string;
  readonly subject?: string;
  readonly keywords?: readonly string[];
  /** From ctx, so the same input gives the same bytes. */
  readonly createdAt: Date;
}

export interface Document {
  readonly meta: DocumentMeta;
  readonly page: PageSetup;
  /** Base text style and line pitch (pt) for paragraphs that do not set their own. */
  readonly base: { readonly font: FontRole; readonly size: number; readonly lineHeight: number };
  readonly pageNumbers: PageNumberStyle;
  /** The first page (of each copy) is a cover: counted, but it carries no page number. */
  readonly coverPage?: boolean;
  readonly watermark?: Watermark;
  readonly pageMark?: PageMark;
  /** Double-sided: each copy is padded to an even page count with an unnumbered blank back. */
  readonly duplex?: boolean;
  /** Complete copies in one PDF (the review form prints two). Default 1. */
  readonly copies?: number;
  readonly blocks: readonly Block[];
}

/** Chinese type sizes in pt (docs/domain.md). */
export const CHINESE_SIZES = {
  初号: 42,
  小初: 36,
  一号: 26,
  小一: 24,
  二号: 22,
  小二: 18,
  三号: 16,
  小三: 15,
  四号: 14,
  小四: 12,
  五号: 10.5,
  小五: 9,
  六号: 7.5,
} as const;

/** Default style of each heading level (GB/T 9704 structure levels). */
export const HEADING_STYLES: Readonly<
  Record<HeadingBlock['level'], Required<Pick<TextStyle, 'font' | 'size'>> & { bold: boolean }>
> = {
  0: { font: 'title', size: CHINESE_SIZES.二号, bold: true },
  1: { font: 'hei', size: CHINESE_SIZES.三号, bold: false },
  2: { font: 'kai', size: CHINESE_SIZES.三号, bold: false },
  3: { font: 'fangsong', size: CHINESE_SIZES.三号, bold: false },
};

/** GB/T 9704-2012 page: A4, 37/35/28/26 mm, 22 lines of 28 characters. */
export const GBT9704_PAGE: PageSetup = {
  size: 'A4',
  orientation: 'portrait',
  margins: { top: 37, bottom: 35, inner: 28, outer: 26 },
};

/** 225 mm type area / 22 lines. */
export const GBT9704_LINE_PITCH = 28.95;

export const A4_MM = { width: 210, height: 297 } as const;
