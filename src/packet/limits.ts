/** The upload limits of packet requests, from the service's configuration. */
import type { Config } from '../config.js';
import type { UploadLimits } from './upload.js';

export function uploadLimits(config: Config): UploadLimits {
  return {
    fileBytes: config.UPLOAD_FILE_LIMIT,
    requestBytes: config.UPLOAD_LIMIT,
    files: config.UPLOAD_MAX_FILES,
    pdfPages: config.UPLOAD_PDF_PAGES,
    perStream: config.PDF_STREAM_DECODE_LIMIT,
    total: config.PDF_TOTAL_DECODE_LIMIT,
    imagePixels: config.IMAGE_MAX_PIXELS,
  };
}
