/**
 * The one error shape of the API (docs/api.md): what every error response carries.
 * The zod schema feeds the OpenAPI document; `errorBody` fills it from an AppError.
 */
import { STATUS_CODES } from 'node:http';
import { z } from 'zod';
import type { AppError } from '../errors.js';

export const ProblemSchema = z.object({
  path: z.string().meta({ description: 'JSON pointer into the request, e.g. /applicant/idNumber' }),
  code: z.string(),
  message: z.string().meta({ description: '中文说明' }),
  messageEn: z.string(),
});

export const ErrorBody = z.object({
  statusCode: z.number().int(),
  code: z.string().meta({ description: 'A code of the error table (README)' }),
  error: z.string().meta({ description: 'HTTP reason phrase' }),
  message: z.string().meta({ description: '"中文 / English"' }),
  details: z.array(ProblemSchema),
  requestId: z.string().optional().meta({ description: 'Present on 5xx: quote it when reporting a fault' }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export function errorBody(error: AppError, requestId?: string): ErrorBody {
  const body: ErrorBody = {
    statusCode: error.statusCode,
    code: error.code,
    error: STATUS_CODES[error.statusCode] ?? 'Error',
    message: `${error.zh} / ${error.en}`,
    details: error.details.map(({ path, code, message, messageEn }) => ({ path, code, message, messageEn })),
  };
  if (error.statusCode >= 500 && requestId !== undefined) body.requestId = requestId;
  return body;
}
