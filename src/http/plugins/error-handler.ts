/**
 * The only place an error becomes a response. Known errors (AppError, fastify's
 * body-parser errors) keep their code; anything else is a 500 whose cause is
 * logged with the request id and never shown to the caller.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorCode } from '../../errors.js';
import { errorBody } from '../error-body.js';

/** fastify's own error codes that callers can cause, mapped onto ours. */
const FASTIFY_CODES: Readonly<Record<string, ErrorCode>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_BAD_URL: 'BAD_REQUEST',
  FST_ERR_VALIDATION: 'BAD_REQUEST',
  FST_ERR_NOT_FOUND: 'NOT_FOUND',
  // @fastify/multipart (uploads)
  FST_PARTS_LIMIT: 'BODY_TOO_LARGE',
  FST_FILES_LIMIT: 'BODY_TOO_LARGE',
  FST_FIELDS_LIMIT: 'BODY_TOO_LARGE',
  FST_REQ_FILE_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_PROTO_VIOLATION: 'BAD_REQUEST',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_INVALID_JSON_FIELD_ERROR: 'MALFORMED_JSON',
};

/** Other client errors of fastify and its plugins, by status, so a caller's mistake is never a 500. */
const BY_STATUS: Readonly<Record<number, ErrorCode>> = {
  400: 'BAD_REQUEST',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'BODY_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
};

/** Seconds a refused caller should wait before trying again. */
export interface ErrorHandlerOptions {
  readonly retryAfterSeconds: number;
}

export function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  const { code, statusCode } = (error ?? {}) as Partial<FastifyError>;
  const mapped = code === undefined ? undefined : FASTIFY_CODES[code];
  if (mapped !== undefined) return new AppError(mapped, { cause: error });
  const byStatus =
    typeof code === 'string' && code.startsWith('FST_') && statusCode !== undefined ? BY_STATUS[statusCode] : undefined;
  if (byStatus !== undefined) return new AppError(byStatus, { cause: error });
  // JSON.parse errors from a parser without a fastify code (e.g. a plugin's) are still malformed input.
  if (error instanceof SyntaxError && (error as Partial<FastifyError>).statusCode === 400) {
    return new AppError('MALFORMED_JSON', { cause: error });
  }
  return undefined;
}

function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  if (error.code === 'TOO_MANY_REQUESTS' || error.statusCode === 503) {
    reply.header('retry-after', String(reply.server.retryAfterSeconds));
  }
  return reply.code(error.statusCode).type('application/json; charset=utf-8').send(errorBody(error, request.id));
}

export function registerErrorHandler(app: FastifyInstance, options: ErrorHandlerOptions): void {
  app.decorate('retryAfterSeconds', options.retryAfterSeconds);

  app.setErrorHandler((error: unknown, request, reply) => {
    const known = toAppError(error);
    if (known !== undefined && known.statusCode < 500) {
      request.log.info({ code: known.code, statusCode: known.statusCode }, 'request refused');
      return sendError(request, reply, known);
    }
    if (known !== undefined) {
      // Busy, timed out, not ready: expected under load; the cause (if any) helps an operator.
      const cause = known.cause === undefined ? {} : { err: known.cause };
      request.log.warn({ code: known.code, statusCode: known.statusCode, ...cause }, 'request failed');
      return sendError(request, reply, known);
    }
    request.log.error({ err: error }, 'unexpected error');
    return sendError(request, reply, new AppError('INTERNAL_ERROR', { cause: error }));
  });

  app.setNotFoundHandler((request, reply) => {
    const allowed = allowedMethods(app, request.url);
    if (allowed.length > 0) {
      reply.header('allow', allowed.join(', '));
      return sendError(request, reply, new AppError('METHOD_NOT_ALLOWED'));
    }
    return sendError(request, reply, new AppError('NOT_FOUND'));
  });
}

/** Methods registered for a path, so a wrong method gets 405 rather than 404. */
function allowedMethods(app: FastifyInstance, url: string): string[] {
  const path = url.split('?')[0] ?? url;
  const methods = new Set<string>();
  for (const route of app.routeTable) {
    if (route.pattern.test(path)) methods.add(route.method);
  }
  return [...methods].sort();
}

interface RouteEntry {
  readonly method: string;
  readonly pattern: RegExp;
}

/** Records every route as it is added (onRoute), as a regexp over concrete paths. */
export function trackRoutes(app: FastifyInstance): void {
  const table: RouteEntry[] = [];
  app.decorate('routeTable', table);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const source = route.url
      .split('/')
      .map((part) => (part.startsWith(':') ? '[^/]+' : part === '*' ? '.*' : escapeRegExp(part)))
      .join('/');
    const pattern = new RegExp(`^${source}/?$`);
    for (const method of methods) table.push({ method: String(method), pattern });
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

declare module 'fastify' {
  interface FastifyInstance {
    retryAfterSeconds: number;
    routeTable: RouteEntry[];
  }
}
