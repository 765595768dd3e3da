/**
 * The process entry of the compiled service (`npm start`, the Docker image).
 * It turns on Node's on-disk compile cache first, so that a restart does not
 * compile the service's modules and its dependencies again (a large share of
 * start-up), then loads the server. The cache lives in the system's temporary
 * folder (or NODE_COMPILE_CACHE); without it the service starts all the same.
 */
import { enableCompileCache } from 'node:module';

enableCompileCache?.();
await import('./server.js');
