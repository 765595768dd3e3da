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

export interface OpenApiOptions {
  /** API keys are configured: the document says so in its description. */
  readonly apiKeysRequired: boolean;
  /** Paths of routes that describe themselves (the roster workbook routes, the packet contents). */
  readonly ownPaths?: JsonObject;
}

export async function registerOpenApi(
  app: FastifyInstance,
  forms: readonly FormDefinition[],
  version: string,
  options: OpenApiOptions = { apiKeysRequired: false },
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
      const parts = openApiParts(forms, options.ownPaths);
      const components = (document.components ?? {}) as JsonObject;
      return {
        ...document,
        components: {
          ...components,
          schemas: { ...((components.schemas ?? {}) as JsonObject), ...parts.schemas },
          securitySchemes: { apiKey: API_KEY_SCHEME(options.apiKeysRequired) },
        },
        security: [{ apiKey: [] }],
        paths: withPublicRoutes({ ...((document.paths ?? {}) as JsonObject), ...parts.paths }),
      } as typeof document as never;
    },
  });
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    // No validator badge: it would load an image from validator.swagger.io (the CSP allows only this server).
    uiConfig: { docExpansion: 'list', deepLinking: true, validatorUrl: null },
    // Swagger UI's bundle inserts one fixed <style> element; allow exactly that one on its pages, by hash.
    transformStaticCSP: (header) => header.replace("style-src 'self'", `style-src 'self' '${SWAGGER_UI_STYLE_HASH}'`),
  });
  app.get('/openapi.json', { schema: { hide: true }, logLevel: app.quietLogLevel }, async () => app.swagger());
}

/**
 * SHA-256 of the <style> element the installed Swagger UI bundle inserts at run time (as chromium
 * reports it for a CSP without it). Another Swagger UI version may insert another: chromium then
 * logs the new hash as a CSP violation on /docs.
 */
const SWAGGER_UI_STYLE_HASH = 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w=';

/** The bearer scheme of API_KEYS (README: locking the API down). */
const API_KEY_SCHEME = (required: boolean): JsonObject => ({
  type: 'http',
  scheme: 'bearer',
  description:
    'API key (API_KEYS / API_KEYS_FILE) as `Authorization: Bearer <key>`. ' +
    (required
      ? 'This server requires it on every /v1 route except GET /v1/verify/{code}.'
      : 'This server has no keys configured: the API is open.'),
});

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/** Operations open without a key: verification (the code is on paper) and everything outside /v1 but /metrics. */
function withPublicRoutes(paths: JsonObject): JsonObject {
  return Object.fromEntries(
    Object.entries(paths).map(([path, item]) => {
      const open = path.startsWith('/v1/verify/') || (!path.startsWith('/v1/') && path !== '/metrics');
      if (!open) return [path, item];
      const operations = Object.entries(item as JsonObject).map(([method, operation]) => [
        method,
        HTTP_METHODS.has(method) ? { ...(operation as JsonObject), security: [] } : operation,
      ]);
      return [path, Object.fromEntries(operations)];
    }),
  );
}
