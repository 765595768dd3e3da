/**
 * The process: read the configuration, start the render threads, build the
 * app, listen; on SIGTERM/SIGINT shut down cleanly (src/shutdown.ts) and exit 0.
 *
 * Start-up is ordered for a short time to ready: the render threads start
 * first, from a small module graph, so that they load their modules, adopt the
 * fonts and warm up while this thread loads the app (the larger graph) and
 * builds it. Only then is the rest imported.
 */
import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createFontServices } from './http/fonts.js';
import { createRenderService } from './render/pool.js';
import { onceShutdown } from './shutdown.js';

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }

  // One secret for the codes the threads print and the verify route checks (random when unset: see buildApp).
  const verifySecret = config.VERIFY_SECRET ?? randomBytes(32).toString('base64url');
  const renderService = createRenderService({ ...config, VERIFY_SECRET: verifySecret });

  const [{ buildApp }, { preloadTemplates }, { FORMS }, { warmUpRenderers }] = await Promise.all([
    import('./app.js'),
    import('./text/index.js'),
    import('./forms/registry.js'),
    import('./render/warm-up.js'),
  ]);
  const fonts = createFontServices();
  const app = await buildApp(config, { fonts, renderService, verifySecret });
  app.addHook('onClose', async () => renderService.close());
  try {
    await fonts.preload();
  } catch (error) {
    // Stay up but not ready: /readyz answers 503 so the orchestrator sees why.
    app.log.error({ err: error }, 'fonts could not be loaded');
  }
  // Compile every template now: an operator's broken edit shows in the log at start, not on a request.
  try {
    preloadTemplates();
    // Worker threads warm up on their own; without them, this thread renders.
    if (config.RENDER_WORKERS === 0) await warmUpRenderers(FORMS);
  } catch (error) {
    app.log.error({ err: error }, 'a template does not compile, or a sample does not render');
  }

  const shutdown = onceShutdown(app, config.SHUTDOWN_GRACE_MS);
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);

  await app.listen({ host: config.HOST, port: config.PORT });
  app.log.info({ node: process.version }, 'running on Node %s', process.version);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `zhicheng-docs failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
