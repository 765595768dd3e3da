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
import { assemblePacket, type PacketPart } from './assemble.js';
import {
  catalogueDocument,
  catalogueItemName,
  dossierDocuments,
  orderScans,
  packetMaterials,
  type PacketDocument,
} from './contents.js';
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
  /** Findings of the rule checks; any finding puts a cover sheet in front. */
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
  readonly input: unknown;
  readonly options: Readonly<Record<string, unknown>>;
}

/** The catalogue (with counts of what the packet holds) and the documents, in print order. */
function generatedDocuments(request: PacketRequest, deps: PacketDeps): GeneratedDocument[] {
  const documents: PacketDocument[] = dossierDocuments(deps.forms, request.dossier, 'packet');
  const catalogueInput: Dossier = { ...request.dossier, materials: packetMaterials(documents, request.scans) };
  const catalogue = catalogueDocument(deps.forms);
  return [
    ...(catalogue ? [{ ...catalogue, input: catalogueInput }] : []),
    ...documents.map((doc) => ({ ...doc, input: request.dossier })),
  ].map((doc) => ({
    formId: doc.formId,
    title: doc.title,
    fileName: doc.operations.fileName(doc.input),
    input: doc.input,
    options: doc.options,
  }));
}

export async function buildPacketPdf(request: PacketRequest, deps: PacketDeps): Promise<Uint8Array> {
  const documents = generatedDocuments(request, deps);
  const pdfs = await Promise.all(documents.map((doc) => deps.renderForm(doc.formId, 'pdf', doc.input, doc.options)));
  return mergePacket(request, documents, pdfs);
}

/** The cover sheet (when there are findings), the rendered documents and the scans as one PDF. */
async function mergePacket(
  request: PacketRequest,
  documents: readonly GeneratedDocument[],
  pdfs: readonly RenderedFile[],
): Promise<Uint8Array> {
  const cover =
    request.findings.length > 0
      ? await render(buildCoverSheet(request.dossier.applicant.name, request.findings, request.now), 'pdf')
      : undefined;
  const parts: PacketPart[] = [
    ...(cover ? [{ title: '检查提示', pdf: cover.bytes }] : []),
    ...documents.map((doc, index) => ({ title: doc.title, pdf: pdfs[index]!.bytes })),
    ...orderScans(request.scans).map((scan) => ({ title: `${catalogueItemName(scan.item)}：${scan.fileName}`, scan })),
  ];
  const packet = await assemblePacket(parts, {
    title: `职称申报材料-${request.dossier.applicant.name}`,
    createdAt: request.now,
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
  const merged = await mergePacket(request, documents, pdfs);
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
