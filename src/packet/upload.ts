/**
 * Reads a packet request (multipart/form-data): the field `dossier` (JSON) and
 * scanned files in fields named after their catalogue item, `item1` … `item13`.
 * Every limit is enforced while reading, so an oversized upload stops early;
 * each file is then checked and turned into clean pages in an upload worker
 * thread, one after another, against the request's decoded-image budget.
 */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { CATALOGUE_ITEM_COUNT } from './contents.js';
import {
  checkDeclaredLength,
  limitError,
  type MultipartBounds,
  fieldTooLarge,
  MultipartTally,
  partsLimits,
  unknownField,
  watchCutFields,
} from './multipart-bounds.js';
import type { ScanPool } from './scan-pool.js';
import type { Scan, ScanLimits, UploadedFile } from './scans.js';
import { uploadError } from './upload-error.js';

export interface UploadLimits extends ScanLimits, MultipartBounds {
  /** Decoded size of all images of one request together, in bytes. */
  readonly requestImageBytes: number;
}

export interface PacketUpload {
  /** The `dossier` field parsed as JSON (not yet validated). */
  readonly dossier: unknown;
  readonly scans: readonly Scan[];
}

const ITEM_FIELD = /^item(\d{1,2})$/;
const DOSSIER_FIELD = 'dossier';

export async function readPacketUpload(
  request: FastifyRequest,
  limits: UploadLimits,
  pool: ScanPool,
): Promise<PacketUpload> {
  if (!request.isMultipart()) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
      zh: '请以 multipart/form-data 提交：字段 dossier 为申报人档案 JSON，扫描件放在字段 item1 … item13',
      en: 'Send multipart/form-data: field "dossier" holds the dossier JSON, scans go in fields item1 … item13',
    });
  }
  checkDeclaredLength(request, limits);
  const tally = new MultipartTally(limits);
  let dossierField: { value: unknown } | undefined;
  const files: UploadedFile[] = [];
  const cut = watchCutFields(request);
  try {
    for await (const part of request.parts({ limits: partsLimits(limits) })) {
      if (part.type === 'field') {
        if (part.fieldname !== DOSSIER_FIELD) throw unknownField(part.fieldname, [DOSSIER_FIELD, 'item1 … item13']);
        tally.field(part);
        dossierField = { value: part.value };
        continue;
      }
      if (part.fieldname === DOSSIER_FIELD) {
        // The dossier attached as a file (curl -F dossier=@a.json, a browser's FormData with a Blob, Python's
        // files=): read as the text field it stands for, under the same bound.
        const value = await dossierFileText(part, limits);
        tally.field({ fieldname: DOSSIER_FIELD, value, valueTruncated: false });
        dossierField = { value };
        continue;
      }
      const fileName = part.filename || part.fieldname;
      const path = `/files/${part.fieldname}/${fileName}`;
      const item = itemNumber(part.fieldname);
      if (item === undefined) {
        throw uploadError(
          { fileName, path },
          `的字段名 ${part.fieldname} 无效，应为 item1 … item${CATALOGUE_ITEM_COUNT}（材料目录序号）`,
          `it is in field "${part.fieldname}"; use item1 … item${CATALOGUE_ITEM_COUNT} (the catalogue item number)`,
          'UPLOAD_FIELD',
        );
      }
      const bytes = await readFile(part, { fileName, path }, limits.fileBytes);
      tally.file(bytes.length);
      files.push({ item, fileName, bytes, path });
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_FILES_LIMIT') {
      throw new AppError('UPLOAD_INVALID', {
        zh: `一次最多上传 ${limits.files} 个文件`,
        en: `At most ${limits.files} files can be uploaded at once`,
        details: [
          {
            path: '/files',
            code: 'UPLOAD_TOO_MANY_FILES',
            message: `一次最多上传 ${limits.files} 个文件`,
            messageEn: `At most ${limits.files} files per request`,
          },
        ],
      });
    }
    throw (
      limitError(error, limits, cut) ??
      new AppError('BAD_REQUEST', {
        zh: '无法读取上传的表单数据',
        en: 'The multipart body cannot be read',
        cause: error,
      })
    );
  }
  if (dossierField === undefined) {
    throw new AppError('VALIDATION_FAILED', {
      zh: '缺少字段 dossier（申报人档案 JSON）',
      en: 'The field "dossier" (the dossier JSON) is missing',
      details: [{ path: '/dossier', code: 'REQUIRED', message: '必填项缺失', messageEn: 'This field is required' }],
    });
  }
  // A field sent with Content-Type application/json arrives parsed; plain text arrives as a string.
  const dossier = typeof dossierField.value === 'string' ? parseJson(dossierField.value) : dossierField.value;
  const scans: Scan[] = [];
  let imageBudget = limits.requestImageBytes;
  for (const file of files) {
    const scan = await pool.inspect(file, limits, imageBudget);
    imageBudget -= scan.imageBytes;
    scans.push(scan);
  }
  return { dossier, scans };
}

function itemNumber(field: string): number | undefined {
  const match = ITEM_FIELD.exec(field);
  const item = match ? Number(match[1]) : Number.NaN;
  return item >= 1 && item <= CATALOGUE_ITEM_COUNT ? item : undefined;
}

async function readFile(
  part: { toBuffer(): Promise<Buffer>; file: { truncated: boolean } },
  file: Pick<UploadedFile, 'fileName' | 'path'>,
  limit: number,
): Promise<Buffer> {
  const tooLarge = () =>
    uploadError(
      file,
      `超过单个文件上限 UPLOAD_FILE_LIMIT（${limit} 字节）`,
      `it is larger than UPLOAD_FILE_LIMIT (${limit} bytes)`,
      'UPLOAD_TOO_LARGE',
    );
  let bytes: Buffer;
  try {
    bytes = await part.toBuffer();
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw error;
  }
  if (part.file.truncated) throw tooLarge();
  return bytes;
}

/** A file part holding the dossier, as text: at most BODY_LIMIT bytes of UTF-8, like the field. */
async function dossierFileText(
  part: { toBuffer(): Promise<Buffer>; file: { truncated: boolean } },
  limits: UploadLimits,
): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await part.toBuffer();
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw fieldTooLarge(DOSSIER_FIELD, limits);
    throw error;
  }
  if (part.file.truncated || bytes.length > limits.fieldBytes) throw fieldTooLarge(DOSSIER_FIELD, limits);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new AppError('MALFORMED_JSON', {
      zh: '字段 dossier 不是 UTF-8 编码的 JSON',
      en: 'The field "dossier" is not JSON in UTF-8',
    });
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('MALFORMED_JSON', {
      zh: '字段 dossier 不是合法的 JSON',
      en: 'The field "dossier" is not valid JSON',
    });
  }
}
