#!/usr/bin/env node
// `npm start` runs this first: it builds (`npm run build`) only when a source is
// newer than the last build, so a start with an up-to-date dist/ costs no compiler
// run. Any file of the repository counts as a source except what the build makes
// or never reads (node_modules, dist, tests, benchmarks, docs, dot-files).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const STAMP = join(ROOT, 'dist', '.build-stamp');
const NOT_SOURCES = new Set(['node_modules', 'dist', 'test', 'bench', 'docs', 'out', 'tmp', 'scripts']);

function newestChange(dir, top) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || (top && NOT_SOURCES.has(entry.name))) continue;
    const path = join(dir, entry.name);
    const time = entry.isDirectory() ? newestChange(path, false) : statSync(path).mtimeMs;
    if (time > newest) newest = time;
  }
  return newest;
}

const built = existsSync(STAMP) ? statSync(STAMP).mtimeMs : 0;
if (newestChange(ROOT, true) >= built) {
  const npm = process.env.npm_execpath;
  const result = npm
    ? spawnSync(process.execPath, [npm, 'run', 'build'], { cwd: ROOT, stdio: 'inherit' })
    : spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
}
