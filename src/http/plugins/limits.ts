/**
 * The limits every request is held to. Body size and the time to receive a
 * request are enforced by the server itself (fastify options below); render
 * concurrency, the bounded queue (429) and the render timeout (503) by the
 * render service (src/render/pool.ts), which every render route goes through.
 */
import type { ServerOptions } from 'node:http';
import type { FastifyServerOptions } from 'fastify';
import type { Config } from '../../config.js';

export function serverLimits(config: Config): Pick<
  FastifyServerOptions,
  'bodyLimit' | 'requestTimeout' | 'connectionTimeout'
> & {
  http: ServerOptions;
} {
  const timeout = config.REQUEST_TIMEOUT_MS;
  // Node checks request deadlines on an interval (30 s by default): check often enough to answer 408 on time.
  const checkEvery = timeout === 0 ? 30_000 : Math.min(30_000, Math.max(100, Math.floor(timeout / 4)));
  return {
    bodyLimit: config.BODY_LIMIT,
    requestTimeout: timeout,
    // A client that opens a socket and sends nothing is dropped as well; a little later than the request
    // deadline, so a slow request gets its 408 REQUEST_TIMEOUT answer before the socket goes.
    connectionTimeout: timeout === 0 ? 0 : timeout + checkEvery + 1_000,
    // Headers count against the same deadline (Node only enforces requestTimeout when headersTimeout ≤ it).
    http: { connectionsCheckingInterval: checkEvery, ...(timeout === 0 ? {} : { headersTimeout: timeout }) },
  };
}

/** What a refused caller is told to wait (Retry-After), in seconds: about one render's worth. */
export function retryAfterSeconds(config: Config): number {
  return Math.min(60, Math.max(1, Math.ceil(config.RENDER_TIMEOUT_MS / 1000 / 10)));
}

const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;

/**
 * Log level of routes polled by machines (health, metrics, OpenAPI): at least
 * `warn`, so probes do not flood the log, but never chattier than the service.
 */
export function quietLogLevel(config: Config): Config['LOG_LEVEL'] {
  return LEVELS.indexOf(config.LOG_LEVEL) > LEVELS.indexOf('warn') ? config.LOG_LEVEL : 'warn';
}
