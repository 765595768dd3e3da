/**
 * Rate limits on /v1 with @fastify/rate-limit: RATE_LIMIT_MAX requests per
 * RATE_LIMIT_WINDOW_MS per API key (per client address when the caller has no
 * valid key), and a stricter VERIFY_RATE_LIMIT_MAX per address on the public
 * GET /v1/verify/:code. Past a limit: 429 RATE_LIMITED in the error shape with
 * Retry-After. Health probes, docs and the staff page's files are not limited.
 *
 * Counters live in each process (no shared store): behind N replicas a caller
 * gets up to N times the limit, which README explains when sizing.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import { AppError } from '../../errors.js';
import { type ApiKeys, isApiPath, isVerifyRoute } from './api-keys.js';

type RateLimitConfig = Pick<Config, 'RATE_LIMIT_MAX' | 'VERIFY_RATE_LIMIT_MAX' | 'RATE_LIMIT_WINDOW_MS'>;

const isVerify = (request: FastifyRequest): boolean => isVerifyRoute(request.routeOptions.url);

export async function registerRateLimit(app: FastifyInstance, config: RateLimitConfig, keys: ApiKeys): Promise<void> {
  const limitOf = (request: FastifyRequest): number =>
    isVerify(request) ? config.VERIFY_RATE_LIMIT_MAX : config.RATE_LIMIT_MAX;
  await app.register(rateLimit, {
    global: true,
    timeWindow: config.RATE_LIMIT_WINDOW_MS,
    max: (request) => limitOf(request),
    // Verify has its own counter, so checking codes does not use up a key's budget for renders.
    keyGenerator: (request) => `${isVerify(request) ? 'verify' : 'api'}|${keys.identify(request) ?? request.ip}`,
    allowList: (request) => !isApiPath(request.routeOptions.url ?? request.url) || limitOf(request) === 0,
    errorResponseBuilder: (_request, context) =>
      new AppError('RATE_LIMITED', {
        zh: `请求过于频繁（上限 ${context.max} 次），请 ${Math.ceil(context.ttl / 1000)} 秒后再试`,
        en: `Too many requests (limit ${context.max}); try again in ${context.after}`,
      }),
  });
}
