/**
 * GET /healthz: the process answers. GET /readyz: fonts are parsed and the
 * render pool has started, so a render would not fail for want of either.
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors.js';
import type { RenderService } from '../../render/pool.js';
import type { FontServices } from '../fonts.js';

export interface HealthRoutesOptions {
  readonly renderService: RenderService;
  readonly fonts: FontServices;
}

export default async function healthRoutes(app: FastifyInstance, opts: HealthRoutesOptions): Promise<void> {
  const hidden = { schema: { hide: true }, logLevel: app.quietLogLevel };
  app.get('/healthz', hidden, async () => ({ status: 'ok' }));
  app.get('/readyz', hidden, async () => {
    const fonts = opts.fonts.loaded();
    const pool = opts.renderService.ready();
    if (!fonts || !pool) {
      throw new AppError('NOT_READY', {
        zh: `服务尚未就绪（字体${fonts ? '已' : '未'}加载，渲染进程${pool ? '已' : '未'}就绪）`,
        en: `The service is not ready (fonts ${fonts ? 'loaded' : 'not loaded'}, render pool ${pool ? 'ready' : 'not ready'})`,
      });
    }
    return { status: 'ready' };
  });
}
