/**
 * Runs one benchmark function in its own process and prints its figures and
 * the process's peak RSS as one JSON line, so each benchmark's memory is its own.
 * Usage: tsx bench/child.ts <module path> <export name>
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const [modulePath, exportName] = process.argv.slice(2);
if (!modulePath || !exportName) {
  console.error('usage: tsx bench/child.ts <module> <export>');
  process.exit(2);
}
const module = (await import(pathToFileURL(resolve(modulePath)).href)) as Record<string, () => Promise<unknown>>;
const run = module[exportName];
if (typeof run !== 'function') throw new Error(`${modulePath} has no export ${exportName}`);
const started = performance.now();
const result = await run();
const peakRssMb = process.resourceUsage().maxRSS / 1024;
console.log(
  JSON.stringify({ result, peakRssMb: Math.round(peakRssMb), wallMs: Math.round(performance.now() - started) }),
);
