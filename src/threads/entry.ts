/**
 * The file a worker thread starts from. Compiled (`npm start`, dist/*.js): the
 * compiled module itself, plain `node`, no loader. From the TypeScript sources
 * (vitest, `npm run dev`): a small .mjs next to the module that registers tsx
 * inside the thread first, because loader hooks given to the main thread do not
 * reach worker threads.
 *
 * @param base `import.meta.url` of the module creating the pool
 * @param compiled the worker module as it is named once compiled, e.g. './worker.js'
 * @param sourceEntry the .mjs that loads the TypeScript source of that module
 */
export function workerEntry(base: string, compiled: string, sourceEntry: string): string {
  const fromSources = new URL(base).pathname.endsWith('.ts');
  return new URL(fromSources ? sourceEntry : compiled, base).href;
}
