/**
 * Assembles one print packet from PDFs we rendered and scans we were given.
 *
 * Every part starts on an odd page, so a double-sided print never puts the
 * first page of a document on the back of the previous one: a blank page is
 * inserted where needed. Each part gets an outline (bookmark) entry; parts of
 * one group (a catalogue item) are nested under one bookmark for the group.
 * Scans arrive as clean A4 pages, already placed inside their white border
 * (made in an upload worker, scan-pages.ts: EXIF orientation applied, JPEGs
 * embedded as they are), and are copied as they are; the small label naming
 * their catalogue item ("材料6 身份证复印件 1/2") sits in the top border, in
 * the safe zone (≥ 5 mm from the edge), without covering the scan.
 */
import {
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  type PDFPage,
  type PDFRef,
  Duplex,
  PrintScaling,
} from 'pdf-lib';
import { A4, SCAN_MARGIN } from './scan-geometry.js';
import type { Scan } from './scans.js';

/** The strip of a label page drawn onto a scan page: the top border, above the scan. */
const LABEL_STRIP = { width: A4.width, height: SCAN_MARGIN };

interface PartCommon {
  readonly title: string;
  /** Parts of one group (a catalogue item) nest under one bookmark titled with the group. */
  readonly group?: string;
}

export type PacketPart =
  | (PartCommon & { readonly pdf: Uint8Array })
  | (PartCommon & {
      readonly scan: Scan;
      /** Printed on each scan page with its number among the pages of the same label: "材料6 身份证复印件 1/2". */
      readonly label?: string;
    });

/** Renders label texts as a PDF, one A4 portrait page each, the text inside its top LABEL_STRIP. */
type RenderLabels = (texts: readonly string[]) => Promise<Uint8Array>;

export interface PacketMeta {
  readonly title: string;
  readonly createdAt: Date;
  /** Without it scan pages carry no label. */
  readonly renderLabels?: RenderLabels;
}

interface PartStart {
  readonly title: string;
  readonly group?: string;
  readonly page: number;
}

export interface AssembledPacket {
  readonly bytes: Uint8Array;
  readonly pageCount: number;
  /** First page (1-based) of each part, in order. */
  readonly starts: readonly PartStart[];
}

export async function assemblePacket(parts: readonly PacketPart[], meta: PacketMeta): Promise<AssembledPacket> {
  const packet = await PDFDocument.create({ updateMetadata: false });
  const starts: PartStart[] = [];
  const labelled: { page: PDFPage; label: string }[] = [];
  for (const part of parts) {
    if (packet.getPageCount() % 2 === 1) packet.addPage([A4.width, A4.height]);
    starts.push({ title: part.title, ...(part.group ? { group: part.group } : {}), page: packet.getPageCount() + 1 });
    if ('pdf' in part) {
      await appendPdf(packet, part.pdf);
      continue;
    }
    const before = packet.getPageCount();
    await appendPdf(packet, part.scan.pdf); // clean A4 pages made by an upload worker (scan-pages.ts)
    const label = part.label;
    if (label !== undefined) for (const page of packet.getPages().slice(before)) labelled.push({ page, label });
  }
  if (packet.getPageCount() % 2 === 1) packet.addPage([A4.width, A4.height]);
  if (meta.renderLabels && labelled.length > 0) await drawLabels(packet, labelled, meta.renderLabels);
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

/** Each labelled page gets the top strip of its label page, centred across the page's width. */
async function drawLabels(
  packet: PDFDocument,
  labelled: readonly { page: PDFPage; label: string }[],
  renderLabels: RenderLabels,
): Promise<void> {
  const totals = new Map<string, number>();
  for (const { label } of labelled) totals.set(label, (totals.get(label) ?? 0) + 1);
  const seen = new Map<string, number>();
  const texts = labelled.map(({ label }) => {
    const number = (seen.get(label) ?? 0) + 1;
    seen.set(label, number);
    return `${label} ${number}/${totals.get(label)}`;
  });
  const labels = await PDFDocument.load(await renderLabels(texts), { updateMetadata: false });
  const strip = { left: 0, right: LABEL_STRIP.width, top: A4.height, bottom: A4.height - LABEL_STRIP.height };
  for (const [index, { page }] of labelled.entries()) {
    const source = labels.getPage(index);
    const embedded = await packet.embedPage(source, strip);
    const { width, height } = page.getSize();
    page.drawPage(embedded, { x: (width - LABEL_STRIP.width) / 2, y: height - LABEL_STRIP.height });
  }
}

interface OutlineNode {
  readonly title: string;
  readonly page: number;
  readonly children: OutlineNode[];
}

/** Parts in order; consecutive parts of one group become the children of one node. */
function outlineTree(starts: readonly PartStart[]): OutlineNode[] {
  const nodes: OutlineNode[] = [];
  let group: { name: string; node: OutlineNode } | undefined;
  for (const start of starts) {
    const leaf: OutlineNode = { title: start.title, page: start.page, children: [] };
    if (start.group === undefined) {
      group = undefined;
      nodes.push(leaf);
      continue;
    }
    if (group?.name !== start.group) {
      group = { name: start.group, node: { title: start.group, page: start.page, children: [] } };
      nodes.push(group.node);
    }
    group.node.children.push(leaf);
  }
  return nodes;
}

function addOutline(packet: PDFDocument, starts: readonly PartStart[]): void {
  const tree = outlineTree(starts);
  if (tree.length === 0) return;
  const context = packet.context;
  const pages = packet.getPages();
  const outlineRef = context.nextRef();
  /** Writes the items of one level under `parent`; returns their refs and how many items are open below. */
  const writeLevel = (nodes: readonly OutlineNode[], parent: PDFRef): { refs: PDFRef[]; count: number } => {
    const refs = nodes.map(() => context.nextRef());
    let count = nodes.length;
    nodes.forEach((node, index) => {
      const item = context.obj({
        Title: PDFHexString.fromText(node.title),
        Parent: parent,
        Dest: [pages[node.page - 1]!.ref, 'Fit'],
      });
      if (index > 0) item.set(PDFName.of('Prev'), refs[index - 1]!);
      if (index < refs.length - 1) item.set(PDFName.of('Next'), refs[index + 1]!);
      if (node.children.length > 0) {
        const below = writeLevel(node.children, refs[index]!);
        item.set(PDFName.of('First'), below.refs[0]!);
        item.set(PDFName.of('Last'), below.refs[below.refs.length - 1]!);
        // Positive: the item shows its children open in the viewer's bookmark pane.
        item.set(PDFName.of('Count'), PDFNumber.of(below.count));
        count += below.count;
      }
      context.assign(refs[index]!, item);
    });
    return { refs, count };
  };
  const top = writeLevel(tree, outlineRef);
  context.assign(
    outlineRef,
    context.obj({
      Type: 'Outlines',
      First: top.refs[0]!,
      Last: top.refs[top.refs.length - 1]!,
      Count: PDFNumber.of(top.count),
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
