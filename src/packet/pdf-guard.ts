/**
 * Loads an uploaded PDF into pdf-lib's object model with every stream decoded
 * under caps first (decompression bombs), judged on the parsed objects rather
 * than on a byte scan.
 *
 * pdf-lib parses the file's objects itself but, while doing so, decodes object
 * streams and cross-reference streams with no bound on their output. Its
 * parser builds those through the public factories
 * `PDFObjectStreamParser.forStream` and `PDFXRefStreamParser.forStream`; while a
 * guarded load runs, they receive a copy of the stream already decoded by
 * decodeChain under the caps (or the load fails). After the load every other
 * stream of the file (content, fonts, images, forms …) is decoded the same way;
 * images compressed with an image filter (DCT, JPX, JBIG2, CCITT) are judged
 * by their declared width × height × components × bits instead.
 *
 * Runs in an upload worker thread only (see scan-worker.mjs).
 */
import {
  PDFArray,
  PDFBool,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFObjectStreamParser,
  PDFRawStream,
  PDFRef,
  PDFXRefStreamParser,
  type PDFContext,
  type PDFObject,
} from 'pdf-lib';
import {
  canonicalFilterName,
  decodeChain,
  StreamDecodeError,
  type DecodedStream,
  type DecodeParms,
  type FilterStage,
} from './pdf-filters.js';

export interface DecodeLimits {
  /** Largest decoded size of one stream (and of each stage of its filter chain), in bytes. */
  readonly perStream: number;
  /** Largest decoded size of all streams of one file together, in bytes. */
  readonly total: number;
  /** Largest decoded size of one image (width × height × components × bits / 8), in bytes. */
  readonly imageBytes: number;
}

/** Why a PDF was refused, for the caller to word. */
export class PdfRefusal extends Error {
  constructor(
    readonly reason: 'bomb' | 'corrupt' | 'encrypted' | 'image-too-large',
    message: string,
  ) {
    super(message);
    this.name = 'PdfRefusal';
  }
}

export interface GuardedPdf {
  readonly doc: PDFDocument;
  /** Decoded bytes of all the file's streams together. */
  readonly decodedBytes: number;
  /** Declared decoded size of the file's images together. */
  readonly imageBytes: number;
  /** A stream's decoded bytes (already checked against the caps during the load). */
  decode(stream: PDFRawStream): Uint8Array;
}

/** The budget of the load in progress; the factories below consult it. */
let active: Budget | undefined;

class Budget {
  used = 0;
  imageBytes = 0;
  failure: unknown;

  constructor(readonly limits: DecodeLimits) {}

  decode(stream: PDFRawStream): DecodedStream {
    const cap = Math.min(this.limits.perStream, this.limits.total - this.used);
    let decoded: DecodedStream;
    try {
      decoded = decodeChain(stream.contents, filterChain(stream.dict), Math.max(0, cap));
    } catch (error) {
      if (error instanceof StreamDecodeError && error.reason === 'too-large') {
        throw new PdfRefusal('bomb', error.message);
      }
      throw new PdfRefusal('corrupt', (error as Error).message);
    }
    this.used += decoded.bytes.length;
    return decoded;
  }

  /** The stream with its filters applied, for pdf-lib to parse without decoding anything itself. */
  plain(stream: PDFRawStream, kind: 'objects' | 'xref'): PDFRawStream {
    let bytes: Uint8Array;
    try {
      const decoded = this.decode(stream);
      if (decoded.imageFilter !== undefined) throw new PdfRefusal('corrupt', 'an object stream has an image filter');
      bytes = decoded.bytes;
    } catch (error) {
      this.failure ??= error;
      // An encrypted file's object streams cannot be read, and its /Encrypt entry comes later:
      // parse on with an empty stream and decide once the trailer is known.
      if (kind === 'objects' && error instanceof PdfRefusal && error.reason === 'corrupt') {
        return plainStream(stream, new Uint8Array(0), { N: 0, First: 0 });
      }
      throw error;
    }
    return plainStream(stream, bytes);
  }
}

function plainStream(stream: PDFRawStream, bytes: Uint8Array, numbers: Record<string, number> = {}): PDFRawStream {
  const dict = stream.dict.clone();
  dict.delete(PDFName.of('Filter'));
  dict.delete(PDFName.of('DecodeParms'));
  dict.set(PDFName.of('Length'), PDFNumber.of(bytes.length));
  for (const [key, value] of Object.entries(numbers)) dict.set(PDFName.of(key), PDFNumber.of(value));
  return PDFRawStream.of(dict, bytes);
}

const parseObjectStream = PDFObjectStreamParser.forStream;
const parseXRefStream = PDFXRefStreamParser.forStream;
PDFObjectStreamParser.forStream = (stream, shouldWaitForTick) =>
  parseObjectStream(active ? active.plain(stream, 'objects') : stream, shouldWaitForTick);
PDFXRefStreamParser.forStream = (stream) => parseXRefStream(active ? active.plain(stream, 'xref') : stream);

