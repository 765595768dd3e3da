/**
 * API keys. With API_KEYS or API_KEYS_FILE set, every /v1 route needs
 * `Authorization: Bearer <key>` (401 UNAUTHORIZED otherwise), except
 * GET /v1/verify/:code, whose code is printed on paper for anyone to check.
 * Health probes, the OpenAPI document, the Swagger UI and the staff page's
 * static files never need a key; /metrics does unless METRICS_PUBLIC is set.
 *
 * Keys are kept only as SHA-256 digests and compared in constant time with
 * every configured digest, so neither the comparison nor the memory gives a
 * key away. The rate limiter identifies a caller by its key's digest prefix.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ConfigError, type Config } from '../../config.js';
import { AppError } from '../../errors.js';

export interface ApiKeys {
  /** True when keys are configured (the API is locked). */
  readonly required: boolean;
  /** A short, non-secret id of the caller's valid key, or undefined. */
  identify(request: FastifyRequest): string | undefined;
}

const digest = (key: string): Buffer => createHash('sha256').update(key, 'utf8').digest();

/** The configured keys: API_KEYS (comma-separated) and the lines of API_KEYS_FILE. */
export function configuredKeys(config: Pick<Config, 'API_KEYS' | 'API_KEYS_FILE'>): string[] {
  const fromEnv = (config.API_KEYS ?? '').split(',');
  let fromFile: string[] = [];
  if (config.API_KEYS_FILE !== undefined) {
    try {
      fromFile = readFileSync(config.API_KEYS_FILE, 'utf8').split(/\r?\n/);
    } catch (error) {
      throw new ConfigError(`API_KEYS_FILE=${JSON.stringify(config.API_KEYS_FILE)}: ${(error as Error).message}`);
    }
  }
  const keys = [...fromEnv, ...fromFile].map((key) => key.trim()).filter((key) => key !== '' && !key.startsWith('#'));
  if ((config.API_KEYS !== undefined || config.API_KEYS_FILE !== undefined) && keys.length === 0) {
    // A lock configured with no key would leave the API open by mistake.
    throw new ConfigError('API_KEYS / API_KEYS_FILE: set but no key found');
  }
  return keys;
}

export function createApiKeys(keys: readonly string[]): ApiKeys {
  const digests = keys.map(digest);
  return {
    required: digests.length > 0,
    identify(request) {
      const header = request.headers.authorization;
      if (typeof header !== 'string') return undefined;
      const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
      if (match?.[1] === undefined) return undefined;
      const given = digest(match[1]);
      let found: Buffer | undefined;
      // Every digest is compared, so the time taken does not tell which (if any) matched.
      for (const candidate of digests) {
        if (timingSafeEqual(candidate, given)) found = candidate;
      }
      return found === undefined ? undefined : `key:${found.subarray(0, 6).toString('hex')}`;
    },
  };
}

/** Whether a request must carry a key: /v1 (but verify) and, unless public, /metrics. */
function needsKey(request: FastifyRequest, metricsPublic: boolean): boolean {
  const route = request.routeOptions.url;
  const path = route === undefined || route === '*' || route === '/*' ? rawPath(request.url) : route;
  if (isVerifyRoute(path) && (request.method === 'GET' || request.method === 'HEAD')) return false;
  if (path === '/metrics') return !metricsPublic;
  return isApiPath(path);
}

/** The verify route (and its catch-all for overlong codes). */
export function isVerifyRoute(route: string | undefined): boolean {
  return route === '/v1/verify/:code' || route === '/v1/verify/*';
}

export function isApiPath(path: string): boolean {
  return path === '/v1' || path.startsWith('/v1/');
}

function rawPath(url: string): string {
  const end = url.search(/[?#]/);
  return end < 0 ? url : url.slice(0, end);
}

export function registerApiKeys(app: FastifyInstance, keys: ApiKeys, metricsPublic: boolean): void {
  if (!keys.required) return;
  app.addHook('onRequest', async (request, reply) => {
    if (!needsKey(request, metricsPublic)) return;
    if (keys.identify(request) !== undefined) return;
    reply.header('www-authenticate', 'Bearer realm="zhicheng-docs"');
    throw new AppError('UNAUTHORIZED');
  });
}
