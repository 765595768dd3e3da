/**
 * Assembles one print packet from PDFs we rendered and scans we were given.
 *
 * Every part starts on an odd page, so a double-sided print never puts the
 * first page of a document on the back of the previous one: a blank page is
 * inserted where needed. Each part gets an outline (bookmark) entry. Scans
 * arrive as clean A4 pages (scan-pages.ts, made in an upload worker) and are
 * copied like the rendered documents.
 */
import { PDFDocument, PDFHexString, PDFName, PDFNumber, type PDFRef, Duplex, PrintScaling } from 'pdf-lib';
import type { Scan } from './scans.js';

const MM = 72 / 25.4;
const A4 = { width: 210 * MM, height: 297 * MM };

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
    else await appendPdf(packet, part.scan.pdf); // clean A4 pages made by an upload worker
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
