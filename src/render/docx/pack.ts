/**
 * Packs a docx Document into DOCX bytes: the package compiles the parts, our
 * ZIP writer zips them (native deflate, unchanged parts deflated once, every
 * entry dated with the model's time).
 */
import { Packer, type Document as WordDocument } from 'docx';
import { stampZip } from './zip-stamp.js';
import { zipParts } from './zip-writer.js';

export type PartOverride = { readonly path: string; readonly data: string };
type Compiler = {
  compile(
    file: WordDocument,
    prettify: undefined,
    overrides: readonly PartOverride[],
  ): Map<string, string | Uint8Array>;
};

/**
 * The docx package's part compiler (what Packer zips). Not public API, so it
 * is looked up defensively; without it the package's own Packer is used and
 * its ZIP re-stamped.
 */
const compiler = (Packer as unknown as { compiler?: Partial<Compiler> }).compiler;

export async function pack(word: WordDocument, overrides: readonly PartOverride[], date: Date): Promise<Uint8Array> {
  if (typeof compiler?.compile === 'function') {
    return zipParts((compiler as Compiler).compile(word, undefined, overrides), date);
  }
  return stampZip(await Packer.toBuffer(word, false, overrides), date);
}
