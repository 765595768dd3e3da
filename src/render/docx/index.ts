/**
 * Document model → DOCX (WordprocessingML) with the docx package.
 *
 * Word, WPS and LibreOffice lay the flow out themselves; this renderer only
 * says what Chinese Office needs to get it right: East-Asian fonts in every
 * run, zh-CN as the East-Asian language (Word then applies the Chinese
 * line-breaking rules, 避头尾), character-based indents, exact line pitch,
 * real tables, mirrored margins and page-number fields.
 *
 * Copies: Word prints copies itself (Print › Copies), so `copies` > 1 still
 * gives one copy here. Duplex: Word prints double-sided itself; the document
 * gets mirrored margins and odd/even footers.
 */
import { Document as WordDocument, LineRuleType, PageBreak, Paragraph, TextRun, type FileChild } from 'docx';
import {
  HEADING_STYLES,
  type Block,
  type BlockType,
  type Document,
  type HeadingBlock,
  type ParagraphBlock,
} from '../../document/model.js';
import { wordFont } from './fonts.js';
import { drawingIds, imageParagraph, imageRun, type DrawingIds } from './images.js';
import { qrPng } from '../qr-png.js';
import { corePropertiesXml, settingsXml } from './package-parts.js';
import { footers, headers, pageGeometry, sectionPage, type PageGeometry } from './page.js';
import { heading, paragraph } from './paragraphs.js';
import { styleOfRole, type ResolvedStyle } from './runs.js';
import { signature } from './signature.js';
import { keepsWithSignature } from '../../document/signature-layout.js';
import { table } from './table.js';
import { type LineSetting, pdfLineCount, withBalancedLines, withShortLinesEnded } from './pdf-lines.js';
import { TWIPS_PER_PT, mmToTwips, ptToHalfPoints } from './units.js';
import { pack } from './pack.js';

interface BlockContext {
  readonly doc: Document;
  readonly base: ResolvedStyle;
  readonly geo: PageGeometry;
  readonly ids: DrawingIds;
  /** A page break block came just before: the next paragraph starts a page. */
  breakPending: boolean;
  /** This block keeps with the next (the text before a 落款). */
  keepNext: boolean;
}

type Handler<K extends BlockType> = (
  block: Extract<Block, { type: K }>,
  ctx: BlockContext,
) => FileChild[] | Promise<FileChild[]>;

/** Takes a pending page break for a paragraph-like block. */
function takeBreak(ctx: BlockContext): boolean {
  const pending = ctx.breakPending;
  ctx.breakPending = false;
  return pending;
}

/** A pending page break before a block that has no paragraph of its own to carry it (a table). */
function breakParagraph(ctx: BlockContext): FileChild[] {
  if (!takeBreak(ctx)) return [];
  // A 1 pt line, so the paragraph mark left on the new page takes no visible room.
  return [
    new Paragraph({
      spacing: { line: 20, lineRule: LineRuleType.EXACT },
      children: [new TextRun({ children: [new PageBreak()] })],
    }),
  ];
}

const BLOCKS: { readonly [K in BlockType]: Handler<K> } = {
  paragraph: (b, ctx) => [
    paragraph(withShortLinesEnded(b, bodySetting(ctx.base), ctx.geo.textWidthTwips / TWIPS_PER_PT), {
      style: ctx.base,
      align: 'justify',
      lineHeight: ctx.doc.base.lineHeight,
      pageBreakBefore: takeBreak(ctx),
    }),
  ],
  heading: (b, ctx) => [
    heading(balancedTitle(b, ctx.geo), { lineHeight: ctx.doc.base.lineHeight, pageBreakBefore: takeBreak(ctx) }),
  ],
  table: (b, ctx) => {
    const out = breakParagraph(ctx);
    // Word cannot open a table without rows or grid columns.
    if (b.rows.length === 0 || b.columns.length === 0) return out;
    if (b.caption) {
      out.push(
        paragraph(
          { ...b.caption, keepWithNext: true },
          { style: ctx.base, align: 'center', lineHeight: ctx.doc.base.lineHeight },
        ),
      );
    }
    const m = ctx.doc.page.margins;
    const textHeightTwips = ctx.geo.heightTwips - mmToTwips(m.top) - mmToTwips(m.bottom);
    out.push(table(b, ctx.base, { textWidthTwips: ctx.geo.textWidthTwips, textHeightTwips }, ctx.ids, ctx.keepNext));
    return out;
  },
  signature: (b, ctx) =>
    signature(b, ctx.base, ctx.doc.base.lineHeight, takeBreak(ctx), ctx.geo.textWidthTwips, ctx.keepNext),
  image: (b, ctx) => [imageParagraph(ctx.ids, b, takeBreak(ctx))],
  qr: async (b, ctx) => {
    const png = qrPng(b.text, b.size);
    const out: FileChild[] = [
      new Paragraph({
        alignment: 'center',
        keepNext: Boolean(b.caption),
        ...(takeBreak(ctx) ? { pageBreakBefore: true } : {}),
        children: [imageRun(ctx.ids, png, 'png', b.size, b.size, 'QR')],
      }),
    ];
    if (b.caption) {
      const small = styleOfRole(ctx.base.font, Math.min(ctx.base.size, 10.5));
      out.push(paragraph({ runs: [{ text: b.caption }] }, { style: small, align: 'center', lineHeight: undefined }));
    }
    return out;
  },
  spacer: (b, ctx) => [
    new Paragraph({
      ...(ctx.keepNext ? { keepNext: true } : {}),
      ...(takeBreak(ctx) ? { pageBreakBefore: true } : {}),
      spacing: { line: Math.max(mmToTwips(b.height), 20), lineRule: LineRuleType.EXACT },
      children: [],
    }),
  ],
  pageBreak: (_b, ctx) => {
    // Two breaks in a row still give one blank page between them.
    const out = ctx.breakPending ? breakParagraph(ctx) : [];
    ctx.breakPending = true;
    return out;
  },
};

