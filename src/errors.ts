/**
 * The one table of error codes. Every error a caller can see is listed here with
 * its HTTP status and a message in Chinese and English; README documents each
 * (a test checks that), and the HTTP error handler is the only place that turns
 * an AppError into a response.
 */

/** One problem with one field of the input, addressed by a JSON pointer. */
export interface Problem {
  /** JSON pointer into the request body, e.g. "/applicant/idNumber". */
  readonly path: string;
  /** Stable machine-readable code, e.g. "ID_CHECKSUM". */
  readonly code: string;
  readonly message: string;
  readonly messageEn: string;
}

export const ERROR_CODES = {
  MALFORMED_JSON: { status: 400, zh: '请求体不是合法的 JSON', en: 'The request body is not valid JSON' },
  BAD_REQUEST: { status: 400, zh: '请求格式不正确', en: 'The request is malformed' },
  UNAUTHORIZED: {
    status: 401,
    zh: '缺少或无效的 API 密钥（Authorization: Bearer <密钥>）',
    en: 'Missing or invalid API key (Authorization: Bearer <key>)',
  },
  NOT_FOUND: { status: 404, zh: '请求的地址不存在', en: 'No such route' },
  FORM_NOT_FOUND: { status: 404, zh: '没有这个表单', en: 'No such form' },
  FORMAT_NOT_SUPPORTED: {
    status: 406,
    zh: '该表单不提供这种文件格式',
    en: 'This form is not available in that format',
  },
  METHOD_NOT_ALLOWED: { status: 405, zh: '该地址不支持此请求方法', en: 'Method not allowed on this route' },
  REQUEST_TIMEOUT: { status: 408, zh: '请求接收超时', en: 'The request was not received in time' },
  BODY_TOO_LARGE: { status: 413, zh: '请求体过大', en: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的请求内容类型', en: 'Unsupported content type' },
  VALIDATION_FAILED: { status: 422, zh: '申报材料有问题', en: 'The submitted data has problems' },
  GLYPH_MISSING: {
    status: 422,
    zh: '有字符无法用已配置的字体打印',
    en: 'Some characters cannot be printed with the configured fonts',
  },
  PUBLICITY_TOO_SHORT: {
    status: 422,
    zh: '公示期不足 5 个工作日',
    en: 'The publicity period is shorter than 5 working days',
  },
  UNKNOWN_KEY: {
    status: 422,
    zh: '有不认识的字段（拼写错误？）',
    en: 'Unknown field(s) in the request (a misspelling?)',
  },
  UPLOAD_INVALID: { status: 422, zh: '上传的文件无法使用', en: 'An uploaded file cannot be used' },
  ROSTER_EMPTY: {
    status: 422,
    zh: '花名册中没有找到任何申报人员（没有一行申报人数据）',
    en: 'No applicant row was found in the roster',
  },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; slow down' },
  HEADERS_TOO_LARGE: { status: 431, zh: '请求头过大', en: 'The request headers are too large' },
  TOO_MANY_REQUESTS: { status: 429, zh: '服务繁忙，请稍后再试', en: 'The service is busy; try again later' },
  INTERNAL_ERROR: { status: 500, zh: '服务内部错误', en: 'Internal server error' },
  RENDER_TIMEOUT: { status: 503, zh: '生成文件超时，请稍后再试', en: 'Rendering took too long; try again later' },
  UPLOAD_TIMEOUT: {
    status: 503,
    zh: '处理上传的文件超时，请稍后再试',
    en: 'Processing an uploaded file took too long; try again later',
  },
  NOT_READY: { status: 503, zh: '服务尚未就绪', en: 'The service is not ready' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** An error whose code, status and wording come from ERROR_CODES. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly statusCode: number;
  readonly details: readonly Problem[];
  /** Overrides the table's wording when the message names something specific. */
  readonly zh: string;
  readonly en: string;

  constructor(code: ErrorCode, opts: { details?: readonly Problem[]; zh?: string; en?: string; cause?: unknown } = {}) {
    const entry = ERROR_CODES[code];
    super(opts.en ?? entry.en, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.statusCode = entry.status;
    this.details = opts.details ?? [];
    this.zh = opts.zh ?? entry.zh;
    this.en = opts.en ?? entry.en;
  }
}

/**
 * A 422 listing every problem found, counted in the message as docs/api.md shows.
 * When every problem is an unknown key, the response's code says so (UNKNOWN_KEY).
 */
export function validationError(details: readonly Problem[]): AppError {
  const onlyUnknownKeys = details.length > 0 && details.every((problem) => problem.code === 'UNKNOWN_KEY');
  return new AppError(onlyUnknownKeys ? 'UNKNOWN_KEY' : 'VALIDATION_FAILED', {
    details,
    zh: `申报材料有 ${details.length} 处问题`,
    en: `${details.length} problem${details.length === 1 ? '' : 's'} in the submitted data`,
  });
}

/**
 * 422 ROSTER_EMPTY at `path`: a roster (workbook or JSON) without a single applicant row. Rows skipped as
 * examples (备注 示例, as the template's own row 2) are named: an unchanged template is not "empty" to the eye.
 */
export function rosterEmptyError(path: string, examples: readonly { sheet: string; row: number }[] = []): AppError {
  const { zh, en } = ERROR_CODES.ROSTER_EMPTY;
  const rows = examples.map((example) => `${example.sheet}!${example.row}`).join('、');
  const detail =
    examples.length === 0
      ? { message: zh, messageEn: en }
      : {
          message: `只有示例行（${rows}，备注为“示例”），已跳过：请在示例行下方填写申报人员，或删去备注中的“示例”`,
          messageEn: `Only example rows (${rows.replace(/、/g, ', ')}, marked 示例 in 备注), which are skipped: fill in applicants below them, or remove 示例 from 备注`,
        };
  return new AppError('ROSTER_EMPTY', { zh, en, details: [{ path, code: 'ROSTER_EMPTY', ...detail }] });
}

/** An AppError as plain data, to cross a worker-thread boundary (class instances do not survive it). */
export interface ErrorRecord {
  readonly code: ErrorCode;
  readonly zh: string;
  readonly en: string;
  readonly details: readonly Problem[];
}

export function toErrorRecord(error: AppError): ErrorRecord {
  return { code: error.code, zh: error.zh, en: error.en, details: error.details.map((problem) => ({ ...problem })) };
}

export function fromErrorRecord(record: ErrorRecord): AppError {
  return new AppError(record.code, { zh: record.zh, en: record.en, details: record.details });
}
