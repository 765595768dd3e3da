/**
 * One entry point from a document model to file bytes in a format.
 */
import type { Document } from '../document/model.js';
import type { Format } from '../forms/types.js';

export interface RenderedFile {
  readonly bytes: Uint8Array;
  readonly contentType: string;
  readonly extension: Format;
}

export const CONTENT_TYPES: Readonly<Record<Format, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export async function render(doc: Document, format: Format): Promise<RenderedFile> {
  const bytes = await RENDERERS[format](doc);
  return { bytes, contentType: CONTENT_TYPES[format], extension: format };
}

const RENDERERS: Readonly<Record<Format, (doc: Document) => Promise<Uint8Array>>> = {
  pdf: async (doc) => (await import('./pdf/index.js')).renderPdf(doc),
  docx: async (doc) => (await import('./docx/index.js')).renderDocx(doc),
  xlsx: async (doc) => (await import('./xlsx/index.js')).renderXlsx(doc),
};
