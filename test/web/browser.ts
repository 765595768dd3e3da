/**
 * End-to-end helpers: the app listening on 127.0.0.1 (random port) and
 * Debian's Chromium driven by playwright-core, headless, with a fresh profile.
 * The flags keep Chromium off the network it would otherwise try to reach
 * (the test machines have none) and quick to start.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { buildApp } from '../../src/app.js';
import { testConfig, type Config } from '../../src/config.js';
import { WEB_ROOT } from '../../src/http/web.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Long enough for a loaded 2-core machine; no test waits this long when things work. */
export const STEP_TIMEOUT = 60_000;

export interface Bench {
  readonly app: FastifyInstance;
  readonly baseUrl: string;
  readonly context: BrowserContext;
  readonly page: Page;
  readonly downloads: string;
  close(): Promise<void>;
}

export async function openBench(
  config: Partial<Config> = {},
  prepare?: (app: FastifyInstance) => void,
): Promise<Bench> {
  if (!existsSync(join(WEB_ROOT, 'index.html'))) {
    throw new Error(`the staff page is not built in ${WEB_ROOT}: run npm run build:web (npm test does)`);
  }
  const app = await buildApp(testConfig(config));
  prepare?.(app);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const profile = mkdtempSync(join(tmpdir(), 'zc-chromium-'));
  const downloads = mkdtempSync(join(tmpdir(), 'zc-downloads-'));
  writeFileSync(join(profile, 'fonts.conf'), fontConfig(profile));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    acceptDownloads: true,
    downloadsPath: downloads,
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timeout: STEP_TIMEOUT,
    env: { ...process.env, FONTCONFIG_FILE: join(profile, 'fonts.conf') },
  });
  context.setDefaultTimeout(STEP_TIMEOUT);
  const page = context.pages()[0] ?? (await context.newPage());
  // The page asks before replacing or clearing what the clerk typed; tests answer yes.
  page.on('dialog', (dialog) => void dialog.accept());
  return {
    app,
    baseUrl,
    context,
    page,
    downloads,
    async close() {
      await context.close().catch(() => undefined);
      // The browser's keep-alive connections would hold close() open.
      app.server.closeAllConnections();
      await app.close();
      rmSync(profile, { recursive: true, force: true });
      rmSync(downloads, { recursive: true, force: true });
    },
  };
}

/**
 * The machine's fonts plus the service's own Noto Sans SC (from npm), so a
 * test machine without CJK system fonts still draws Chinese in screenshots.
 */
function fontConfig(profile: string): string {
  const require = createRequire(import.meta.url);
  const sans = dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'));
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${join(sans, '400Regular')}</dir>
  <dir>${join(sans, '700Bold')}</dir>
  <cachedir>${join(profile, 'fontconfig')}</cachedir>
</fontconfig>
`;
}

/** Clicks and returns the saved download's path and suggested name. */
export async function download(page: Page, click: () => Promise<void>): Promise<{ path: string; name: string }> {
  const [event] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await event.path();
  return { path, name: event.suggestedFilename() };
}
