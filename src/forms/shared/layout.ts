/**
 * Page set-ups and recurring blocks of the forms, so every form of the notice
 * shares one look: GB/T 9704 letters for the 公示, 承诺书, 鉴定 and 证明;
 * 宋体 tables for the application tables.
 */
import {
  CHINESE_SIZES,
  GBT9704_LINE_PITCH,
  GBT9704_PAGE,
  type Block,
  type Document,
  type HeadingBlock,
  type PageSetup,
  type ParagraphBlock,
  type SignatureBlock,
  type SignatureLine,
} from '../../document/model.js';
import { paragraphBlock, run, unbreakableRuns } from '../../document/build.js';
import { splitParagraphs } from '../../text/index.js';

/** A GB/T 9704 page of body text: 仿宋 三号 on a 28.95 pt line pitch. */
export function letterDocument(title: string, createdAt: Date, blocks: readonly Block[]): Document {
  return {
    meta: { title, createdAt },
    page: GBT9704_PAGE,
    base: { font: 'fangsong', size: CHINESE_SIZES.三号, lineHeight: GBT9704_LINE_PITCH },
    pageNumbers: 'none',
    blocks,
  };
}

/** Line pitch of the table forms' text, pt. */
export const TABLE_LINE_PITCH = 20;

/** A form built around a table: 宋体 小四 on a GB/T 9704 or landscape page. */
export function tableDocument(
  title: string,
  createdAt: Date,
  blocks: readonly Block[],
  page: PageSetup = GBT9704_PAGE,
): Document {
  return {
    meta: { title, createdAt },
    page,
    base: { font: 'song', size: CHINESE_SIZES.小四, lineHeight: TABLE_LINE_PITCH },
    pageNumbers: 'none',
    blocks,
  };
}

/** Portrait A4 with the margins forms on one sheet usually have (the grid needs the room). */
export const FORM_PAGE: PageSetup = {
  size: 'A4',
  orientation: 'portrait',
  margins: { top: 25, bottom: 20, inner: 25, outer: 20 },
};

/** Landscape A4 with narrow side margins (8 mm, still outside what printers cannot reach), for the roster's 19 columns. */
export const ROSTER_PAGE: PageSetup = {
  size: 'A4',
  orientation: 'landscape',
  margins: { top: 20, bottom: 18, inner: 8, outer: 8 },
};

/**
 * "附件3" on the first line, flush left, 三号黑体, then one blank line: the title
 * goes on the third line (GB/T 9704 §7.3.7). `pitch` is the page's line pitch;
 * `blank` the room left before the title (a whole line unless a one-page table form needs it).
 */
export function attachmentLabel(text: string, pitch = GBT9704_LINE_PITCH, blank = pitch): ParagraphBlock {
  return paragraphBlock([run(text, { font: 'hei', size: CHINESE_SIZES.三号 })], {
    align: 'left',
    lineHeight: pitch,
    spaceAfter: blank,
    keepWithNext: true,
  });
}

/** The document title: centred, 二号 title font (renderers take the style from HEADING_STYLES). */
export function titleHeading(text: string): HeadingBlock {
  return {
    type: 'heading',
    level: 0,
    runs: [run(text)],
    align: 'center',
    spaceAfter: GBT9704_LINE_PITCH,
    keepWithNext: true,
  };
}

/**
 * Body paragraphs from template text: blank lines separate them; 空两格.
 * `unbreakable`: names and ID numbers the lines must not break inside.
 */
export function bodyParagraphs(
  text: string,
  opts: { indent?: number; unbreakable?: readonly string[] } = {},
): ParagraphBlock[] {
  return splitParagraphs(text).map((chunk) =>
    paragraphBlock(unbreakableRuns(chunk, opts.unbreakable ?? []), {
      firstLineIndent: opts.indent ?? 2,
      align: 'justify',
    }),
  );
}

/**
 * A unit's 落款 (GB/T 9704 §7.3.5): room for the seal, the unit's name centred
 * over the date, the date right-aligned four characters in from the margin.
 * The seal is pressed over the name and the date (their centre a little below
 * its centre), so the room above them is about half a 42 mm seal less two lines.
 */
export function unitSignOff(unit: string, date: string, sealSpace = 12): SignatureBlock {
  return { type: 'signature', lines: [{ text: unit }, { text: date }], align: 'right', sealSpace, dated: true };
}

/** Signature lines ("签字：____"), aligned on their colons, right (落款) or left. */
export function signatureBlock(
  lines: readonly SignatureLine[],
  sealSpace = 0,
  align: 'left' | 'right' = 'right',
): SignatureBlock {
  return { type: 'signature', lines, align, sealSpace };
}
