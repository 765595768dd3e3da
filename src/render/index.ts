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

type Renderer = (doc: Document) => Promise<Uint8Array>;

/** Each renderer is loaded on its first use, once: later renders call it directly. */
function loadOnce(load: () => Promise<Renderer>): Renderer {
  let loaded: Renderer | undefined;
  let loading: Promise<Renderer> | undefined;
  return async (doc) => {
    if (loaded === undefined) {
      loading ??= load();
      loaded = await loading;
    }
    return loaded(doc);
  };
}

const RENDERERS: Readonly<Record<Format, Renderer>> = {
  pdf: loadOnce(async () => (await import('./pdf/index.js')).renderPdf),
  docx: loadOnce(async () => (await import('./docx/index.js')).renderDocx),
  xlsx: loadOnce(async () => (await import('./xlsx/index.js')).renderXlsx),
};
