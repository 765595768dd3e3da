/**
 * One applicant's print packet: the catalogue, the generated documents and the
 * scans, merged into one PDF for a double-sided printer, or zipped as separate
 * PDF and DOCX files.
 */
import yazl from 'yazl';
import type { Finding } from '../domain/checks.js';
import type { Dossier } from '../domain/dossier.js';
import type { FormDefinition, Format } from '../forms/types.js';
import { render, type RenderedFile } from '../render/index.js';
import type { PacketPart } from './assemble.js';
import {
  CATALOGUE_ITEM_COUNT,
  catalogueDocument,
  catalogueItemName,
  dossierDocuments,
  type ItemContents,
  itemContents,
  missingMaterialFindings,
  orderScans,
  type PacketDocument,
  packetMaterials,
  scansPerItem,
} from './contents.js';
import { scanLabel, scanLabelDocument } from './scan-labels.js';
import { buildCoverSheet } from './cover-sheet.js';
import type { Scan } from './scans.js';

/** Renders one form for a validated input (through the service's limits and workers). */
export type RenderForm = (
  formId: string,
  format: Format,
  input: unknown,
  options: Readonly<Record<string, unknown>>,
) => Promise<RenderedFile>;

export interface PacketRequest {
  readonly dossier: Dossier;
  readonly scans: readonly Scan[];
  /** Findings of the rule checks (missing material is added here); any finding puts a cover sheet in front. */
  readonly findings: readonly Finding[];
  readonly now: Date;
}

export interface PacketDeps {
  readonly renderForm: RenderForm;
  /** The forms: a packet holds those whose declaration puts them in packets. */
  readonly forms: readonly FormDefinition[];
}

interface GeneratedDocument {
  readonly formId: string;
  readonly title: string;
  readonly fileName: string;
  /** Catalogue item, or null for 附件6 itself (first). */
  readonly item: number | null;
  readonly input: unknown;
  readonly options: Readonly<Record<string, unknown>>;
}

/** What one packet holds, item by item, and the warnings for required items it lacks. */
export function packetPlan(
  forms: readonly FormDefinition[],
  dossier: Dossier,
  scans: Readonly<Record<number, number>>,
): { documents: PacketDocument[]; items: ItemContents[]; missing: Finding[] } {
  const documents = dossierDocuments(forms, dossier, 'packet');
  const items = itemContents(dossier, documents, scans);
  return { documents, items, missing: missingMaterialFindings(items, 'packet') };
}

/** The catalogue (with counts of what the packet holds) and the documents, in catalogue order. */
function generatedDocuments(request: PacketRequest, deps: PacketDeps): GeneratedDocument[] {
  const { documents, items } = packetPlan(deps.forms, request.dossier, scansPerItem(request.scans));
  const catalogueInput: Dossier = { ...request.dossier, materials: packetMaterials(items) };
  const catalogue = catalogueDocument(deps.forms);
  return [
    ...(catalogue ? [{ ...catalogue, input: catalogueInput }] : []),
    ...documents.map((doc) => ({ ...doc, input: request.dossier })),
  ].map((doc) => ({
    formId: doc.formId,
    title: doc.title,
    fileName: doc.operations.fileName(doc.input),
    item: doc.item,
    input: doc.input,
    options: doc.options,
  }));
}

/** All findings of a packet: the rule checks' and the missing material. */
function packetFindings(request: PacketRequest, deps: PacketDeps): Finding[] {
  const { missing } = packetPlan(deps.forms, request.dossier, scansPerItem(request.scans));
  return [...request.findings, ...missing];
}

export async function buildPacketPdf(request: PacketRequest, deps: PacketDeps): Promise<Uint8Array> {
  const documents = generatedDocuments(request, deps);
  const pdfs = await Promise.all(documents.map((doc) => deps.renderForm(doc.formId, 'pdf', doc.input, doc.options)));
  return mergePacket(request, deps, documents, pdfs);
}