/** A paragraph of up to three lines, which the PDF never splits (orphan and widow rules). */
function movesWhole(p: ParagraphBlock, ctx: BlockContext): boolean {
  return p.keepTogether === true || pdfLineCount(p, bodySetting(ctx.base), ctx.geo.textWidthTwips / TWIPS_PER_PT) <= 3;
}

/** How the PDF sets a body paragraph that says nothing itself (pdf/blocks.ts `bodyDefaults`). */
function bodySetting(base: ResolvedStyle): LineSetting {
  return { style: base, align: 'justify', firstLineIndent: 0 };
}

/** The title (or a heading marked balanced) with the PDF's line breaks (pdf-lines.ts). */
function balancedTitle(b: HeadingBlock, geo: PageGeometry): HeadingBlock {
  if (!(b.balanced ?? b.level === 0)) return b;
  const hs = HEADING_STYLES[b.level];
  const setting = {
    style: { font: hs.font, size: hs.size, bold: hs.bold, underline: false },
    align: b.level === 0 ? ('center' as const) : ('justify' as const),
    firstLineIndent: b.level === 0 ? 0 : 2,
  };
  return withBalancedLines(b, setting, geo.textWidthTwips / TWIPS_PER_PT);
}

async function blockChildren(
  doc: Document,
  base: ResolvedStyle,
  geo: PageGeometry,
  ids: DrawingIds,
): Promise<FileChild[]> {
  const ctx: BlockContext = { doc, base, geo, ids, breakPending: false, keepNext: false };
  const children: FileChild[] = [];
  for (const [i, block] of doc.blocks.entries()) {
    const handler = BLOCKS[block.type] as Handler<BlockType>;
    // A 落款 never stands alone at the top of a page: the paragraph before it keeps with it (as in the PDF)
    // when it moves whole. A longer one does not: LibreOffice moves a kept paragraph whole, leaving the
    // heading above it alone at the foot of the page, where the PDF and Word split it and keep its last lines.
    ctx.keepNext = keepsWithSignature(doc.blocks, i);
    const kept =
      block.type === 'paragraph' && ctx.keepNext && movesWhole(block, ctx) ? { ...block, keepWithNext: true } : block;
    children.push(...(await handler(kept as never, ctx)));
  }
  // A trailing page break asks for an empty last page.
  children.push(...breakParagraph(ctx));
  return children;
}

export async function renderDocx(doc: Document): Promise<Uint8Array> {
  const base = styleOfRole(doc.base.font, doc.base.size, false);
  const geo = pageGeometry(doc);
  const pageMarkPng = doc.pageMark ? qrPng(doc.pageMark.qrText, 12) : undefined;
  const ids = drawingIds();
  // Built in document order (body, then footers) so drawing ids read top to bottom.
  const children = await blockChildren(doc, base, geo, ids);
  const word = new WordDocument({
    title: doc.meta.title,
    ...(doc.meta.subject ? { subject: doc.meta.subject } : {}),
    styles: {
      default: {
        document: {
          run: {
            font: wordFont(doc.base.font),
            size: ptToHalfPoints(doc.base.size),
            language: { value: 'en-US', eastAsia: 'zh-CN' },
          },
        },
      },
    },
    sections: [
      {
        properties: { page: sectionPage(doc), ...(doc.coverPage ? { titlePage: true } : {}) },
        headers: headers(doc, geo),
        footers: footers(doc, geo, pageMarkPng, ids),
        children,
      },
    ],
  });
  const overrides = [
    {
      path: 'word/settings.xml',
      data: settingsXml({ mirrorMargins: geo.mirrored, evenAndOddHeaders: geo.evenAndOdd }),
    },
    { path: 'docProps/core.xml', data: corePropertiesXml(doc.meta) },
  ];
  return pack(word, overrides, doc.meta.createdAt);
}
