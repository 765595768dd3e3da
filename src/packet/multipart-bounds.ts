/**
 * Bounds on a multipart request as a whole, shared by every upload route
 * (packets, batches, roster imports): the declared length, each JSON field
 * (`dossier`, `unit`: BODY_LIMIT, as a JSON body), all fields together, the
 * whole request, and the number of parts. Each is a 413 naming its setting,
 * whether a field came as text or as application/json; busboy truncates an
 * oversize field at its limit, so nothing past a limit is held in memory.
 */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

export interface MultipartBounds {
  /** Largest single field value (BODY_LIMIT), in bytes. */
  readonly fieldBytes: number;
  /** Largest total of all field values (UPLOAD_FIELDS_LIMIT), in bytes. */
  readonly fieldsTotal: number;
  /** Largest whole request (UPLOAD_LIMIT), in bytes. */
  readonly requestBytes: number;
  /** Largest single file, in bytes. */
  readonly fileBytes: number;
  /** Most files. */
  readonly files: number;
}

/** Fields any upload route takes at most (dossier, unit …); more is refused by busboy. */
const MAX_FIELDS = 8;

function tooLarge(setting: string, limit: number, zhWhat: string, enWhat: string): AppError {
  return new AppError('BODY_TOO_LARGE', {
    zh: `${zhWhat}超过 ${setting}（${limit} 字节）`,
    en: `${enWhat} is larger than ${setting} (${limit} bytes)`,
  });
}

/** busboy's limits for a request under these bounds. */
export function partsLimits(bounds: MultipartBounds) {
  return {
    fileSize: bounds.fileBytes,
    files: bounds.files,
    fieldSize: bounds.fieldBytes,
    fields: MAX_FIELDS,
    parts: bounds.files + MAX_FIELDS,
    fieldNameSize: 100,
  };
}

/** Refuses at once a request whose Content-Length already says it is too large. */
export function checkDeclaredLength(request: FastifyRequest, bounds: MultipartBounds): void {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > bounds.requestBytes) {
    throw tooLarge('UPLOAD_LIMIT', bounds.requestBytes, '请求', 'The request');
  }
}

/** Counts what a request has sent so far, against the bounds. */
export class MultipartTally {
  private fields = 0;
  private total = 0;

  constructor(private readonly bounds: MultipartBounds) {}

  /** A field's value (already read, cut at fieldBytes by busboy's limit). */
  field(part: { fieldname: string; value: unknown; valueTruncated: boolean }): void {
    if (part.valueTruncated) throw fieldTooLarge(part.fieldname, this.bounds);
    const size = typeof part.value === 'string' ? Buffer.byteLength(part.value) : JSON.stringify(part.value).length;
    this.fields += size;
    if (this.fields > this.bounds.fieldsTotal) {
      throw tooLarge('UPLOAD_FIELDS_LIMIT', this.bounds.fieldsTotal, '表单字段合计', 'The form fields together');
    }
    this.add(size);
  }

  file(size: number): void {
    this.add(size);
  }

  private add(size: number): void {
    this.total += size;
    if (this.total > this.bounds.requestBytes) {
      throw tooLarge('UPLOAD_LIMIT', this.bounds.requestBytes, '上传的内容合计', 'The upload');
    }
  }
}

/** 413 for a field over BODY_LIMIT. */
export function fieldTooLarge(name: string, bounds: MultipartBounds): AppError {
  return tooLarge('BODY_LIMIT', bounds.fieldBytes, `字段 ${name} `, `The field "${name}"`);
}

/** The names of the fields busboy cut at the field size limit, filled in while a request is read. */
export type CutFields = ReadonlySet<string>;

/**
 * Watches the request's multipart parser for fields cut at the size limit.
 * @fastify/multipart reports a cut field sent with Content-Type
 * application/json only as "not valid JSON" (FST_INVALID_JSON_FIELD_ERROR, and
 * only once the whole body is read), so without this an oversize JSON field
 * would be a 400 where the same field sent as text is a 413. Call it right
 * before `request.parts()`, which pipes the request into its busboy parser:
 * that one pipe is caught to listen to busboy's own field events.
 */
export function watchCutFields(request: FastifyRequest): CutFields {
  const cut = new Set<string>();
  const raw = request.raw;
  raw.pipe = <T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T => {
    Reflect.deleteProperty(raw, 'pipe'); // back to the stream's own pipe for any later use
    // @fastify/busboy: (name, value, nameTruncated, valueTruncated, encoding, mimeType)
    destination.on('field', (name: string, _value: unknown, _nameCut: boolean, valueCut: boolean) => {
      if (valueCut) cut.add(name);
    });
    return raw.pipe(destination, options);
  };
  return cut;
}

/** A field the route does not take: 422 UNKNOWN_KEY at /<field>, as for an unknown JSON key. */
export function unknownField(name: string, allowed: readonly string[]): AppError {
  const message = `不认识的字段 ${name}（可用：${allowed.join('、')}）`;
  const messageEn = `Unknown field "${name}" (allowed: ${allowed.join(', ')})`;
  return new AppError('VALIDATION_FAILED', {
    zh: message,
    en: messageEn,
    details: [{ path: `/${name}`, code: 'UNKNOWN_KEY', message, messageEn }],
  });
}

/**
 * busboy's own limit errors, as 413s naming the setting (a JSON field cut at
 * its limit included: `cut`, from watchCutFields); undefined for other errors.
 */
export function limitError(error: unknown, bounds: MultipartBounds, cut: CutFields): AppError | undefined {
  switch ((error as { code?: string } | null)?.code) {
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new AppError('BODY_TOO_LARGE', {
        zh: `表单字段过多（最多 ${MAX_FIELDS} 个）`,
        en: `Too many form fields (at most ${MAX_FIELDS})`,
      });
    case 'FST_INVALID_JSON_FIELD_ERROR': {
      const [name] = cut;
      if (name !== undefined) return fieldTooLarge(name, bounds);
      return new AppError('MALFORMED_JSON', {
        zh: '有以 application/json 提交的字段不是合法的 JSON',
        en: 'A field sent as application/json is not valid JSON',
      });
    }
    default:
      return undefined;
  }
}
