/**
 * Decodes one PDF stream's filter chain under a hard output cap.
 *
 * Flate runs through Node's zlib with `maxOutputLength`, so a bomb stops at the
 * cap instead of allocating what it claims (a deflate block may expand 1,032
 * times in one step, which a block-by-block check cannot stop). LZW, ASCII85
 * and ASCIIHex use pdf-lib's decoders (ports of pdf.js), which produce a
 * bounded amount per block and are read here in chunks up to the cap;
 * RunLength (two lines of arithmetic) is decoded here, with fills instead of
 * pdf-lib's 128-byte blocks, so its bomb is refused in milliseconds. PNG and TIFF predictors are undone after Flate/LZW. Every stage's
 * output counts against the cap, so a chain (`[/FlateDecode /FlateDecode]`)
 * cannot multiply its way past it. Image filters (DCT, JPX, JBIG2, CCITT) are
 * not decoded: the caller judges those images by their declared size.
 */
import { createRequire } from 'node:module';
import { constants, inflateSync } from 'node:zlib';

/** What a failed decode means for the upload. */
export class StreamDecodeError extends Error {
  constructor(
    readonly reason: 'too-large' | 'corrupt',
    message: string,
  ) {
    super(message);
    this.name = 'StreamDecodeError';
  }
}

export interface FilterStage {
  /** The filter's full name, abbreviations of inline images expanded (e.g. "FlateDecode"). */
  readonly name: string;
  readonly parms: DecodeParms;
}

/** The DecodeParms entries the decoders use (numbers only; absent ones take the PDF defaults). */
export interface DecodeParms {
  readonly Predictor?: number;
  readonly Colors?: number;
  readonly BitsPerComponent?: number;
  readonly Columns?: number;
  readonly EarlyChange?: number;
}

/** Filters whose output is an image, judged by the image's declared size instead of decoded. */
const IMAGE_FILTERS: ReadonlySet<string> = new Set(['DCTDecode', 'JPXDecode', 'JBIG2Decode', 'CCITTFaxDecode']);

const ABBREVIATIONS: Readonly<Record<string, string>> = {
  Fl: 'FlateDecode',
  LZW: 'LZWDecode',
  A85: 'ASCII85Decode',
  AHx: 'ASCIIHexDecode',
  RL: 'RunLengthDecode',
  DCT: 'DCTDecode',
  CCF: 'CCITTFaxDecode',
};

/**
 * A name as readers understand it: `#xx` escapes decoded in either case
 * (pdf-lib decodes only upper-case hex, so `/F#6cateDecode` would otherwise
 * slip by as an unknown filter that viewers still inflate).
 */
export function canonicalFilterName(raw: string): string {
  const decoded = raw.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return ABBREVIATIONS[decoded] ?? decoded;
}

export interface DecodedStream {
  /** The decoded bytes, or the still-encoded image data when the chain ends in an image filter. */
  readonly bytes: Uint8Array;
  /** The image filter the chain ends with, if any. */
  readonly imageFilter?: string;
}

/** Applies the chain to `data`; throws StreamDecodeError when a stage fails or passes `cap` bytes. */
export function decodeChain(data: Uint8Array, chain: readonly FilterStage[], cap: number): DecodedStream {
  let bytes = data;
  for (const [index, stage] of chain.entries()) {
    if (IMAGE_FILTERS.has(stage.name)) {
      if (index !== chain.length - 1) {
        throw new StreamDecodeError('corrupt', `image filter ${stage.name} is not the last of the chain`);
      }
      return { bytes, imageFilter: stage.name };
    }
    bytes = decodeStage(bytes, stage, cap);
  }
  return { bytes };
}

function decodeStage(data: Uint8Array, stage: FilterStage, cap: number): Uint8Array {
  switch (stage.name) {
    case 'FlateDecode':
      return unpredict(inflateCapped(data, cap), stage.parms);
    case 'LZWDecode': {
      const earlyChange = stage.parms.EarlyChange === 0 ? 0 : 1;
      return unpredict(
        readCapped(new streams.LZWStream(new streams.Stream(data), undefined, earlyChange), cap),
        stage.parms,
      );
    }
    case 'ASCII85Decode':
      return readCapped(new streams.Ascii85Stream(new streams.Stream(data)), cap);
    case 'ASCIIHexDecode':
      return readCapped(new streams.AsciiHexStream(new streams.Stream(data)), cap);
    case 'RunLengthDecode':
      return runLengthCapped(data, cap);
    default:
      throw new StreamDecodeError('corrupt', `unsupported filter ${stage.name}`);
  }
}

function inflateCapped(data: Uint8Array, cap: number): Uint8Array {
  if (data.length === 0) return data;
  try {
    // Z_SYNC_FLUSH accepts a stream whose end (or checksum) is missing, as readers do;
    // a wrong header, a bad block or a bad distance still fails.
    return inflateSync(data, { maxOutputLength: Math.max(1, cap), finishFlush: constants.Z_SYNC_FLUSH });
  } catch (error) {
    if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new StreamDecodeError('too-large', `Flate data decodes to more than ${cap} bytes`);
    }
    throw new StreamDecodeError('corrupt', `Flate data cannot be decoded (${(error as Error).message})`);
  }
}

const CHUNK = 64 * 1024;