export async function loadGuardedPdf(bytes: Uint8Array, limits: DecodeLimits): Promise<GuardedPdf> {
  const budget = new Budget(limits);
  let doc: PDFDocument;
  active = budget;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
  } catch (error) {
    // pdf-lib's EncryptedPDFError keeps the plain name "Error"; its message says it.
    if (/is encrypted/i.test((error as Error).message)) throw new PdfRefusal('encrypted', 'the PDF is encrypted');
    if (budget.failure !== undefined) throw budget.failure;
    throw new PdfRefusal('corrupt', `the PDF cannot be parsed (${(error as Error).message})`);
  } finally {
    active = undefined;
  }
  if (doc.isEncrypted) throw new PdfRefusal('encrypted', 'the PDF is encrypted');
  if (budget.failure !== undefined) throw budget.failure;
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue;
    const { imageFilter } = budget.decode(object);
    if (isImage(object.dict) || imageFilter !== undefined) checkImage(object.dict, doc.context, budget);
  }
  return {
    doc,
    decodedBytes: budget.used,
    imageBytes: budget.imageBytes,
    // Every stream passed the caps above, so decoding again is bounded.
    decode: (stream) => decodeChain(stream.contents, filterChain(stream.dict), limits.perStream).bytes,
  };
}

/** The stream's filters in order, with their parameters. */
export function filterChain(dict: PDFDict): FilterStage[] {
  const filter = dict.lookup(PDFName.of('Filter'));
  const parms = dict.lookup(PDFName.of('DecodeParms'));
  if (filter === undefined) return [];
  if (filter instanceof PDFName) return [stage(filter, parms)];
  if (filter instanceof PDFArray) {
    return filter.asArray().map((_, index) => {
      const name = filter.lookup(index);
      if (!(name instanceof PDFName)) throw new PdfRefusal('corrupt', 'a filter is not a name');
      return stage(name, parms instanceof PDFArray ? parms.lookup(index) : undefined);
    });
  }
  throw new PdfRefusal('corrupt', 'the stream filter is neither a name nor an array');
}

function stage(name: PDFName, parms: PDFObject | undefined): FilterStage {
  const numbers: Record<string, number> = {};
  if (parms instanceof PDFDict) {
    for (const key of ['Predictor', 'Colors', 'BitsPerComponent', 'Columns', 'EarlyChange'] as const) {
      const value = parms.lookup(PDFName.of(key));
      if (value instanceof PDFNumber) numbers[key] = value.asNumber();
    }
  }
  return { name: canonicalFilterName(name.decodeText().replace(/^\//, '')), parms: numbers as DecodeParms };
}

function isImage(dict: PDFDict): boolean {
  return dict.lookup(PDFName.of('Subtype')) === PDFName.of('Image');
}

/** Refuses an image whose declared decoded size is over the limit, and counts it. */
function checkImage(dict: PDFDict, context: PDFContext, budget: Budget): void {
  const width = positiveInt(dict.lookup(PDFName.of('Width')));
  const height = positiveInt(dict.lookup(PDFName.of('Height')));
  if (width === undefined || height === undefined) {
    throw new PdfRefusal('corrupt', 'an image has no valid width and height');
  }
  const mask = dict.lookup(PDFName.of('ImageMask'));
  const isMask = mask instanceof PDFBool && mask.asBoolean();
  const bits = isMask ? 1 : (positiveInt(dict.lookup(PDFName.of('BitsPerComponent'))) ?? 8);
  const components = isMask ? 1 : colorComponents(dict.lookup(PDFName.of('ColorSpace')), context);
  const bytes = Math.ceil((width * components * Math.min(bits, 16)) / 8) * height;
  if (bytes > budget.limits.imageBytes) {
    throw new PdfRefusal(
      'image-too-large',
      `an image of ${width}×${height} pixels decodes to ${bytes} bytes, more than ${budget.limits.imageBytes}`,
    );
  }
  budget.imageBytes += bytes;
}

function positiveInt(value: PDFObject | undefined): number | undefined {
  if (!(value instanceof PDFNumber)) return undefined;
  const number = value.asNumber();
  return Number.isInteger(number) && number > 0 ? number : undefined;
}

const NAMED_SPACES: Readonly<Record<string, number>> = {
  DeviceGray: 1,
  CalGray: 1,
  G: 1,
  DeviceRGB: 3,
  CalRGB: 3,
  RGB: 3,
  Lab: 3,
  DeviceCMYK: 4,
  CMYK: 4,
};

/** Components of a colour space; unknown or absent (JPX carries its own) counts as four, the most. */
function colorComponents(space: PDFObject | undefined, context: PDFContext): number {
  const resolved = space instanceof PDFRef ? context.lookup(space) : space;
  if (resolved instanceof PDFName) return NAMED_SPACES[resolved.decodeText().replace(/^\//, '')] ?? 4;
  if (resolved instanceof PDFArray && resolved.size() > 0) {
    const family = resolved.lookup(0);
    const name = family instanceof PDFName ? family.decodeText().replace(/^\//, '') : '';
    if (name === 'Indexed' || name === 'I' || name === 'Separation') return 1;
    if (name === 'DeviceN') {
      const names = resolved.lookup(1);
      return names instanceof PDFArray ? Math.max(1, names.size()) : 4;
    }
    if (name === 'ICCBased') {
      const profile = resolved.lookup(1);
      const n = profile instanceof PDFRawStream ? positiveInt(profile.dict.lookup(PDFName.of('N'))) : undefined;
      return n ?? 4;
    }
    return NAMED_SPACES[name] ?? 4;
  }
  return 4;
}
