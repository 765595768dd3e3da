/**
 * JPEG and PNG structure checks, made before any pixel is decoded: the
 * declared size (width × height × channels × bits) comes from the header, and
 * the file must be whole and well formed, so a damaged image is a clear 422
 * rather than a decoder's exception or a blank picture in the packet.
 */
import { constants, crc32, inflateSync } from 'node:zlib';

export class ImageRefusal extends Error {
  constructor(
    readonly reason: 'corrupt' | 'truncated',
    readonly zh: string,
    message: string,
  ) {
    super(message);
    this.name = 'ImageRefusal';
  }
}

export interface ImageHeader {
  readonly width: number;
  readonly height: number;
  readonly channels: number;
  readonly bitsPerChannel: number;
  /** Decoded size, width × height × channels × bits / 8, in bytes. */
  readonly decodedBytes: number;
}

const corrupt = (zh: string, en: string) => new ImageRefusal('corrupt', zh, en);
const truncated = () => new ImageRefusal('truncated', '文件不完整（可能上传中断）', 'the image is truncated');

function header(width: number, height: number, channels: number, bitsPerChannel: number): ImageHeader {
  if (width === 0 || height === 0) throw corrupt('图像尺寸为零', 'the image has no pixels');
  const decodedBytes = Math.ceil((width * channels * bitsPerChannel) / 8) * height;
  return { width, height, channels, bitsPerChannel, decodedBytes };
}

/**
 * Walks the JPEG's markers: one frame header (SOFn) with 1, 3 or 4 components,
 * at least one scan with entropy-coded data, and the end marker.
 */
export function checkJpeg(bytes: Uint8Array, accept: AcceptHeader): ImageHeader {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let frame: ImageHeader | undefined;
  let scans = 0;
  let at = 2;
  for (;;) {
    if (at >= view.length) throw truncated();
    if (view[at] !== 0xff) throw corrupt('JPEG 文件已损坏（标记错误）', 'the JPEG is damaged (bad marker)');
    while (view[at] === 0xff) at++; // fill bytes
    if (at >= view.length) throw truncated();
    const marker = view[at++]!;
    if (marker === 0xd9) break; // EOI
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue;
    if (at + 2 > view.length) throw truncated();
    const length = view.readUInt16BE(at);
    if (length < 2) throw corrupt('JPEG 文件已损坏（段长度错误）', 'the JPEG is damaged (bad segment length)');
    if (at + length > view.length) throw truncated();
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (frame !== undefined) throw corrupt('JPEG 文件已损坏（多个帧头）', 'the JPEG is damaged (two frame headers)');
      frame = jpegFrame(view.subarray(at + 2, at + length));
    }
    at += length;
    if (marker === 0xda) {
      if (frame === undefined) throw corrupt('JPEG 文件已损坏（缺少帧头）', 'the JPEG is damaged (no frame header)');
      const end = endOfScanData(view, at);
      if (end === at) throw corrupt('JPEG 文件没有图像数据', 'the JPEG has no scan data');
      scans += 1;
      at = end;
    }
  }
  if (frame === undefined) throw corrupt('JPEG 文件已损坏（找不到图像尺寸）', 'the JPEG is damaged (no frame header)');
  if (scans === 0) throw corrupt('JPEG 文件没有图像数据', 'the JPEG has no scan data');
  accept(frame);
  return frame;
}

function jpegFrame(segment: Buffer): ImageHeader {
  if (segment.length < 6) throw corrupt('JPEG 文件已损坏（帧头过短）', 'the JPEG is damaged (short frame header)');
  const precision = segment[0]!;
  const height = segment.readUInt16BE(1);
  const width = segment.readUInt16BE(3);
  const components = segment[5]!;
  if (![1, 3, 4].includes(components)) {
    throw corrupt(
      `JPEG 有 ${components} 个颜色分量，只支持 1、3 或 4 个`,
      `the JPEG has ${components} colour components; only 1, 3 or 4 are supported`,
    );
  }
  if (segment.length < 6 + 3 * components || precision !== 8) {
    throw corrupt('JPEG 文件已损坏（帧头错误）', 'the JPEG is damaged (bad frame header)');
  }
  return header(width, height, components, precision);
}

/** Offset of the first marker after entropy-coded data starting at `from` (stuffed FF00 and RSTn are data). */
function endOfScanData(view: Buffer, from: number): number {
  let at = from;
  for (;;) {
    at = view.indexOf(0xff, at);
    if (at === -1 || at + 1 >= view.length) throw truncated();
    const next = view[at + 1]!;
    if (next === 0x00 || (next >= 0xd0 && next <= 0xd7) || next === 0xff) {
      at += next === 0xff ? 1 : 2;
      continue;
    }
    return at;
  }
}

