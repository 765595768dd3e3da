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
import { paragraphBlock, run } from '../../document/build.js';
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
    base: { font: 'song', size: CHINESE_SIZES.小四, lineHeight: 20 },
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

/** "附件3" on the first line, flush left, 黑体 三号 (GB/T 9704 §7.3.7). */
export function attachmentLabel(text: string): ParagraphBlock {
  return paragraphBlock([run(text, { font: 'hei', size: CHINESE_SIZES.三号 })], { align: 'left' });
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

/** Body paragraphs from template text: blank lines separate them; 空两格. */
export function bodyParagraphs(text: string, opts: { indent?: number } = {}): ParagraphBlock[] {
  return splitParagraphs(text).map((chunk) =>
    paragraphBlock(chunk, { firstLineIndent: opts.indent ?? 2, align: 'justify' }),
  );
}

/** A right-aligned 落款: signature lines, room for a seal, the unit and the date. */
export function signatureBlock(
  lines: readonly SignatureLine[],
  sealSpace = 0,
  align: 'left' | 'right' = 'right',
): SignatureBlock {
  return { type: 'signature', lines, align, sealSpace };
}
