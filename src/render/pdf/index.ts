/**
 * Document model → PDF bytes, with our own CJK layout on pdf-lib: fonts from
 * the role chains embedded as subsets, pages laid out once and emitted per copy,
 * duplex backs, page numbers, watermark and page mark drawn after layout.
 * The same document gives the same bytes.
 */
import { Duplex, PDFDocument, PDFName, PrintScaling, type PDFContext, type PDFRef } from 'pdf-lib';
import { A4_MM, type Block, type CellImage, type Document, type ImageBlock } from '../../document/model.js';
import { getFontLibrary, type FontLibrary } from '../../fonts/library.js';
import { Canvas, num, type PlacedGlyph } from './canvas.js';
import { drawBlankSideNote, drawPageNumber, PageMarks, watermark, type PageGeometry } from './decorations.js';
import { DocFonts } from './font-embed.js';
import { deflate } from './deflate.js';
import { Flow, MM, type FlowContext } from './flow.js';
import { flowBlocks } from './blocks.js';

export type { PlacedGlyph } from './canvas.js';
export { MissingGlyphError } from './text-layout.js';

/**
 * Content streams shorter than this are stored as they are (a page's number and
 * page mark): setting zlib up costs some 30 µs a stream, for a few dozen bytes saved.
 */
const STORED_MAX = 256;

/** The dictionary entries of a stream, besides its length and filter. */
type StreamDict = NonNullable<Parameters<PDFContext['stream']>[1]>;

export interface RenderPdfOptions {
  /** Font library to use instead of the process's (tests, previews of an operator's fonts). */
  readonly fonts?: FontLibrary;
}

export async function renderPdf(doc: Document, opts: RenderPdfOptions = {}): Promise<Uint8Array> {
  return (await render(doc, opts, false)).bytes;
}

/** The PDF and the box of every glyph placed (page 0-based, PDF coordinates in pt). */
export async function renderPdfWithLayout(
  doc: Document,
  opts: RenderPdfOptions = {},
): Promise<{ bytes: Uint8Array; glyphs: PlacedGlyph[] }> {
  return render(doc, opts, true);
}

