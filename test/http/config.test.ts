import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('loadConfig', () => {
  it('has defaults that run on a laptop', () => {
    const config = loadConfig({});
    expect(config.HOST).toBe('0.0.0.0');
    expect(config.PORT).toBe(3000);
    expect(config.BODY_LIMIT).toBe(1024 * 1024);
    expect(config.RENDER_TIMEOUT_MS).toBe(30_000);
    expect(config.RENDER_CONCURRENCY).toBeGreaterThanOrEqual(1);
    expect(config.WATERMARK_TEXT).toBe('档案系列职称评审专用');
    expect(config.VERIFY_SECRET).toBeUndefined();
  });

  it('reads numbers from strings and treats empty values as unset', () => {
    const config = loadConfig({ PORT: '8080', RENDER_WORKERS: '0', BODY_LIMIT: '', VERIFY_SECRET: '' });
    expect(config.PORT).toBe(8080);
    expect(config.RENDER_WORKERS).toBe(0);
    expect(config.BODY_LIMIT).toBe(1024 * 1024);
    expect(config.VERIFY_SECRET).toBeUndefined();
  });

  it('refuses an invalid value, naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT="eighty"/);
    expect(() => loadConfig({ RENDER_CONCURRENCY: '0' })).toThrow(/RENDER_CONCURRENCY/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });
});
