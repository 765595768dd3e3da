/**
 * Clean shutdown on SIGTERM/SIGINT, as an orchestrator expects:
 * 1. stop accepting connections (requests arriving on open keep-alive
 *    connections get 503 and `Connection: close`);
 * 2. let in-flight requests finish, for up to SHUTDOWN_GRACE_MS;
 * 3. past the grace period, destroy the sockets still open. A batch ZIP still
 *    streaming is thereby cut off without the chunked terminator, so its client
 *    sees a failed transfer (curl exits non-zero), never a clean end of a
 *    truncated ZIP; then the render workers are ended and the process exits 0.
 * A shutdown that was asked for and done is a success, cut-off requests
 * included: they are logged as a warning.
 */
import type { FastifyInstance } from 'fastify';

/** After cutting the connections, how long the close hooks (render pool, import pool) may still take. */
const AFTER_CUT_MS = 5_000;

export function onceShutdown(
  app: FastifyInstance,
  graceMs: number,
  exit: (code: number) => void = (code) => process.exit(code),
): (signal: NodeJS.Signals) => void {
  let closing = false;
  return (signal) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal, graceMs }, 'shutting down: no new connections, in-flight requests may finish');
    const cut = setTimeout(() => {
      app.log.warn({ graceMs }, 'grace period over: cutting off the requests still running');
      app.server.closeAllConnections();
      const last = setTimeout(() => {
        app.log.warn('close hooks still running after the cut-off; exiting');
        exit(0);
      }, AFTER_CUT_MS);
      last.unref();
    }, graceMs);
    cut.unref();
    // A keep-alive connection whose response has ended would hold close() open until its idle timeout:
    // close each one as soon as it goes idle.
    const sweep = setInterval(() => app.server.closeIdleConnections(), 250);
    sweep.unref();
    // close() stops accepting, waits for in-flight requests, then runs onClose (drains the render pool).
    app.close().then(
      () => {
        clearTimeout(cut);
        clearInterval(sweep);
        app.log.info('shut down');
        exit(0);
      },
      (error: unknown) => {
        app.log.error({ err: error }, 'error during shutdown');
        exit(1);
      },
    );
  };
}
