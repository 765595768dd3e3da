/** Builds a multipart/form-data body for `app.inject`. */
export interface MultipartField {
  readonly name: string;
  readonly value: string | Uint8Array;
  readonly fileName?: string;
  readonly contentType?: string;
}

export function multipart(fields: readonly MultipartField[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----zd${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const field of fields) {
    const disposition = `form-data; name="${field.name}"${field.fileName ? `; filename="${field.fileName}"` : ''}`;
    const contentType = field.contentType ?? (field.fileName ? 'application/octet-stream' : undefined);
    const type = contentType ? `\r\nContent-Type: ${contentType}` : '';
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`));
    chunks.push(typeof field.value === 'string' ? Buffer.from(field.value) : Buffer.from(field.value));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
