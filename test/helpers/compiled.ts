/**
 * The compiled service (dist/), as `npm start` runs it. `npm test` builds before
 * vitest; a test file run on its own brings dist/ up to date here (tsc is
 * incremental, so this is quick when nothing changed).
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

let built = false;

export function ensureBuilt(): void {
  if (built) return;
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  built = true;
}
