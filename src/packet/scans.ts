/**
 * Uploaded scans (JPEG, PNG, PDF): recognised by their bytes, never by their
 * name, and checked before anything is drawn. A file that is truncated,
 * encrypted, damaged or too big is refused with a 422 naming the file.
 */
import { PDFDocument } from 'pdf-lib';
import { AppError, type Problem } from '../errors.js';
import { checkDecodedSize, type DecodeLimits } from './pdf-guard.js';

export interface ScanLimits extends DecodeLimits {
  /** Most pages of one uploaded PDF. */
  readonly pdfPages: number;
  /** Most pixels of one image (width × height). */
  readonly imagePixels: number;
}

export type ScanKind = 'jpeg' | 'png' | 'pdf';

export interface Scan {
  /** The catalogue item (附件6 序号, 1–13) the scan belongs to. */
  readonly item: number;
  readonly fileName: string;
  readonly kind: ScanKind;
  readonly bytes: Uint8Array;
  /** Pages it adds to the packet (1 for an image). */
  readonly pages: number;
}

export interface UploadedFile {
  readonly item: number;
  readonly fileName: string;
  readonly bytes: Uint8Array;
  /** JSON-pointer-like name of the upload for error details, e.g. "/files/item6/id-card.jpg". */
  readonly path: string;
}

export async function inspectScan(file: UploadedFile, limits: ScanLimits): Promise<Scan> {
  const kind = sniff(file.bytes);
  if (kind === undefined)
    throw uploadError(file, '不是 JPEG、PNG 或 PDF 文件', 'is not a JPEG, PNG or PDF file', 'UPLOAD_TYPE');
  if (kind === 'jpeg') checkJpeg(file, limits);
  if (kind === 'png') checkPng(file, limits);
  const pages = kind === 'pdf' ? await checkPdf(file, limits) : 1;
  return { item: file.item, fileName: file.fileName, kind, bytes: file.bytes, pages };
}

export function sniff(bytes: Uint8Array): ScanKind | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  // "%PDF-" may follow a little junk; readers accept it within the first kilobyte.
  if (Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-')) return 'pdf';
  return undefined;
}

function checkJpeg(file: UploadedFile, limits: ScanLimits): void {
  const size = jpegSize(file.bytes);
  if (!size)
    throw uploadError(
      file,
      'JPEG 文件已损坏（找不到图像尺寸）',
      'the JPEG is damaged (no frame header)',
      'UPLOAD_CORRUPT',
    );
  // A complete JPEG ends with the EOI marker; a truncated upload does not.
  const tail = Buffer.from(file.bytes.subarray(Math.max(0, file.bytes.length - 64)));
  if (!tail.includes(Buffer.from([0xff, 0xd9]))) {
    throw uploadError(file, 'JPEG 文件不完整（可能上传中断）', 'the JPEG is truncated', 'UPLOAD_TRUNCATED');
  }
  checkPixels(file, size, limits);
}

function checkPng(file: UploadedFile, limits: ScanLimits): void {
  const view = Buffer.from(file.bytes);
  if (view.length < 33 || view.toString('latin1', 12, 16) !== 'IHDR') {
    throw uploadError(file, 'PNG 文件已损坏', 'the PNG is damaged', 'UPLOAD_CORRUPT');
  }
  if (!view.subarray(Math.max(0, view.length - 32)).includes(Buffer.from('IEND'))) {
    throw uploadError(file, 'PNG 文件不完整（可能上传中断）', 'the PNG is truncated', 'UPLOAD_TRUNCATED');
  }
  checkPixels(file, { width: view.readUInt32BE(16), height: view.readUInt32BE(20) }, limits);
}

async function checkPdf(file: UploadedFile, limits: ScanLimits): Promise<number> {
  const verdict = checkDecodedSize(file.bytes, limits);
  if (!verdict.ok) {
    throw uploadError(
      file,
      'PDF 文件解压后过大（疑似压缩炸弹）',
      'the PDF decompresses to more than the limit (a decompression bomb)',
      'UPLOAD_PDF_BOMB',
    );
  }
  // Encrypted files may fail to parse before pdf-lib notices the encryption, so look first.
  if (/\/Encrypt\s*\d+\s+\d+\s+R/.test(Buffer.from(file.bytes).toString('latin1'))) throw encryptedError(file);
  let pdf: PDFDocument;
  try {
    pdf = await PDFDocument.load(file.bytes, { updateMetadata: false, throwOnInvalidObject: true });
  } catch (error) {
    if ((error as Error).name === 'EncryptedPDFError' || /encrypt/i.test((error as Error).message))
      throw encryptedError(file);
    throw uploadError(file, 'PDF 文件已损坏，无法读取', 'the PDF is damaged and cannot be read', 'UPLOAD_CORRUPT');
  }
  const pages = pdf.getPageCount();
  if (pages === 0) throw uploadError(file, 'PDF 文件没有页面', 'the PDF has no pages', 'UPLOAD_CORRUPT');
  if (pages > limits.pdfPages) {
    throw uploadError(
      file,
      `PDF 有 ${pages} 页，超过上限 ${limits.pdfPages} 页`,
      `the PDF has ${pages} pages, more than the limit of ${limits.pdfPages}`,
      'UPLOAD_TOO_MANY_PAGES',
    );
  }
  return pages;
}

function encryptedError(file: UploadedFile): AppError {
  return uploadError(
    file,
    'PDF 文件已加密，请上传未加密的文件',
    'the PDF is encrypted; upload an unencrypted copy',
    'UPLOAD_ENCRYPTED',
  );
}

function checkPixels(file: UploadedFile, size: { width: number; height: number }, limits: ScanLimits): void {
  if (size.width === 0 || size.height === 0)
    throw uploadError(file, '图像尺寸为零', 'the image has no pixels', 'UPLOAD_CORRUPT');
  if (size.width * size.height > limits.imagePixels) {
    throw uploadError(
      file,
      `图像过大（${size.width}×${size.height} 像素）`,
      `the image is too large (${size.width}×${size.height} pixels)`,
      'UPLOAD_TOO_LARGE',
    );
  }
}

/** Width and height from the first SOFn marker, or undefined if there is none. */
function jpegSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 2;
  while (at + 9 < view.length) {
    if (view[at] !== 0xff) return undefined;
    const marker = view[at + 1]!;
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01 || marker === 0xff) {
      at += marker === 0xff ? 1 : 2;
      continue;
    }
    const length = view.readUInt16BE(at + 2);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) return { height: view.readUInt16BE(at + 5), width: view.readUInt16BE(at + 7) };
    at += 2 + length;
  }
  return undefined;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

export function uploadError(
  file: Pick<UploadedFile, 'fileName' | 'path'>,
  zh: string,
  en: string,
  code: string,
): AppError {
  const detail: Problem = {
    path: file.path,
    code,
    message: `文件“${file.fileName}”${zh}`,
    messageEn: `File "${file.fileName}": ${en}`,
  };
  return new AppError('UPLOAD_INVALID', { details: [detail], zh: detail.message, en: detail.messageEn });
}
