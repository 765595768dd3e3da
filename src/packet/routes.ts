/**
 * POST /v1/packets/pdf  one applicant's print packet as one PDF
 * POST /v1/packets/zip  every generated document as PDF and DOCX, plus that PDF
 * POST /v1/packets/contents  what the packet would hold (JSON; see contents-route.ts)
 *
 * multipart/form-data: field `dossier` (JSON) and scans in fields item1 … item13.
 * The dossier must be valid for every form of the packet; the notice's rule
 * checks that are not hard errors appear on a cover sheet in front.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { runChecks } from '../domain/checks.js';
import { DossierSchema } from '../domain/dossier.js';
import { AppError, type Problem } from '../errors.js';
import type { FormDefinition } from '../forms/types.js';
import { contentDisposition } from '../http/content-disposition.js';
import type { FontServices } from '../http/fonts.js';
import { parseOrThrow, problemsError } from '../http/validate.js';
import type { RenderService } from '../render/pool.js';
import { catalogueDocument, dossierDocuments } from './contents.js';
import { registerPacketContents } from './contents-route.js';
import { buildPacketPdf, buildPacketZip, type PacketDeps, type PacketRequest } from './packet.js';
import type { ScanPool } from './scan-pool.js';
import { readPacketUpload, type UploadLimits } from './upload.js';

export interface PacketRoutesOptions {
  readonly forms: readonly FormDefinition[];
  readonly renderService: RenderService;
  readonly fonts: FontServices;
  readonly limits: UploadLimits;
  /** The worker threads that check uploads and make their pages. */
  readonly scanPool: ScanPool;
  readonly now?: () => Date;
}

export default async function packetRoutes(app: FastifyInstance, opts: PacketRoutesOptions): Promise<void> {
  registerPacketContents(app, opts.forms);
  const formatsOf = new Map(opts.forms.map((form) => [form.id, form.formats]));
  const deps: PacketDeps = {
    renderForm: (formId, format, input, options) => opts.renderService.renderForm(formId, format, input, options),
    forms: opts.forms,
  };

  const prepare = async (request: FastifyRequest) => {
    const upload = await readPacketUpload(request, opts.limits, opts.scanPool);
    const dossier = parseOrThrow(DossierSchema, upload.dossier, '/dossier');
    const catalogue = catalogueDocument(opts.forms);
    const documents = [...(catalogue ? [catalogue] : []), ...dossierDocuments(opts.forms, dossier, 'packet')];
    const problems: Problem[] = documents.flatMap((doc) =>
      doc.operations.requires(dossier).map((p) => ({ ...p, path: `/dossier${p.path}` })),
    );
    const unique = [...new Map(problems.map((p) => [`${p.path}|${p.code}`, p])).values()];
    if (unique.length > 0) throw problemsError(unique);
    const missing = await opts.fonts.findMissingGlyphs(dossier, '/dossier');
    if (missing.length > 0) throw new AppError('GLYPH_MISSING', { details: missing });
    // Info findings (e.g. the 答辩 exemption) are no reason for a cover sheet.
    const findings = runChecks(dossier).filter((finding) => finding.severity !== 'info');
    return { dossier, scans: upload.scans, findings, now: opts.now?.() ?? new Date() };
  };

  const formats = {
    pdf: { type: 'application/pdf', build: buildPacketPdf },
    zip: {
      type: 'application/zip',
      build: (packet: PacketRequest) => buildPacketZip(packet, deps, (formId) => formatsOf.get(formId) ?? []),
    },
  } as const;
  for (const [extension, format] of Object.entries(formats)) {
    app.post(`/v1/packets/${extension}`, { schema: { hide: true } }, async (request, reply) => {
      const packet = await prepare(request);
      const bytes = await format.build(packet, deps);
      const { name, idNumber } = packet.dossier.applicant;
      return reply
        .type(format.type)
        .header(
          'content-disposition',
          contentDisposition(`职称申报材料-${name}.${extension}`, `packet-${idNumber.slice(-4)}.${extension}`),
        )
        .header('cache-control', 'no-store')
        .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    });
  }
}
