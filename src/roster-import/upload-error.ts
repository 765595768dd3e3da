/** The 422 for an upload that cannot be used, naming the file. */
import { AppError, type Problem } from '../errors.js';

export function uploadInvalid(fileName: string, code: string, zh: string, en: string): AppError {
  const problem: Problem = { path: '/file', code, message: `${fileName}：${zh}`, messageEn: `${fileName}: ${en}` };
  return new AppError('UPLOAD_INVALID', { details: [problem], zh: problem.message, en: problem.messageEn });
}
