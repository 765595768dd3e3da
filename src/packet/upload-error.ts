/**
 * The error every refused upload gets: 422 UPLOAD_INVALID with one detail that
 * names the file. Its own module so that the main thread can raise it without
 * loading the scan readers (pdf-lib, exifr), which only upload threads need.
 */
import { AppError, type Problem } from '../errors.js';
import type { UploadedFile } from './scans.js';

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
