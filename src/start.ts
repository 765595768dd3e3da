/**
 * The process entry of the compiled service (`npm start`, the Docker image).
 * It turns on Node's on-disk compile cache first, so that a restart does not
 * compile the service's modules and its dependencies again (a large share of
 * start-up), then loads the server. The cache lives in the system's temporary
 * folder (or NODE_COMPILE_CACHE); without it the service starts all the same.
 * Worker threads do not inherit the cache from the call, only from the
 * environment: the directory is put there so the render, upload and roster
 * threads start from the cache too.
 */
import * as nodeModule from 'node:module';

const cache = nodeModule.enableCompileCache?.();
if (cache?.directory !== undefined) process.env.NODE_COMPILE_CACHE ??= cache.directory;
await import('./server.js');
