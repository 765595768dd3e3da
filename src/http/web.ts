/**
 * The staff page (工作台) at `/`: the files Vite built into dist/web, served by
 * this service itself so the page works on an intranet without a CDN.
 * index.html is revalidated on every load; the hashed files under /assets/
 * never change, so browsers keep them.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';

/** The repository root: the nearest folder above this module holding package.json (src/ under tsx, dist/ compiled). */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return dir;
}

export const WEB_ROOT = join(packageRoot(), 'dist', 'web');

export default async function webRoutes(app: FastifyInstance, opts: { root?: string } = {}): Promise<void> {
  const root = opts.root ?? WEB_ROOT;
  if (!existsSync(join(root, 'index.html'))) {
    app.log.warn({ root }, 'the staff page is not built (npm run build:web): / answers 503');
    app.get('/', { schema: { hide: true } }, async () => {
      throw new AppError('NOT_READY', {
        zh: '工作台页面尚未构建（npm run build:web）',
        en: 'The staff page is not built (npm run build:web)',
      });
    });
    return;
  }
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    // One route per built file, so unknown paths keep the API's JSON 404.
    wildcard: false,
    index: ['index.html'],
    // @fastify/static sets its own max-age after this: cacheControl off, ours only.
    cacheControl: false,
    setHeaders: (reply, path) => {
      reply.header(
        'cache-control',
        path.startsWith(join(root, 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
}
