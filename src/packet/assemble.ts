/**
 * Assembles one print packet from PDFs we rendered and scans we were given.
 *
 * Every part starts on an odd page, so a double-sided print never puts the
 * first page of a document on the back of the previous one: a blank page is
 * inserted where needed. Each part gets an outline (bookmark) entry. Scans are
 * fitted to A4 with their EXIF orientation applied; JPEGs are embedded as they
 * are (no recompression).
 */
import exifr from 'exifr';
import {
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  type PDFPage,
  type PDFRef,
  Duplex,
  PrintScaling,
  concatTransformationMatrix,
  drawObject,
  popGraphicsState,
  pushGraphicsState,
} from 'pdf-lib';
import type { Scan } from './scans.js';

const MM = 72 / 25.4;
const A4 = { width: 210 * MM, height: 297 * MM };
/** White border around a scan on its page. */
const SCAN_MARGIN = 10 * MM;
/** Pages within this fraction of A4 (either way round) are copied as they are. */
const A4_TOLERANCE = 0.03;

export type PacketPart =
  | { readonly title: string; readonly pdf: Uint8Array }
  | { readonly title: string; readonly scan: Scan };

export interface PacketMeta {
  readonly title: string;
  readonly createdAt: Date;
}

export interface AssembledPacket {
  readonly bytes: Uint8Array;
  readonly pageCount: number;
  /** First page (1-based) of each part, in order. */
  readonly starts: readonly { readonly title: string; readonly page: number }[];
}

export async function assemblePacket(parts: readonly PacketPart[], meta: PacketMeta): Promise<AssembledPacket> {
  const packet = await PDFDocument.create({ updateMetadata: false });
  const starts: { title: string; page: number }[] = [];
  for (const part of parts) {
    if (packet.getPageCount() % 2 === 1) packet.addPage([A4.width, A4.height]);
    starts.push({ title: part.title, page: packet.getPageCount() + 1 });
    if ('pdf' in part) await appendPdf(packet, part.pdf);
    else if (part.scan.kind === 'pdf') await appendPdfScan(packet, part.scan.bytes);
    else await appendImage(packet, part.scan);
  }
  if (packet.getPageCount() % 2 === 1) packet.addPage([A4.width, A4.height]);
  addOutline(packet, starts);
  setMetadata(packet, meta);
  const bytes = await packet.save({ useObjectStreams: true });
  return { bytes, pageCount: packet.getPageCount(), starts };
}

async function appendPdf(packet: PDFDocument, bytes: Uint8Array): Promise<void> {
  const source = await PDFDocument.load(bytes, { updateMetadata: false });
  const pages = await packet.copyPages(source, source.getPageIndices());
  for (const page of pages) packet.addPage(page);
}

/** Uploaded PDF pages: A4 pages are copied; other sizes are scaled onto A4. */
async function appendPdfScan(packet: PDFDocument, bytes: Uint8Array): Promise<void> {
  const source = await PDFDocument.load(bytes, { updateMetadata: false });
  const copied = await packet.copyPages(source, source.getPageIndices());
  for (const page of copied) {
    const { width, height } = page.getSize();
    if (isA4(width, height)) {
      packet.addPage(page);
      continue;
    }
    const embedded = await packet.embedPage(page);
    const landscape = width > height;
    const target = packet.addPage(landscape ? [A4.height, A4.width] : [A4.width, A4.height]);
    const box = fit(width, height, target);
    target.drawPage(embedded, { x: box.x, y: box.y, xScale: box.scale, yScale: box.scale });
  }
}

async function appendImage(packet: PDFDocument, scan: Scan): Promise<void> {
  // pdf-lib reads images through a DataView of the whole underlying buffer, ignoring
  // byteOffset, so a Buffer that is a view into a larger pool must be copied first.
  const bytes = new Uint8Array(scan.bytes);
  const image = scan.kind === 'jpeg' ? await packet.embedJpg(bytes) : await packet.embedPng(bytes);
  const orientation = scan.kind === 'jpeg' ? await readOrientation(bytes) : 1;
  const turned = orientation >= 5; // 5–8 swap width and height
  const shownWidth = turned ? image.height : image.width;
  const shownHeight = turned ? image.width : image.height;
  const page = packet.addPage(shownWidth > shownHeight ? [A4.height, A4.width] : [A4.width, A4.height]);
  const box = fit(shownWidth, shownHeight, page);
  const matrix = orientationMatrix(orientation, image.width, image.height, box);
  const name = page.node.newXObject('Image', image.ref);
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(...matrix), drawObject(name), popGraphicsState());
}