const PNG_DEPTHS: Readonly<Record<number, readonly number[]>> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};
const PNG_CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** Called with the header before any image data is decoded; throws to refuse the image. */
export type AcceptHeader = (image: ImageHeader) => void;

/**
 * Walks the PNG's chunks (lengths, CRCs, IHDR first, PLTE for palette images,
 * IDAT, IEND) and, once `accept` has passed the header, inflates the image
 * data under the size the header implies.
 */
export function checkPng(bytes: Uint8Array, accept: AcceptHeader): ImageHeader {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let image: ImageHeader | undefined;
  let colorType = -1;
  let interlaced = false;
  let palette = false;
  const data: Buffer[] = [];
  let at = 8;
  for (;;) {
    if (at + 12 > view.length) throw truncated();
    const length = view.readUInt32BE(at);
    const type = view.toString('latin1', at + 4, at + 8);
    if (length > 0x7fffffff || !/^[A-Za-z]{4}$/.test(type)) {
      throw corrupt('PNG 文件已损坏（数据块错误）', 'the PNG is damaged (bad chunk)');
    }
    if (at + 12 + length > view.length) throw truncated();
    const body = view.subarray(at + 8, at + 8 + length);
    if (crc32(body, crc32(view.subarray(at + 4, at + 8))) !== view.readUInt32BE(at + 8 + length)) {
      throw corrupt(`PNG 文件已损坏（${type} 数据块校验错误）`, `the PNG is damaged (${type} chunk checksum)`);
    }
    if (image === undefined && type !== 'IHDR') throw corrupt('PNG 文件已损坏（缺少 IHDR）', 'the PNG has no IHDR');
    if (type === 'IHDR') {
      if (image !== undefined || length !== 13) throw corrupt('PNG 文件已损坏（IHDR 错误）', 'the PNG has a bad IHDR');
      ({ image, colorType, interlaced } = pngHeader(body));
    } else if (type === 'PLTE') {
      if (length === 0 || length % 3 !== 0 || length > 768 || data.length > 0) {
        throw corrupt('PNG 文件已损坏（调色板错误）', 'the PNG has a bad palette');
      }
      palette = true;
    } else if (type === 'IDAT') {
      data.push(body);
    } else if (type === 'IEND') {
      break;
    }
    at += 12 + length;
  }
  if (image === undefined || data.length === 0) throw corrupt('PNG 文件没有图像数据', 'the PNG has no image data');
  if (colorType === 3 && !palette) throw corrupt('PNG 调色板图像缺少调色板', 'the palette PNG has no PLTE chunk');
  accept(image);
  checkPngData(Buffer.concat(data), image, interlaced);
  return image;
}

function pngHeader(body: Buffer): { image: ImageHeader; colorType: number; interlaced: boolean } {
  const width = body.readUInt32BE(0);
  const height = body.readUInt32BE(4);
  const depth = body[8]!;
  const colorType = body[9]!;
  const allowed = PNG_DEPTHS[colorType];
  if (allowed === undefined || !allowed.includes(depth)) {
    throw corrupt(
      `PNG 的颜色类型 ${colorType}、位深 ${depth} 无效`,
      `the PNG has an invalid colour type ${colorType} / bit depth ${depth}`,
    );
  }
  if (body[10] !== 0 || body[11] !== 0 || (body[12] !== 0 && body[12] !== 1)) {
    throw corrupt('PNG 文件已损坏（IHDR 错误）', 'the PNG has a bad IHDR');
  }
  if (width > 0x7fffffff || height > 0x7fffffff) throw corrupt('PNG 图像尺寸无效', 'the PNG size is invalid');
  return { image: header(width, height, PNG_CHANNELS[colorType]!, depth), colorType, interlaced: body[12] === 1 };
}

/** The image data must be zlib data that inflates to the rows the header promises, and no more. */
function checkPngData(data: Buffer, image: ImageHeader, interlaced: boolean): void {
  const rowBytes = Math.ceil((image.width * image.channels * image.bitsPerChannel) / 8);
  const expected = image.height * (rowBytes + 1);
  // Adam7 passes add at most one filter byte and one partial byte per pass row.
  const cap = interlaced ? expected + image.height * 14 + 64 : expected;
  let inflated: Buffer;
  try {
    inflated = inflateSync(data, { maxOutputLength: Math.max(1, cap), finishFlush: constants.Z_SYNC_FLUSH });
  } catch (error) {
    if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw corrupt('PNG 图像数据比声明的尺寸多', 'the PNG holds more image data than its size declares');
    }
    throw corrupt('PNG 图像数据无法解压', 'the PNG image data is not valid zlib data');
  }
  if (!interlaced && inflated.length < expected) throw truncated();
}
