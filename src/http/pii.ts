/**
 * Logs never carry names, ID numbers or phone numbers. Bodies are never logged;
 * URLs are logged without their query values; every string of a log line is
 * masked for ID and phone numbers; error messages (which may quote a field's
 * value, e.g. a name) lose their Chinese text as well.
 */
const ID_NUMBER = /(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])/g;
const MOBILE = /(?<![0-9])1[3-9][0-9]{9}(?![0-9])/g;
const LANDLINE = /(?<![0-9])0[0-9]{2,3}-?[0-9]{7,8}(?![0-9])/g;

export function maskPii(text: string): string {
  return text.replace(ID_NUMBER, '[id-number]').replace(MOBILE, '[phone]').replace(LANDLINE, '[phone]');
}

/** Runs of Chinese characters (names, addresses, quoted field values); the name dot joins them. */
const CHINESE_TEXT = /[\p{Script=Han}\u00B7\u2022\u30FB]{2,}/gu;

/** maskPii, and Chinese text replaced: for error messages, which may quote what a caller sent. */
function maskText(text: string): string {
  return maskPii(text).replace(CHINESE_TEXT, '[text]');
}

/**
 * A URL for the log: the path kept (masked like any text), each query value
 * replaced by `*`, so `?id=6528…&phone=138…` logs as `?id=*&phone=*`.
 */
function maskUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return maskText(url);
  const keys = url
    .slice(at + 1)
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const eq = pair.indexOf('=');
      return `${maskText(eq < 0 ? pair : pair.slice(0, eq))}=*`;
    });
  return `${maskText(url.slice(0, at))}?${keys.join('&')}`;
}

/** pino serializer for `req`: method, masked URL and the peer; never headers or body. */
export function serializeRequest(request: {
  method?: string;
  url?: string;
  ip?: string;
  socket?: { remotePort?: number };
}): Record<string, unknown> {
  return {
    method: request.method,
    url: maskUrl(request.url ?? ''),
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

/** pino `formatters.log`: every string value of a log line (at any depth) masked for ID and phone numbers. */
export function maskLogObject(object: Record<string, unknown>): Record<string, unknown> {
  return maskValue(object, 0) as Record<string, unknown>;
}

function maskValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return maskPii(value);
  if (value === null || typeof value !== 'object' || depth > 6) return value;
  if (Array.isArray(value)) return value.map((item) => maskValue(item, depth + 1));
  // Only plain data is walked: requests, replies and errors have serializers of their own.
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = maskValue(item, depth + 1);
  return out;
}

/** pino serializer for `err`: message and stack masked, nothing else from the error kept. */
export interface SerializedError {
  [key: string]: unknown;
  type: string;
  message: string;
  stack: string;
}

export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { type: typeof error, message: maskText(String(error)), stack: '' };
  const out: SerializedError = {
    type: error.name,
    message: maskText(error.message),
    stack: maskText(error.stack ?? ''),
  };
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') out.code = code;
  if (error.cause !== undefined) out.cause = serializeError(error.cause);
  return out;
}