async function render(
  doc: Document,
  opts: RenderPdfOptions,
  recordGlyphs: boolean,
): Promise<{ bytes: Uint8Array; glyphs: PlacedGlyph[] }> {
  const lib = opts.fonts ?? getFontLibrary();
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const context = pdf.context;
  const fonts = new DocFonts(context);

  const landscape = doc.page.orientation === 'landscape';
  const pageW = (landscape ? A4_MM.height : A4_MM.width) * MM;
  const pageH = (landscape ? A4_MM.width : A4_MM.height) * MM;
  const m = doc.page.margins;
  const typeW = pageW - (m.inner + m.outer) * MM;
  const top = pageH - m.top * MM;
  const bottom = m.bottom * MM;

  // Images first: pdf-lib parses PNG/JPEG and gives each an XObject.
  const images = new Map<object, string>();
  const xobjects: Record<string, PDFRef> = {};
  for (const b of allImages(doc.blocks)) {
    // pdf-lib reads the bytes' whole ArrayBuffer from offset 0: a Buffer from Node's pool (a small
    // photo, a file read) would be read at the wrong place, so it gets bytes of its own.
    const data = new Uint8Array(b.data);
    const img = b.format === 'png' ? await pdf.embedPng(data) : await pdf.embedJpg(data);
    const name = `Im${images.size}`;
    images.set(b, name);
    xobjects[name] = img.ref;
  }

  const ctx: FlowContext = { doc, lib, fonts, width: typeW, height: top - bottom, images, recordGlyphs };
  const flow = new Flow(ctx, top, bottom);
  flowBlocks(doc.blocks, flow);
  const logical = flow.pages;

  const contentCount = logical.length;
  const perCopy = doc.duplex && contentCount % 2 === 1 ? contentCount + 1 : contentCount;
  const copies = Math.max(1, Math.floor(doc.copies ?? 1));
  const wm = watermark(doc, fonts, lib, pageW, pageH);
  if (wm) {
    const tileForm = (deflated: Uint8Array) =>
      context.register(
        context.stream(deflated, { Type: 'XObject', Subtype: 'Form', BBox: [...wm.tileBox], Filter: 'FlateDecode' }),
      );
    xobjects.Wm = tileForm(wm.tile);
    if (wm.subtile !== undefined) xobjects.Ws = tileForm(wm.subtile);
  }

  const glyphs: PlacedGlyph[] = [];
  const stream = (content: string, dict: StreamDict = {}): PDFRef =>
    context.register(
      content.length < STORED_MAX
        ? context.stream(content, dict)
        : context.stream(deflate(content), { ...dict, Filter: 'FlateDecode' }),
    );
  const wmRef = wm ? stream(wm.canvas.content()) : undefined;
  const marks = new PageMarks(doc, fonts, lib, recordGlyphs);
  const contentRefs = new Map<string, PDFRef>();
  const pageSpecs: { contents: PDFRef[] }[] = [];

  for (let copy = 0; copy < copies; copy++) {
    for (let k = 0; k < perCopy; k++) {
      const pageIndex = copy * perCopy + k;
      // Mirrored margins follow the sheet: odd pages of the whole PDF have the binding on the left.
      const oddSheetSide = pageIndex % 2 === 0;
      const innerLeft = !doc.page.mirrored || oddSheetSide;
      const left = (innerLeft ? m.inner : m.outer) * MM;
      const geom: PageGeometry = {
        width: pageW,
        height: pageH,
        left,
        right: left + typeW,
        bottom,
        odd: k % 2 === 0,
        innerLeft,
      };
      const contents: PDFRef[] = [];
      if (wmRef) contents.push(wmRef);
      const page = logical[k];
      if (page) {
        const key = `${k}@${left}`;
        let ref = contentRefs.get(key);
        if (!ref) {
          ref = stream(`q 1 0 0 1 ${num(left)} 0 cm\n${page.content()}\nQ`);
          contentRefs.set(key, ref);
        }
        contents.push(ref);
        for (const g of page.glyphs) glyphs.push({ ...g, page: pageIndex, x: g.x + left });
      }
      const decor = new Canvas(fonts, recordGlyphs);
      if (page) drawPageNumber(decor, doc, geom, k + 1, contentCount, lib);
      else drawBlankSideNote(decor, doc, geom, top, lib);
      marks.draw(decor, geom);
      if (decor.ops.length) {
        contents.push(stream(decor.content()));
        for (const g of decor.glyphs) glyphs.push({ ...g, page: pageIndex });
      }
      pageSpecs.push({ contents });
    }
  }

  // The page marks' forms draw text: they share the pages' resources (fonts).
  const resources = context.nextRef();
  for (const form of marks.forms()) {
    xobjects[form.name] = stream(form.canvas.content(), {
      Type: 'XObject',
      Subtype: 'Form',
      BBox: form.bbox.map(num).map(Number),
      Resources: resources,
    });
  }

  // Fonts are complete only now: every glyph of every page has been used.
  fonts.finish();
  const extGState = context.obj({
    GSwm: context.obj({ Type: 'ExtGState', ca: doc.watermark?.opacity ?? 0.12, CA: doc.watermark?.opacity ?? 0.12 }),
  });
  context.assign(
    resources,
    context.obj({
      ProcSet: ['PDF', 'Text', 'ImageB', 'ImageC'],
      Font: context.obj(fonts.resources()),
      XObject: context.obj(xobjects),
      ExtGState: extGState,
    }),
  );
  for (const spec of pageSpecs) {
    const p = pdf.addPage([pageW, pageH]);
    p.node.set(PDFName.of('Resources'), resources);
    p.node.set(PDFName.of('Contents'), context.obj(spec.contents));
  }

  pdf.setTitle(doc.meta.title, { showInWindowTitleBar: true });
  if (doc.meta.author) pdf.setAuthor(doc.meta.author);
  if (doc.meta.subject) pdf.setSubject(doc.meta.subject);
  if (doc.meta.keywords?.length) pdf.setKeywords([...doc.meta.keywords]);
  pdf.setCreator('zhicheng-docs');
  pdf.setProducer('zhicheng-docs');
  pdf.setCreationDate(doc.meta.createdAt);
  pdf.setModificationDate(doc.meta.createdAt);
  pdf.setLanguage('zh-CN');
  const prefs = pdf.catalog.getOrCreateViewerPreferences();
  prefs.setPrintScaling(PrintScaling.None);
  if (doc.duplex) prefs.setDuplex(Duplex.DuplexFlipLongEdge);
  if (doc.meta.title) prefs.setDisplayDocTitle(true);

  // No object streams: pdf-lib compresses them with pako, which costs more than the few bytes it saves here.
  // All objects in one go: by default pdf-lib waits for a timer every 50 objects (at least 1 ms each,
  // two or three times a review form) so as not to block a browser's page; a render thread has nothing to yield to.
  const bytes = await pdf.save({
    useObjectStreams: false,
    addDefaultPage: false,
    objectsPerTick: Number.POSITIVE_INFINITY,
  });
  return { bytes, glyphs };
}

/** Image blocks and pictures in table cells (the review form's photo), each embedded once. */
function* allImages(blocks: readonly Block[]): Generator<ImageBlock | CellImage> {
  for (const b of blocks) {
    if (b.type === 'image') yield b;
    if (b.type === 'table') for (const row of b.rows) for (const cell of row.cells) if (cell.image) yield cell.image;
  }
}
