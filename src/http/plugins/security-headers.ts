/**
 * Security headers on every response, with @fastify/helmet. The Content
 * Security Policy allows only this server's own files: the Swagger UI at /docs
 * and the staff page at / load their scripts, styles, fonts and images from
 * here (no CDN, no inline script); `blob:` frames and objects show PDF
 * previews; `data:` images are Swagger UI's icons. No upgrade-insecure-requests:
 * an intranet deployment may serve plain HTTP behind its own proxy.
 */
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  connectSrc: ["'self'"],
  fontSrc: ["'self'", 'data:'],
  formAction: ["'self'"],
  frameAncestors: ["'self'"],
  frameSrc: ["'self'", 'blob:'],
  imgSrc: ["'self'", 'data:', 'blob:'],
  objectSrc: ["'self'", 'blob:'],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  upgradeInsecureRequests: null,
} as const;

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: { ...CONTENT_SECURITY_POLICY } },
    // The service answers same-origin pages and API clients; PDFs open in the browser's own viewer.
    crossOriginEmbedderPolicy: false,
    // Plain-HTTP intranets: HSTS belongs to the TLS-terminating proxy, which knows the real scheme.
    strictTransportSecurity: false,
  });
}
