import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_KEYS } from '../../src/config.js';
import { FINDING_CODES } from '../../src/domain/checks.js';
import { VALIDATION_CODES } from '../../src/domain/problems.js';
import { ERROR_CODES } from '../../src/errors.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it.each(Object.entries(ERROR_CODES))('documents error code %s with its status and both messages', (code, entry) => {
    const row = readme.split('\n').find((line) => line.startsWith(`| \`${code}\` |`));
    expect(row, `README lacks a table row for ${code}`).toBeDefined();
    expect(row).toContain(`| ${entry.status} |`);
    expect(row).toContain(entry.zh);
    expect(row).toContain(entry.en);
  });

  it.each([...VALIDATION_CODES, ...FINDING_CODES].map((code) => [code]))('documents the problem code %s', (code) => {
    expect(readme).toContain(`\`${code}\``);
  });

  it.each(CONFIG_KEYS.map((key) => [key]))('documents the setting %s', (key) => {
    expect(readme).toMatch(new RegExp(`^\\| \`${key}\` \\|`, 'm'));
  });

  it('starts with the two commands', () => {
    expect(readme.indexOf('npm ci && npm start')).toBeGreaterThan(0);
    expect(readme.indexOf('npm ci && npm test')).toBeGreaterThan(0);
    expect(readme.indexOf('npm ci && npm test')).toBeLessThan(readme.indexOf('## '));
  });

  it('runs the same test command in CI as it tells people to', () => {
    const ci = readFileSync(new URL('../../.ci/run', import.meta.url), 'utf8');
    expect(ci).toMatch(/^set -euo pipefail$/m);
    expect(ci).toMatch(/^npm ci$/m);
    expect(ci).toMatch(/^npm test$/m);
    for (const pkg of ['poppler-utils', 'qpdf', 'zbar-tools', 'libreoffice-writer-nogui', 'fontconfig']) {
      expect(ci).toContain(pkg);
      expect(readme).toContain(pkg);
    }
  });
});
