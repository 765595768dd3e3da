/**
 * GET /openapi.json (OpenAPI 3.1) and GET /docs (Swagger UI from the locally
 * installed assets, no CDN). @fastify/swagger describes routes that carry
 * fastify schemas; the form, checks and operations routes are described by
 * src/http/openapi.ts from the zod schemas and the registry, merged in here.
 */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import type { FormDefinition } from '../../forms/types.js';
import { openApiParts } from '../openapi.js';

type JsonObject = Record<string, unknown>;

export async function registerOpenApi(
  app: FastifyInstance,
  forms: readonly FormDefinition[],
  version: string,
  /** Paths of routes that describe themselves (the roster workbook routes). */
  ownPaths: JsonObject = {},
): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'zhicheng-docs',
        version,
        description:
          '巴州档案系列职称申报文书生成服务：公示、承诺书、花名册、评审表等 PDF / DOCX / XLSX。\n\n' +
          'Every error has one shape (`Error`): `{ statusCode, code, error, message, details }`; ' +
          '`message` is "中文 / English", `details` lists problems by JSON pointer.',
      },
      tags: [
        { name: 'forms', description: '表单 / forms' },
        { name: 'checks', description: '规则检查 / rule checks' },
        { name: 'packets', description: '申报材料包 / print packets' },
        { name: 'batches', description: '批量生成 / batches' },
        { name: 'roster', description: '花名册模板与导入 / roster workbook template and import' },
        { name: 'verify', description: '验证码 / verification' },
        { name: 'operations', description: '运维 / operations' },
      ],
    },
    transformObject: (documents) => {
      const document = ('openapiObject' in documents ? documents.openapiObject : documents.swaggerObject) as JsonObject;
      const parts = openApiParts(forms, ownPaths);
      const components = (document.components ?? {}) as JsonObject;
      return {
        ...document,
        components: { ...components, schemas: { ...((components.schemas ?? {}) as JsonObject), ...parts.schemas } },
        paths: { ...((document.paths ?? {}) as JsonObject), ...parts.paths },
      } as typeof document as never;
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { docExpansion: 'list', deepLinking: true } });
  app.get('/openapi.json', { schema: { hide: true }, logLevel: app.quietLogLevel }, async () => app.swagger());
}