async function readOrientation(bytes: Uint8Array): Promise<number> {
  try {
    const value = await exifr.orientation(Buffer.from(bytes));
    return typeof value === 'number' && value >= 1 && value <= 8 ? value : 1;
  } catch {
    return 1;
  }
}

interface Box {
  readonly x: number;
  readonly y: number;
  readonly scale: number;
}

function fit(width: number, height: number, page: PDFPage): Box {
  const { width: pageWidth, height: pageHeight } = page.getSize();
  const scale = Math.min((pageWidth - 2 * SCAN_MARGIN) / width, (pageHeight - 2 * SCAN_MARGIN) / height);
  return { scale, x: (pageWidth - width * scale) / 2, y: (pageHeight - height * scale) / 2 };
}

type Matrix = [number, number, number, number, number, number];

/**
 * The transformation from the image's unit square to the page that shows the
 * image the way EXIF orientation `o` says it should be seen, inside `box`.
 * Derived from where three corners of the stored image land when displayed.
 */
export function orientationMatrix(o: number, width: number, height: number, box: Box): Matrix {
  const turned = o >= 5;
  const shownHeight = turned ? width : height;
  // Stored pixel (px, py), top-down, → displayed pixel (dx, dy), top-down.
  const display = (px: number, py: number): [number, number] => {
    switch (o) {
      case 2:
        return [width - px, py];
      case 3:
        return [width - px, height - py];
      case 4:
        return [px, height - py];
      case 5:
        return [py, px];
      case 6:
        return [height - py, px];
      case 7:
        return [height - py, width - px];
      case 8:
        return [py, width - px];
      default:
        return [px, py];
    }
  };
  // Unit square (u, v), v up, with the image's top row at v = 1 → page point.
  const toPage = (u: number, v: number): [number, number] => {
    const [dx, dy] = display(u * width, (1 - v) * height);
    return [box.x + dx * box.scale, box.y + (shownHeight - dy) * box.scale];
  };
  const [e, f] = toPage(0, 0);
  const [ux, uy] = toPage(1, 0);
  const [vx, vy] = toPage(0, 1);
  return [ux - e, uy - f, vx - e, vy - f, e, f];
}

function isA4(width: number, height: number): boolean {
  const [short, long] = width < height ? [width, height] : [height, width];
  return Math.abs(short / A4.width - 1) <= A4_TOLERANCE && Math.abs(long / A4.height - 1) <= A4_TOLERANCE;
}

function addOutline(packet: PDFDocument, starts: readonly { title: string; page: number }[]): void {
  if (starts.length === 0) return;
  const context = packet.context;
  const pages = packet.getPages();
  const outlineRef = context.nextRef();
  const itemRefs: PDFRef[] = starts.map(() => context.nextRef());
  starts.forEach((start, index) => {
    const item = context.obj({
      Title: PDFHexString.fromText(start.title),
      Parent: outlineRef,
      Dest: [pages[start.page - 1]!.ref, 'Fit'],
    });
    if (index > 0) item.set(PDFName.of('Prev'), itemRefs[index - 1]!);
    if (index < itemRefs.length - 1) item.set(PDFName.of('Next'), itemRefs[index + 1]!);
    context.assign(itemRefs[index]!, item);
  });
  context.assign(
    outlineRef,
    context.obj({
      Type: 'Outlines',
      First: itemRefs[0]!,
      Last: itemRefs[itemRefs.length - 1]!,
      Count: PDFNumber.of(starts.length),
    }),
  );
  packet.catalog.set(PDFName.of('Outlines'), outlineRef);
  packet.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

function setMetadata(packet: PDFDocument, meta: PacketMeta): void {
  packet.setTitle(meta.title, { showInWindowTitleBar: true });
  packet.setCreator('zhicheng-docs');
  packet.setProducer('zhicheng-docs');
  packet.setCreationDate(meta.createdAt);
  packet.setModificationDate(meta.createdAt);
  packet.setLanguage('zh-CN');
  const preferences = packet.catalog.getOrCreateViewerPreferences();
  preferences.setDuplex(Duplex.DuplexFlipLongEdge);
  preferences.setPrintScaling(PrintScaling.None);
}
