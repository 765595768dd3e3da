/**
 * Content-Disposition for a rendered file (RFC 6266 with RFC 5987 `filename*`):
 * browsers show the readable Chinese name; old clients fall back to an ASCII name.
 */

/** Characters RFC 5987 allows unencoded in ext-value (attr-char). */
const ATTR_CHAR = /[A-Za-z0-9!#$&+\-.^_`|~]/;

function encodeRfc5987(value: string): string {
  let out = '';
  for (const char of value) {
    if (ATTR_CHAR.test(char)) out += char;
    else
      for (const byte of new TextEncoder().encode(char)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** A file name safe on every file system: no path separators, quotes or control characters. */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\u0000-\u001f\u007f"\\/:*?<>|]/g, '_').trim() || 'document';
}

/** ASCII fallback: letters, digits, dot, dash and underscore only. */
function asciiFileName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '_') || 'document';
}

export function contentDisposition(readableName: string, asciiName: string): string {
  return `attachment; filename="${asciiFileName(asciiName)}"; filename*=UTF-8''${encodeRfc5987(safeFileName(readableName))}`;
}

/** `pledge-0020`: the form id and the last four characters of the applicant's ID number, when there is one. */
export function asciiBaseName(formId: string, input: unknown): string {
  const idNumber = (input as { applicant?: { idNumber?: unknown } } | null)?.applicant?.idNumber;
  return typeof idNumber === 'string' && idNumber.length >= 4 ? `${formId}-${idNumber.slice(-4)}` : formId;
}
