/**
 * OpenAPI 3.1 path items of the roster routes, for the service's document to
 * merge in; errors point at the shared `Error` component.
 */
import { z } from 'zod';
import { XLSX_MEDIA_TYPE } from './workbook.js';
import { RosterImportResponse } from './schema.js';

type JsonObject = Record<string, unknown>;

const errorRef = { content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };

export function rosterImportOpenApiPaths(): JsonObject {
  const { $schema: _dropped, ...response } = z.toJSONSchema(RosterImportResponse, {
    io: 'output',
    unrepresentable: 'any',
  }) as JsonObject;
  return {
    '/v1/roster-imports/template.xlsx': {
      get: {
        tags: ['roster'],
        summary: '申报人员花名册模板 / the roster template staff fill in',
        responses: {
          200: {
            description: 'XLSX template',
            content: { [XLSX_MEDIA_TYPE]: { schema: { type: 'string', format: 'binary' } } },
          },
        },
      },
    },
    '/v1/roster-imports': {
      post: {
        tags: ['roster'],
        summary: '导入花名册 / a filled roster XLSX → dossiers plus per-row errors',
        description:
          'multipart/form-data with the workbook in field `file`, or the XLSX itself as the body. ' +
          'Answers 200 even when rows fail: each row lists its errors by sheet, row, Chinese column header and dossier JSON pointer. ' +
          'Rows whose 备注 contains 示例 are skipped and listed under `skipped`.',
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                required: ['file'],
                properties: { file: { type: 'string', format: 'binary' } },
              },
            },
            [XLSX_MEDIA_TYPE]: { schema: { type: 'string', format: 'binary' } },
          },
        },
        responses: {
          200: { description: 'Dossiers and per-row results', content: { 'application/json': { schema: response } } },
          415: { description: '`UNSUPPORTED_MEDIA_TYPE`', ...errorRef },
          422: { description: '`UPLOAD_INVALID`: no file, not an XLSX, too large, too many rows', ...errorRef },
        },
      },
    },
  };
}
