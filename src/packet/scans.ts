/**
 * Uploaded scans (JPEG, PNG, PDF): recognised by their bytes, never by their
 * name, checked within bounds, and turned into clean A4 pages. A file that is
 * truncated, encrypted, damaged or too big is refused with a 422 naming the
 * file. inspectScan runs in an upload worker thread (scan-pool.ts), never on
 * the event loop.
 */
import type { AppError } from '../errors.js';
import { checkJpeg, checkPng, ImageRefusal, type ImageHeader } from './image-check.js';
import { type DecodeLimits, loadGuardedPdf, PdfRefusal } from './pdf-guard.js';
import { imagePages, pdfPages } from './scan-pages.js';
import { uploadError } from './upload-error.js';

export interface ScanLimits extends DecodeLimits {
  /** Most pages of one uploaded PDF. */
  readonly pdfPages: number;
  /** Most pixels of one image (width × height). */
  readonly imagePixels: number;
}

type ScanKind = 'jpeg' | 'png' | 'pdf';

export interface Scan {
  /** The catalogue item (附件6 序号, 1–13) the scan belongs to. */
  readonly item: number;
  readonly fileName: string;
  /** What was uploaded. */
  readonly kind: ScanKind;
  /** The upload's pages, disarmed and fitted to A4: a PDF of our own making. */
  readonly pdf: Uint8Array;
  /** Pages it adds to the packet (1 for an image). */
  readonly pages: number;
  /** Declared decoded size of its images (width × height × channels × bits / 8), in bytes. */
  readonly imageBytes: number;
}

export interface UploadedFile {
  readonly item: number;
  readonly fileName: string;
  readonly bytes: Uint8Array;
  /** JSON-pointer-like name of the upload for error details, e.g. "/files/item6/id-card.jpg". */
  readonly path: string;
}

/** `imageBudget`: decoded image bytes the request has left (the per-request budget). */
export async function inspectScan(file: UploadedFile, limits: ScanLimits, imageBudget = Infinity): Promise<Scan> {
  const kind = sniff(file.bytes);
  if (kind === undefined)
    throw uploadError(file, '不是 JPEG、PNG 或 PDF 文件', 'is not a JPEG, PNG or PDF file', 'UPLOAD_TYPE');
  const base = { item: file.item, fileName: file.fileName, kind };
  if (kind === 'pdf') return { ...base, ...(await inspectPdf(file, limits, imageBudget)) };
  const image = checkImage(file, kind, limits, imageBudget);
  return { ...base, pdf: await imagePages(kind, file.bytes), pages: 1, imageBytes: image.decodedBytes };
}

function sniff(bytes: Uint8Array): ScanKind | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  // "%PDF-" may follow a little junk; readers accept it within the first kilobyte.
  if (Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-')) return 'pdf';
  return undefined;
}

function checkImage(file: UploadedFile, kind: 'jpeg' | 'png', limits: ScanLimits, imageBudget: number): ImageHeader {
  // The size is judged from the header, before any image data is inflated.
  const accept = ({ width, height, decodedBytes }: ImageHeader) => {
    if (width * height > limits.imagePixels) {
      throw uploadError(
        file,
        `图像过大（${width}×${height} 像素，上限 ${limits.imagePixels} 像素）`,
        `the image is too large (${width}×${height} pixels; the limit is ${limits.imagePixels})`,
        'UPLOAD_TOO_LARGE',
      );
    }
    checkImageBytes(file, decodedBytes, limits, imageBudget);
  };
  try {
    return kind === 'jpeg' ? checkJpeg(file.bytes, accept) : checkPng(file.bytes, accept);
  } catch (error) {
    if (!(error instanceof ImageRefusal)) throw error;
    const code = error.reason === 'truncated' ? 'UPLOAD_TRUNCATED' : 'UPLOAD_CORRUPT';
    throw uploadError(file, error.zh, error.message, code);
  }
}

function checkImageBytes(file: UploadedFile, bytes: number, limits: ScanLimits, imageBudget: number): void {
  if (bytes > limits.imageBytes) {
    throw uploadError(
      file,
      `图像解码后 ${bytes} 字节，超过单个文件上限 ${limits.imageBytes} 字节`,
      `the image decodes to ${bytes} bytes, more than the limit of ${limits.imageBytes} per file`,
      'UPLOAD_TOO_LARGE',
    );
  }
  if (bytes > imageBudget) {
    throw uploadError(
      file,
      '使本次上传的图像解码后合计超过上限',
      'it takes the decoded size of this request’s images past the limit',
      'UPLOAD_TOO_LARGE',
    );
  }
}

async function inspectPdf(
  file: UploadedFile,
  limits: ScanLimits,
  imageBudget: number,
): Promise<{ pdf: Uint8Array; pages: number; imageBytes: number }> {
  let guarded: Awaited<ReturnType<typeof loadGuardedPdf>>;
  try {
    guarded = await loadGuardedPdf(file.bytes, limits);
  } catch (error) {
    if (!(error instanceof PdfRefusal)) throw error;
    throw pdfError(file, error, limits);
  }
  checkImageBytes(file, guarded.imageBytes, { ...limits, imageBytes: Infinity }, imageBudget);
  const pages = guarded.doc.getPageCount();
  if (pages === 0) throw uploadError(file, 'PDF 文件没有页面', 'the PDF has no pages', 'UPLOAD_CORRUPT');
  if (pages > limits.pdfPages) {
    throw uploadError(
      file,
      `PDF 有 ${pages} 页，超过上限 ${limits.pdfPages} 页`,
      `the PDF has ${pages} pages, more than the limit of ${limits.pdfPages}`,
      'UPLOAD_TOO_MANY_PAGES',
    );
  }
  let pdf: Uint8Array;
  try {
    pdf = await pdfPages(guarded);
  } catch {
    throw uploadError(file, 'PDF 页面无法读取', 'the PDF pages cannot be read', 'UPLOAD_CORRUPT');
  }
  return { pdf, pages, imageBytes: guarded.imageBytes };
}

function pdfError(file: UploadedFile, refusal: PdfRefusal, limits: ScanLimits): AppError {
  switch (refusal.reason) {
    case 'bomb':
      return uploadError(
        file,
        `PDF 文件解压后过大（单个数据流上限 ${limits.perStream} 字节、整个文件上限 ${limits.total} 字节，疑似压缩炸弹）`,
        `the PDF decompresses to more than the limit (${limits.perStream} bytes per stream, ${limits.total} per file; a decompression bomb)`,
        'UPLOAD_PDF_BOMB',
      );
    case 'encrypted':
      return uploadError(
        file,
        'PDF 文件已加密，请上传未加密的文件',
        'the PDF is encrypted; upload an unencrypted copy',
        'UPLOAD_ENCRYPTED',
      );
    case 'image-too-large':
      return uploadError(
        file,
        `PDF 中的图像解码后超过上限 ${limits.imageBytes} 字节`,
        `an image in the PDF decodes to more than the limit of ${limits.imageBytes} bytes`,
        'UPLOAD_TOO_LARGE',
      );
    default:
      return uploadError(file, 'PDF 文件已损坏，无法读取', 'the PDF is damaged and cannot be read', 'UPLOAD_CORRUPT');
  }
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}
