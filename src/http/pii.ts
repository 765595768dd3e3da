/**
 * Logs never carry ID numbers or phone numbers. Bodies are never logged; this
 * masks what could still slip into a log line through an error message.
 */
const ID_NUMBER = /(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])/g;
const MOBILE = /(?<![0-9])1[3-9][0-9]{9}(?![0-9])/g;
const LANDLINE = /(?<![0-9])0[0-9]{2,3}-?[0-9]{7,8}(?![0-9])/g;

export function maskPii(text: string): string {
  return text.replace(ID_NUMBER, '[id-number]').replace(MOBILE, '[phone]').replace(LANDLINE, '[phone]');
}

/** pino serializer for `err`: message and stack masked, nothing else from the error kept. */
export interface SerializedError {
  [key: string]: unknown;
  type: string;
  message: string;
  stack: string;
}

export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { type: typeof error, message: maskPii(String(error)), stack: '' };
  const out: SerializedError = {
    type: error.name,
    message: maskPii(error.message),
    stack: maskPii(error.stack ?? ''),
  };
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') out.code = code;
  if (error.cause !== undefined) out.cause = serializeError(error.cause);
  return out;
}
