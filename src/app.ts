/**
 * buildApp(config): the whole HTTP service as a fastify instance, ready for
 * `inject` in tests or `listen` in src/server.ts. It never listens itself.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import { FORMS } from './forms/registry.js';
import type { FormDefinition } from './forms/types.js';
import { createFontServices, type FontServices } from './http/fonts.js';
import { clientErrorHandler, frameworkErrors } from './http/framework-errors.js';
import { maskLogObject, serializeError, serializeRequest } from './http/pii.js';
import { configuredKeys, createApiKeys, registerApiKeys } from './http/plugins/api-keys.js';
import { registerRateLimit } from './http/plugins/rate-limit.js';
import { registerSecurityHeaders } from './http/plugins/security-headers.js';
import { registerErrorHandler, trackRoutes } from './http/plugins/error-handler.js';
import { registerJsonBody } from './http/plugins/json-body.js';
import { quietLogLevel, retryAfterSeconds, serverLimits } from './http/plugins/limits.js';
import { registerMetrics } from './http/plugins/metrics.js';
import { registerOpenApi } from './http/plugins/openapi.js';
import checksRoutes from './http/routes/checks.js';
import formRoutes from './http/routes/forms.js';
import healthRoutes from './http/routes/health.js';
import verifyRoutes from './http/routes/verify.js';
import { rosterImportOpenApiPaths } from './roster-import/openapi.js';
import webRoutes from './http/web.js';
import rosterImportRoutes from './roster-import/routes.js';
import packetRoutes from './packet/routes.js';
import batchRoutes from './batch/routes.js';
import { dossierMaterialFindings } from './packet/contents.js';
import { packetContentsOpenApiPaths } from './packet/contents-route.js';
import { multipartBounds, scanPoolOptions, uploadLimits } from './packet/limits.js';
import { createScanPool } from './packet/scan-pool.js';
import { createRenderService, type RenderService, type RenderServiceOptions } from './render/pool.js';
import { createRotatingSigner } from './verify/index.js';

export interface AppOptions {
  /** The forms served; default the registry. Tests pass their own (a form that throws, a slow one). */
  readonly forms?: readonly FormDefinition[];
  /** Options of the render service built for the app (ignored when `renderService` is given). */
  readonly render?: Omit<RenderServiceOptions, 'forms'>;
  /** A ready-made render service; buildApp then does not close it. */
  readonly renderService?: RenderService;
  /** The secret that `renderService` signs verification codes with, when VERIFY_SECRET is not set. */
  readonly verifySecret?: string;
  readonly fonts?: FontServices;
  /** Where log lines go; default stdout. Tests read the log through it. */
  readonly logStream?: { write(line: string): void };
  /** API keys to require instead of the configured ones (tests). */
  readonly apiKeys?: readonly string[];
}

const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string })
  .version;

/** An incoming x-request-id is kept when it looks like an id, so logs join across services. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

declare module 'fastify' {
  interface FastifyInstance {
    /** Log level for routes that machines poll (see quietLogLevel). */
    quietLogLevel: Config['LOG_LEVEL'];
  }
}

export async function buildApp(config: Config, options: AppOptions = {}): Promise<FastifyInstance> {
  const forms = options.forms ?? FORMS;
  const fonts = options.fonts ?? createFontServices();

  const app = Fastify({
    ...serverLimits(config),
    logger: {
      level: config.LOG_LEVEL,
      // Bodies are never logged; these paths guard against one being attached by mistake.
      redact: {
        paths: ['body', 'req.body', 'input', 'dossier', 'req.headers.authorization', 'req.headers.cookie'],
        censor: '[redacted]',
      },
      // URLs without query values, errors without quoted text, every string masked for ID and phone numbers.
      serializers: { err: serializeError, req: serializeRequest },
      formatters: { log: maskLogObject },
      ...(options.logStream === undefined ? {} : { stream: options.logStream }),
    },
    requestIdHeader: false,
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
    // Errors before any route runs (a URL that does not decode, Node's parser errors) in the one error shape.
    frameworkErrors,
    clientErrorHandler,
  });

  // One secret for the codes the renderer prints and the verify route checks; production refuses to start
  // without one (src/config.ts), so every replica and restart agrees.
  const verifySecret = config.VERIFY_SECRET ?? options.verifySecret ?? randomBytes(32).toString('base64url');
  if (config.VERIFY_SECRET === undefined) {
    app.log.warn('VERIFY_SECRET is not set: review-form verification codes will not verify after a restart');
  }
  const apiKeys = createApiKeys(options.apiKeys ?? configuredKeys(config));
  if (!apiKeys.required) app.log.warn('API_KEYS is not set: the /v1 API is open to anyone who can reach it');
  const ownsRenderService = options.renderService === undefined;
  const renderService =
    options.renderService ??
    createRenderService({ ...config, VERIFY_SECRET: verifySecret }, { ...options.render, forms });
  if (ownsRenderService) app.addHook('onClose', async () => renderService.close());

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  app.decorate('quietLogLevel', quietLogLevel(config));
  trackRoutes(app);
  registerErrorHandler(app, { retryAfterSeconds: retryAfterSeconds(config) });
  registerJsonBody(app);
  // Before any route, so each route gets the headers, the key check and the limits.
  await registerSecurityHeaders(app);
  registerApiKeys(app, apiKeys, config.METRICS_PUBLIC);
  await registerRateLimit(app, config, apiKeys);
  registerMetrics(app, renderService);
  await registerOpenApi(app, forms, VERSION, {
    apiKeysRequired: apiKeys.required,
    ownPaths: { ...rosterImportOpenApiPaths(), ...packetContentsOpenApiPaths() },
  });

  await app.register(healthRoutes, { renderService, fonts });
  await app.register(formRoutes, { forms, renderService, fonts, manyApplicantsBodyLimit: config.UPLOAD_LIMIT });
  await app.register(checksRoutes, { materialFindings: (dossier) => dossierMaterialFindings(forms, dossier) });
  await app.register(verifyRoutes, { signer: createRotatingSigner(verifySecret, config.VERIFY_SECRET_PREVIOUS) });
  // One multipart parser for every upload route; each route sets its own per-file limits.
  await app.register(import('@fastify/multipart'), {
    limits: { fileSize: config.UPLOAD_FILE_LIMIT, files: config.UPLOAD_MAX_FILES },
  });
  await app.register(rosterImportRoutes, { limits: { maxFileBytes: config.UPLOAD_LIMIT } });
  const scanPool = createScanPool(scanPoolOptions(config));
  app.addHook('onClose', async () => scanPool.close());
  await app.register(packetRoutes, { forms, renderService, fonts, limits: uploadLimits(config), scanPool });
  await app.register(batchRoutes, {
    forms,
    renderService,
    fonts,
    maxApplicants: config.BATCH_MAX_APPLICANTS,
    maxFileBytes: config.UPLOAD_LIMIT,
    multipart: { ...multipartBounds(config), fileBytes: config.UPLOAD_LIMIT, files: 1 },
    concurrency: Math.max(1, config.RENDER_CONCURRENCY),
  });
  await app.register(webRoutes);

  return app;
}