/** Reads a pdf-lib decode stream in chunks until its end or past the cap. */
function readCapped(stream: DecodeStreamLike, cap: number): Uint8Array {
  let total = 0;
  try {
    for (;;) {
      const chunk = stream.getBytes(CHUNK);
      if (chunk.length === 0) break;
      total += chunk.length;
      if (total > cap) throw new StreamDecodeError('too-large', `stream decodes to more than ${cap} bytes`);
    }
    stream.reset();
    return new Uint8Array(stream.getBytes(total));
  } catch (error) {
    if (error instanceof StreamDecodeError) throw error;
    throw new StreamDecodeError('corrupt', `stream cannot be decoded (${(error as Error).message})`);
  }
}

function runLengthCapped(data: Uint8Array, cap: number): Uint8Array {
  // Each run writes at most 128 bytes: the output is never more than 128 × the input.
  const out = new Uint8Array(Math.min(cap + 128, data.length * 128));
  let length = 0;
  let at = 0;
  while (at < data.length) {
    const n = data[at++]!;
    if (n === 128) break; // end of data
    if (n < 128) {
      const run = data.subarray(at, at + n + 1);
      out.set(run, length);
      length += run.length;
      at += n + 1;
    } else {
      if (at >= data.length) break;
      out.fill(data[at++]!, length, length + 257 - n);
      length += 257 - n;
    }
    if (length > cap) throw new StreamDecodeError('too-large', `RunLength data decodes to more than ${cap} bytes`);
  }
  return out.slice(0, length);
}

/** Undoes a PNG (10–15) or TIFF (2) predictor; the output is never larger than the input. */
function unpredict(data: Uint8Array, parms: DecodeParms): Uint8Array {
  const predictor = parms.Predictor ?? 1;
  if (predictor <= 1) return data;
  const colors = parms.Colors ?? 1;
  const bits = parms.BitsPerComponent ?? 8;
  const columns = parms.Columns ?? 1;
  if (![1, 2, 4, 8, 16].includes(bits) || colors < 1 || colors > 32 || columns < 1) {
    throw new StreamDecodeError('corrupt', 'predictor parameters are invalid');
  }
  const rowBytes = Math.ceil((colors * bits * columns) / 8);
  const pixelBytes = Math.max(1, Math.ceil((colors * bits) / 8));
  if (predictor === 2) return tiffPredictor(data, rowBytes, pixelBytes, bits);
  if (predictor < 10 || predictor > 15) throw new StreamDecodeError('corrupt', `unknown predictor ${predictor}`);
  const rows = Math.floor(data.length / (rowBytes + 1));
  const out = new Uint8Array(rows * rowBytes);
  for (let row = 0; row < rows; row++) {
    const type = data[row * (rowBytes + 1)]!;
    const source = row * (rowBytes + 1) + 1;
    const target = row * rowBytes;
    for (let i = 0; i < rowBytes; i++) {
      const raw = data[source + i]!;
      const left = i >= pixelBytes ? out[target + i - pixelBytes]! : 0;
      const up = row > 0 ? out[target - rowBytes + i]! : 0;
      const upLeft = row > 0 && i >= pixelBytes ? out[target - rowBytes + i - pixelBytes]! : 0;
      out[target + i] = (raw + pngPredict(type, left, up, upLeft)) & 0xff;
    }
  }
  return out;
}

function pngPredict(type: number, left: number, up: number, upLeft: number): number {
  switch (type) {
    case 0:
      return 0;
    case 1:
      return left;
    case 2:
      return up;
    case 3:
      return (left + up) >> 1;
    case 4: {
      const p = left + up - upLeft;
      const pa = Math.abs(p - left);
      const pb = Math.abs(p - up);
      const pc = Math.abs(p - upLeft);
      return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
    }
    default:
      throw new StreamDecodeError('corrupt', `unknown PNG row filter ${type}`);
  }
}

function tiffPredictor(data: Uint8Array, rowBytes: number, pixelBytes: number, bits: number): Uint8Array {
  const out = new Uint8Array(data);
  if (bits !== 8) return out; // sub-byte and 16-bit TIFF prediction is rare in scans; sizes are what matter here
  for (let start = 0; start + rowBytes <= out.length; start += rowBytes) {
    for (let i = pixelBytes; i < rowBytes; i++)
      out[start + i] = (out[start + i]! + out[start + i - pixelBytes]!) & 0xff;
  }
  return out;
}

interface DecodeStreamLike {
  getBytes(length: number): Uint8Array | Uint8ClampedArray;
  reset(): void;
}

type StreamConstructor<A extends unknown[]> = new (...args: A) => DecodeStreamLike;

/**
 * pdf-lib's decoder classes are not re-exported from its entry point; its ES
 * build cannot be imported by Node directly (extensionless specifiers), so the
 * CommonJS build is loaded.
 */
const load = createRequire(import.meta.url);
const streams = {
  Stream: load('pdf-lib/cjs/core/streams/Stream.js').default as StreamConstructor<[Uint8Array]>,
  LZWStream: load('pdf-lib/cjs/core/streams/LZWStream.js').default as StreamConstructor<
    [DecodeStreamLike, number | undefined, 0 | 1]
  >,
  Ascii85Stream: load('pdf-lib/cjs/core/streams/Ascii85Stream.js').default as StreamConstructor<[DecodeStreamLike]>,
  AsciiHexStream: load('pdf-lib/cjs/core/streams/AsciiHexStream.js').default as StreamConstructor<[DecodeStreamLike]>,
};
