/**
 * GET /metrics in the Prometheus text format (0.0.4): request counts by route
 * and status, a histogram of render durations, and the render queue's depth
 * and in-flight count. Small enough to keep here rather than pull in a client.
 */
import type { FastifyInstance } from 'fastify';
import type { RenderService } from '../../render/pool.js';

/** Render durations span a one-page pledge (tens of ms) to a duplex review form with copies (seconds). */
const BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] as const;

interface Histogram {
  readonly counts: number[];
  sum: number;
  count: number;
}

interface Metrics {
  observeRender(formId: string, format: string, seconds: number): void;
}

export function registerMetrics(app: FastifyInstance, renderService: RenderService): void {
  const requests = new Map<string, number>();
  const renders = new Map<string, Histogram>();

  const metrics: Metrics = {
    observeRender(formId, format, seconds) {
      const key = labels({ form: formId, format });
      let histogram = renders.get(key);
      if (histogram === undefined) {
        histogram = { counts: BUCKETS.map(() => 0), sum: 0, count: 0 };
        renders.set(key, histogram);
      }
      BUCKETS.forEach((bound, index) => {
        if (seconds <= bound) histogram.counts[index] = (histogram.counts[index] ?? 0) + 1;
      });
      histogram.sum += seconds;
      histogram.count += 1;
    },
  };
  app.decorate('metrics', metrics);

  app.addHook('onResponse', async (request, reply) => {
    // The route pattern, never the concrete URL: keeps label sets bounded and free of user data.
    const route = request.routeOptions.url ?? 'unmatched';
    const key = labels({ method: request.method, route, status: String(reply.statusCode) });
    requests.set(key, (requests.get(key) ?? 0) + 1);
  });

  app.get('/metrics', { schema: { hide: true }, logLevel: app.quietLogLevel }, async (_request, reply) => {
    const stats = renderService.stats();
    const lines: string[] = [];
    const family = (name: string, type: string, help: string) =>
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);

    family('http_requests_total', 'counter', 'HTTP requests by method, route pattern and status.');
    for (const [key, value] of requests) lines.push(`http_requests_total{${key}} ${value}`);

    family('render_duration_seconds', 'histogram', 'Time to build and render one file, including waiting for a slot.');
    for (const [key, histogram] of renders) {
      BUCKETS.forEach((bound, index) => {
        lines.push(`render_duration_seconds_bucket{${key},le="${bound}"} ${histogram.counts[index] ?? 0}`);
      });
      lines.push(`render_duration_seconds_bucket{${key},le="+Inf"} ${histogram.count}`);
      lines.push(`render_duration_seconds_sum{${key}} ${histogram.sum}`);
      lines.push(`render_duration_seconds_count{${key}} ${histogram.count}`);
    }

    family('render_queue_depth', 'gauge', 'Renders waiting for a slot.');
    lines.push(`render_queue_depth ${stats.queued}`);
    family('render_in_flight', 'gauge', 'Renders running now.');
    lines.push(`render_in_flight ${stats.inFlight}`);
    family('render_batch_queue_depth', 'gauge', 'Batch renders waiting for a batch slot.');
    lines.push(`render_batch_queue_depth ${stats.batchQueued}`);
    family('render_batch_in_flight', 'gauge', 'Batch renders running now (part of render_in_flight).');
    lines.push(`render_batch_in_flight ${stats.batchInFlight}`);
    family('render_workers', 'gauge', 'Render worker threads (0 = in-process).');
    lines.push(`render_workers ${stats.workers}`);
    family('render_rejected_total', 'counter', 'Renders refused because the queue was full (429).');
    lines.push(`render_rejected_total ${stats.rejected}`);
    family('render_timeouts_total', 'counter', 'Renders that passed RENDER_TIMEOUT_MS (503).');
    lines.push(`render_timeouts_total ${stats.timedOut}`);
    family('render_failures_total', 'counter', 'Renders that failed otherwise.');
    lines.push(`render_failures_total ${stats.failed}`);

    return reply.type('text/plain; version=0.0.4; charset=utf-8').send(`${lines.join('\n')}\n`);
  });
}

function labels(values: Readonly<Record<string, string>>): string {
  return Object.entries(values)
    .map(([name, value]) => `${name}="${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`)
    .join(',');
}

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Metrics;
  }
}