/** The cover sheet (when there are findings), then the rendered documents and scans item by item. */
async function mergePacket(
  request: PacketRequest,
  deps: PacketDeps,
  documents: readonly GeneratedDocument[],
  pdfs: readonly RenderedFile[],
): Promise<Uint8Array> {
  const findings = packetFindings(request, deps);
  const cover =
    findings.length > 0
      ? await render(buildCoverSheet(request.dossier.applicant.name, findings, request.now), 'pdf')
      : undefined;
  const rendered = documents.map((doc, index) => ({ title: doc.title, item: doc.item, pdf: pdfs[index]!.bytes }));
  return mergePrintFile({
    title: `职称申报材料-${request.dossier.applicant.name}`,
    createdAt: request.now,
    ...(cover ? { cover: cover.bytes } : {}),
    documents: rendered,
    scans: request.scans,
  });
}

export interface PrintFile {
  readonly title: string;
  readonly createdAt: Date;
  /** A page or two in front that is not part of the materials (the findings). */
  readonly cover?: Uint8Array;
  /** Rendered documents; item null ones (附件6) come first. */
  readonly documents: readonly { readonly title: string; readonly item: number | null; readonly pdf: Uint8Array }[];
  readonly scans: readonly Scan[];
}

/**
 * One PDF for a double-sided printer, in the catalogue's order: items 1→13,
 * each item's documents followed by its scans, all under one bookmark per item;
 * each scan page labelled with its item. Used for packets and batch print files.
 */
export async function mergePrintFile(file: PrintFile): Promise<Uint8Array> {
  const parts: PacketPart[] = file.cover ? [{ title: '检查提示（不属于申报材料）', pdf: file.cover }] : [];
  for (const doc of file.documents.filter((candidate) => candidate.item === null))
    parts.push({ title: doc.title, pdf: doc.pdf });
  const scans = orderScans(file.scans);
  for (let item = 1; item <= CATALOGUE_ITEM_COUNT; item++) {
    const name = catalogueItemName(item);
    const group = `${item} ${name}`;
    for (const doc of file.documents.filter((candidate) => candidate.item === item))
      parts.push({ title: doc.title, pdf: doc.pdf, group });
    for (const scan of scans.filter((candidate) => candidate.item === item))
      parts.push({ title: scan.fileName, scan, group, label: scanLabel(item, name) });
  }
  // Loaded on first use: pdf-lib is only needed once a packet is merged, not to start the service.
  const { assemblePacket } = await import('./assemble.js');
  const packet = await assemblePacket(parts, {
    title: file.title,
    createdAt: file.createdAt,
    renderLabels: async (texts) => (await render(scanLabelDocument(texts, file.createdAt), 'pdf')).bytes,
  });
  return packet.bytes;
}

/** Every generated document as PDF and DOCX (where the form has DOCX), plus the merged packet made from the same PDFs. */
export async function buildPacketZip(
  request: PacketRequest,
  deps: PacketDeps,
  formatsOf: (formId: string) => readonly Format[],
): Promise<Uint8Array> {
  const documents = generatedDocuments(request, deps);
  const withDocx = documents.filter((doc) => formatsOf(doc.formId).includes('docx'));
  const [pdfs, docxs] = await Promise.all([
    Promise.all(documents.map((doc) => deps.renderForm(doc.formId, 'pdf', doc.input, doc.options))),
    Promise.all(withDocx.map((doc) => deps.renderForm(doc.formId, 'docx', doc.input, doc.options))),
  ]);
  const merged = await mergePacket(request, deps, documents, pdfs);
  const zip = new yazl.ZipFile();
  const mtime = request.now;
  const folder = `${request.dossier.applicant.name}-${request.dossier.applicant.idNumber.slice(-4)}`;
  // PDF and DOCX are compressed inside already; deflating them again costs CPU for nothing.
  zip.addBuffer(Buffer.from(merged), `${folder}/${folder}-打印合订本.pdf`, { mtime, compress: false });
  documents.forEach((doc, index) => {
    zip.addBuffer(Buffer.from(pdfs[index]!.bytes), `${folder}/${doc.fileName}.pdf`, { mtime, compress: false });
  });
  withDocx.forEach((doc, index) => {
    zip.addBuffer(Buffer.from(docxs[index]!.bytes), `${folder}/${doc.fileName}.docx`, { mtime, compress: false });
  });
  zip.end();
  return streamToBytes(zip.outputStream);
}

async function streamToBytes(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}
