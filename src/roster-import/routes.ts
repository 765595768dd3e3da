/**
 * GET /v1/roster-imports/template.xlsx: the template staff fill in.
 * POST /v1/roster-imports: a filled roster (multipart field `file`, or the raw
 * XLSX as the body) → dossiers plus per-row results; 200 even when some rows
 * fail, so the caller sees every row's problems at once.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, rosterEmptyError } from '../errors.js';
import { unknownField } from '../packet/multipart-bounds.js';
import { contentDisposition } from '../http/content-disposition.js';
import type { ImportOptions } from './import.js';
import { examplesOnMainSheet } from './examples.js';
import { importInProcess } from './in-process.js';
import { createRosterImportPool, DEFAULT_ISOLATION, type IsolationOptions } from './isolated.js';
import { DEFAULT_LIMITS, type RosterImportLimits } from './limits.js';
import { buildRosterTemplate } from './template.js';
import type { RosterImportResponse } from './schema.js';
import { XLSX_MEDIA_TYPE } from './workbook.js';

export interface RosterImportRoutesOptions {
  readonly limits?: Partial<RosterImportLimits>;
  /** Read each upload in a worker thread (default), or `false` to read it on the event loop. */
  readonly isolation?: Partial<IsolationOptions> | false;
  /** Imports running at once; one more is refused with 429. Default: the isolation's threads (2). */
  readonly maxConcurrent?: number;
}

const TEMPLATE_NAME = '申报人员花名册模板.xlsx';
const FILE_FIELD = 'file';

function uploadInvalid(zh: string, en: string, code = 'NO_FILE'): AppError {
  return new AppError('UPLOAD_INVALID', {
    zh,
    en,
    details: [{ path: `/${FILE_FIELD}`, code, message: zh, messageEn: en }],
  });
}

function tooLarge(limit: number): AppError {
  return uploadInvalid(
    `上传的文件超过 ${limit} 字节`,
    `The uploaded file is larger than ${limit} bytes`,
    'FILE_TOO_LARGE',
  );
}

/** The upload's bytes and name, from a multipart field `file` or a raw XLSX body. */
async function readUpload(
  request: FastifyRequest,
  maxFileBytes: number,
): Promise<{ bytes: Uint8Array; fileName?: string }> {
  if (Buffer.isBuffer(request.body)) return { bytes: request.body };
  if (!request.isMultipart()) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
      zh: `请以 multipart/form-data 上传，文件字段名为 ${FILE_FIELD}`,
      en: `Upload as multipart/form-data with the file in field "${FILE_FIELD}"`,
    });
  }
  let part: Awaited<ReturnType<FastifyRequest['file']>>;
  try {
    part = await request.file({ limits: { fileSize: maxFileBytes, files: 1 } });
  } catch (_cause) {
    throw uploadInvalid('无法读取上传的表单数据', 'The multipart body cannot be read', 'MULTIPART_INVALID');
  }
  // Non-file fields sent before the file; the workbook route takes none.
  const extra = Object.entries(part?.fields ?? {}).find(([, value]) =>
    [value].flat().some((entry) => (entry as { type?: string } | undefined)?.type === 'field'),
  )?.[0];
  if (extra !== undefined) throw unknownField(extra, [FILE_FIELD]);
  if (!part || part.fieldname !== FILE_FIELD) {
    throw uploadInvalid(
      `没有上传文件（字段名应为 ${FILE_FIELD}）`,
      `No file uploaded (expected field "${FILE_FIELD}")`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = await part.toBuffer();
  } catch (cause) {
    if ((cause as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxFileBytes);
    throw uploadInvalid('上传中断，文件不完整', 'The upload was cut short', 'MULTIPART_INVALID');
  }
  if (part.file.truncated) throw tooLarge(maxFileBytes);
  return { bytes, fileName: part.filename || undefined };
}

export default async function rosterImportRoutes(
  app: FastifyInstance,
  options: RosterImportRoutesOptions = {},
): Promise<void> {
  const limits: RosterImportLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const isolation = options.isolation === false ? undefined : { ...DEFAULT_ISOLATION, ...options.isolation };
  const maxConcurrent = Math.max(1, options.maxConcurrent ?? isolation?.threads ?? DEFAULT_ISOLATION.threads);
  let running = 0;
  const pool = isolation ? createRosterImportPool(isolation) : undefined;
  if (pool) app.addHook('onClose', async () => pool.close());
  const runImport = (bytes: Uint8Array, importOptions: ImportOptions) =>
    pool ? pool.run(bytes, importOptions) : importInProcess(bytes, importOptions);
  if (!app.hasContentTypeParser('multipart/form-data')) {
    await app.register(import('@fastify/multipart'), { limits: { fileSize: limits.maxFileBytes, files: 1 } });
  }
  // API clients may post the workbook itself as the body.
  if (!app.hasContentTypeParser(XLSX_MEDIA_TYPE)) {
    app.addContentTypeParser(
      XLSX_MEDIA_TYPE,
      { parseAs: 'buffer', bodyLimit: limits.maxFileBytes },
      (_request, body, done) => done(null, body),
    );
  }

  // Built once: the template only changes with the code.
  let template: Promise<Uint8Array> | undefined;

  app.get('/v1/roster-imports/template.xlsx', { schema: { hide: true } }, async (_request, reply) => {
    template ??= buildRosterTemplate();
    const bytes = await template.catch((error: unknown) => {
      template = undefined;
      throw error;
    });
    return reply
      .type(XLSX_MEDIA_TYPE)
      .header('content-disposition', contentDisposition(TEMPLATE_NAME, 'roster-template.xlsx'))
      .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  });

  app.post('/v1/roster-imports', { schema: { hide: true } }, async (request): Promise<RosterImportResponse> => {
    const upload = await readUpload(request, limits.maxFileBytes);
    if (running >= maxConcurrent) throw new AppError('TOO_MANY_REQUESTS');
    running++;
    let result: Awaited<ReturnType<typeof runImport>>;
    try {
      result = await runImport(upload.bytes, { limits, ...(upload.fileName ? { fileName: upload.fileName } : {}) });
    } finally {
      running--;
    }
    if (result.rows.length === 0) throw rosterEmptyError('/file', examplesOnMainSheet(result));
    const ok = result.rows.filter((row) => row.ok).length;
    return { ...result, summary: { total: result.rows.length, ok, failed: result.rows.length - ok } };
  });
}
