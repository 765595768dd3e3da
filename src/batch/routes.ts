/**
 * POST /v1/batches: many applicants → one ZIP, streamed while it is built.
 * Body: JSON `{ unit, dossiers }`, or the roster workbook (multipart field
 * `file`, optional field `unit` as JSON; or the XLSX itself as the body).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import type { FormDefinition } from '../forms/types.js';
import { contentDisposition } from '../http/content-disposition.js';
import type { FontServices } from '../http/fonts.js';
import type { RenderService } from '../render/pool.js';
import { XLSX_MEDIA_TYPE } from '../roster-import/index.js';
import { streamBatch, type BatchDeps } from './batch.js';
import { createRosterImportPool } from '../roster-import/isolated.js';
import { batchFromJson, batchFromWorkbook, type BatchInput, type RosterImporter } from './input.js';
import {
  checkDeclaredLength,
  limitError,
  type MultipartBounds,
  MultipartTally,
  partsLimits,
  unknownField,
  watchCutFields,
} from '../packet/multipart-bounds.js';

export interface BatchRoutesOptions {
  readonly forms: readonly FormDefinition[];
  readonly renderService: RenderService;
  readonly fonts: FontServices;
  readonly maxApplicants: number;
  readonly maxFileBytes: number;
  /** Bounds of a multipart request (the `unit` field obeys BODY_LIMIT); default from maxFileBytes alone. */
  readonly multipart?: MultipartBounds;
  /** Applicants rendered at once. */
  readonly concurrency: number;
  readonly now?: () => Date;
}

export default async function batchRoutes(app: FastifyInstance, opts: BatchRoutesOptions): Promise<void> {
  if (!app.hasContentTypeParser(XLSX_MEDIA_TYPE)) {
    app.addContentTypeParser(
      XLSX_MEDIA_TYPE,
      { parseAs: 'buffer', bodyLimit: opts.maxFileBytes },
      (_request, body, done) => done(null, body),
    );
  }
  const deps = batchDeps(opts);
  const importPool = createRosterImportPool();
  app.addHook('onClose', async () => importPool.close());
  const importer: RosterImporter = (bytes, options) => importPool.run(bytes, options);

  // A batch's JSON is larger than one dossier's: it takes the upload limit.
  app.post('/v1/batches', { schema: { hide: true }, bodyLimit: opts.maxFileBytes }, async (request, reply) => {
    const now = opts.now?.() ?? new Date();
    const input = await readBatch(request, opts, now, importer);
    const { stream, summary } = streamBatch({ ...input, now }, deps);
    summary.then(
      (result) =>
        request.log.info(
          { total: result.total, succeeded: result.succeeded, failed: result.failed.length },
          'batch written',
        ),
      (error: unknown) => request.log.error({ err: error }, 'batch failed while streaming'),
    );
    return reply
      .type('application/zip')
      .header(
        'content-disposition',
        contentDisposition(`职称申报批量文件${input.unit?.name ? `-${input.unit.name}` : ''}.zip`, 'batch.zip'),
      )
      .header('cache-control', 'no-store')
      .send(stream);
  });
}

export function batchDeps(
  opts: Pick<BatchRoutesOptions, 'forms' | 'renderService' | 'fonts' | 'concurrency'>,
): BatchDeps {
  return {
    // Batch documents take the batch lane: they wait behind single documents, never starve them.
    renderForm: (formId, format, input, options) =>
      opts.renderService.renderForm(formId, format, input, options, 'batch'),
    forms: opts.forms,
    findMissingGlyphs: (dossier) => opts.fonts.findMissingGlyphs(dossier),
    concurrency: opts.concurrency,
  };
}

async function readBatch(
  request: FastifyRequest,
  opts: BatchRoutesOptions,
  now: Date,
  importer: RosterImporter,
): Promise<BatchInput> {
  const limits = { maxApplicants: opts.maxApplicants, now, importer };
  if (Buffer.isBuffer(request.body)) return batchFromWorkbook(request.body, limits);
  if (!request.isMultipart()) {
    if (request.body === undefined || request.body === null) {
      throw new AppError('MALFORMED_JSON', { zh: '请求体为空', en: 'The request body is empty' });
    }
    return batchFromJson(request.body, opts.maxApplicants);
  }
  const bounds: MultipartBounds = opts.multipart ?? {
    fieldBytes: opts.maxFileBytes,
    fieldsTotal: opts.maxFileBytes,
    requestBytes: opts.maxFileBytes,
    fileBytes: opts.maxFileBytes,
    files: 1,
  };
  checkDeclaredLength(request, bounds);
  const tally = new MultipartTally(bounds);
  let file: { bytes: Uint8Array; fileName: string } | undefined;
  let unit: unknown;
  const cut = watchCutFields(request);
  try {
    for await (const part of request.parts({
      limits: { ...partsLimits(bounds), fileSize: opts.maxFileBytes, files: 1 },
    })) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer().catch((error: { code?: string }) => {
          if (error.code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(opts.maxFileBytes);
          throw error;
        });
        if (part.file.truncated) throw tooLarge(opts.maxFileBytes);
        tally.file(bytes.length);
        file = { bytes, fileName: part.filename || 'roster.xlsx' };
      } else if (part.fieldname === 'unit') {
        tally.field(part);
        // A field sent with Content-Type application/json arrives parsed.
        unit = typeof part.value === 'string' ? parseUnit(part.value) : part.value;
      } else {
        throw unknownField(part.fieldname, ['file', 'unit']);
      }
    }
  } catch (error) {
    throw limitError(error, bounds, cut) ?? error;
  }
  if (!file) {
    throw new AppError('UPLOAD_INVALID', {
      zh: '没有上传花名册文件（字段名应为 file）',
      en: 'No roster file uploaded (expected field "file")',
      details: [{ path: '/file', code: 'NO_FILE', message: '没有上传文件', messageEn: 'No file uploaded' }],
    });
  }
  return batchFromWorkbook(file.bytes, { ...limits, fileName: file.fileName, ...(unit === undefined ? {} : { unit }) });
}

function parseUnit(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('MALFORMED_JSON', { zh: '字段 unit 不是合法的 JSON', en: 'The field "unit" is not valid JSON' });
  }
}

function tooLarge(limit: number): AppError {
  return new AppError('BODY_TOO_LARGE', {
    zh: `上传的文件超过 ${limit} 字节`,
    en: `The uploaded file is larger than ${limit} bytes`,
  });
}
