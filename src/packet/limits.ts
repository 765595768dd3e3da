/** The upload limits of packet requests and the upload worker pool, from the service's configuration. */
import type { Config } from '../config.js';
import type { MultipartBounds } from './multipart-bounds.js';
import type { ScanPoolOptions } from './scan-pool.js';
import type { UploadLimits } from './upload.js';

export function uploadLimits(config: Config): UploadLimits {
  return {
    ...multipartBounds(config),
    pdfPages: config.UPLOAD_PDF_PAGES,
    perStream: config.PDF_STREAM_DECODE_LIMIT,
    total: config.PDF_TOTAL_DECODE_LIMIT,
    imagePixels: config.IMAGE_MAX_PIXELS,
    imageBytes: config.IMAGE_DECODED_LIMIT,
    requestImageBytes: config.UPLOAD_DECODED_LIMIT,
  };
}

export function multipartBounds(config: Config): MultipartBounds {
  return {
    fieldBytes: config.BODY_LIMIT,
    fieldsTotal: config.UPLOAD_FIELDS_LIMIT,
    requestBytes: config.UPLOAD_LIMIT,
    fileBytes: config.UPLOAD_FILE_LIMIT,
    files: config.UPLOAD_MAX_FILES,
  };
}

export function scanPoolOptions(config: Config): ScanPoolOptions {
  return {
    threads: config.UPLOAD_WORKERS,
    timeoutMs: config.UPLOAD_TIMEOUT_MS,
    maxHeapMb: config.UPLOAD_WORKER_HEAP_MB,
  };
}
