/**
 * Every setting of the service, read from the environment and parsed by zod.
 * Defaults run on a laptop; a bad value stops the start with the variable's name.
 */
import { availableParallelism } from 'node:os';
import { z } from 'zod';

const CORES = Math.max(1, availableParallelism());
const MiB = 1024 * 1024;

/** Env values are strings; empty strings count as unset so `FOO=` keeps the default. */
const int = (fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER) =>
  z.preprocess(
    (value) => (value === undefined || value === '' ? undefined : Number(value)),
    z.number().int().min(min).max(max).default(fallback),
  );
const str = (fallback: string) =>
  z.preprocess((value) => (value === '' ? undefined : value), z.string().default(fallback));
const optionalStr = z.preprocess((value) => (value === '' ? undefined : value), z.string().optional());
const bool = (fallback: boolean) =>
  z.preprocess(
    (value) => (value === undefined || value === '' ? undefined : value),
    z
      .enum(['true', 'false', '1', '0'])
      .transform((value) => value === 'true' || value === '1')
      .default(fallback),
  );
const fraction = (fallback: number) =>
  z.preprocess(
    (value) => (value === undefined || value === '' ? undefined : Number(value)),
    z.number().gt(0).max(1).default(fallback),
  );

const ConfigSchema = z
  .object({
    HOST: str('0.0.0.0'),
    PORT: int(3000, 0, 65535),
    LOG_LEVEL: z.preprocess(
      (value) => (value === '' ? undefined : value),
      z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    ),
    /** Largest JSON body, in bytes. */
    BODY_LIMIT: int(1 * MiB, 1),
    /** Largest multipart upload (packets with scans, roster workbooks), in bytes: files and fields together. */
    UPLOAD_LIMIT: int(20 * MiB, 1),
    /** Largest total of the non-file fields of one multipart upload (dossier, unit), in bytes. */
    UPLOAD_FIELDS_LIMIT: int(2 * MiB, 1),
    /** Largest single uploaded file (a scan), in bytes. */
    UPLOAD_FILE_LIMIT: int(10 * MiB, 1),
    /** Most files in one upload. */
    UPLOAD_MAX_FILES: int(40, 1),
    /** Most pages of one uploaded PDF. */
    UPLOAD_PDF_PAGES: int(100, 1),
    /** Largest decoded size of one compressed stream in an uploaded PDF (decompression bombs), in bytes. */
    PDF_STREAM_DECODE_LIMIT: int(64 * MiB, 1),
    /** Largest decoded size of all compressed streams of one uploaded PDF, in bytes. */
    PDF_TOTAL_DECODE_LIMIT: int(256 * MiB, 1),
    /** Most pixels (width × height) of one uploaded image. */
    IMAGE_MAX_PIXELS: int(60_000_000, 1),
    /** Largest decoded size (width × height × channels × bits / 8) of one uploaded image or image in a PDF, in bytes. */
    IMAGE_DECODED_LIMIT: int(128 * MiB, 1),
    /** Largest decoded size of all images of one upload request together, in bytes. */
    UPLOAD_DECODED_LIMIT: int(512 * MiB, 1),
    /** Time allowed to check one uploaded file and make its pages, in ms (503 UPLOAD_TIMEOUT beyond). */
    UPLOAD_TIMEOUT_MS: int(8_000, 1),
    /** Worker threads that read uploaded scans (never the main thread). */
    UPLOAD_WORKERS: int(Math.min(2, CORES), 1),
    /** Heap of one upload worker thread, in MiB; a file that needs more is refused (422). */
    UPLOAD_WORKER_HEAP_MB: int(512, 64),
    /** Most applicants in one batch. */
    BATCH_MAX_APPLICANTS: int(2000, 1),
    /** Time allowed to receive a whole request, in ms (0 = no limit). */
    REQUEST_TIMEOUT_MS: int(60_000),
    /** Time allowed for one render, in ms; past it the caller gets 503 RENDER_TIMEOUT. */
    RENDER_TIMEOUT_MS: int(30_000, 1),
    /** Renders running at once. */
    RENDER_CONCURRENCY: int(CORES, 1),
    /** Renders waiting for a slot; one more is refused at once with 429. */
    // A print packet asks for about 8 renders at once: 10 clerks sending packets together need ~80 places.
    RENDER_QUEUE_SIZE: int(256),
    /**
     * Worker threads for rendering; 0 renders in the request's own thread. One
     * core is left to the main thread, which parses, validates and zips: on two
     * cores a second worker added ~15% batch throughput for ~160 MB more memory.
     */
    RENDER_WORKERS: int(Math.max(1, CORES - 1)),
    /**
     * An operator's fonts.json and font files; unset uses the repository's fonts/.
     * The font and template modules read these two from the environment themselves
     * (worker threads share it), so here they are only checked and documented.
     */
    FONTS_DIR: optionalStr,
    /** The forms' wording (templates/<form-id>/*.hbs); unset uses the repository's templates/. */
    TEMPLATES_DIR: optionalStr,
    /** Working-day calendar overrides (holidays, make-up days); unset uses the bundled data. */
    CALENDAR_FILE: optionalStr,
    WATERMARK_TEXT: str('档案系列职称评审专用'),
    /** Public address of the service (e.g. https://zhicheng.example.cn); the review form's QR then holds a full link. */
    PUBLIC_BASE_URL: z.preprocess(
      (value) => (value === '' ? undefined : value),
      z.url({ protocol: /^https?$/ }).optional(),
    ),
    /**
     * Signs verification codes on review forms. Required when NODE_ENV=production
     * (replicas and restarts must agree); elsewhere unset means a random secret per process.
     */
    VERIFY_SECRET: optionalStr,
    /** The secret before the last rotation: codes it signed still verify; new codes use VERIFY_SECRET. */
    VERIFY_SECRET_PREVIOUS: optionalStr,
    /** `production` makes VERIFY_SECRET mandatory. */
    NODE_ENV: optionalStr,
    /** API keys, comma-separated; set (or API_KEYS_FILE), every /v1 route but verify needs `Authorization: Bearer <key>`. */
    API_KEYS: optionalStr,
    /** A file of API keys, one a line (# comments and blank lines ignored), e.g. a mounted Secret. */
    API_KEYS_FILE: optionalStr,
    /** With API keys set, /metrics still answers without a key (for a scraper on a trusted network). */
    METRICS_PUBLIC: bool(false),
    /** Requests to /v1 per API key (per client address without keys) in RATE_LIMIT_WINDOW_MS; 0 = no limit. */
    RATE_LIMIT_MAX: int(1200),
    /** Requests to GET /v1/verify per client address in RATE_LIMIT_WINDOW_MS (verification is public); 0 = no limit. */
    VERIFY_RATE_LIMIT_MAX: int(120),
    /** The rate limits' window, in ms. */
    RATE_LIMIT_WINDOW_MS: int(60_000, 1),
    /** Share of the render slots batches may take (0–1]; single documents and packets keep the rest. */
    BATCH_RENDER_SHARE: fraction(0.5),
    /** On SIGTERM, time in-flight requests get to finish before they are cut off, in ms. */
    SHUTDOWN_GRACE_MS: int(30_000),
  })
  .superRefine((config, ctx) => {
    if (config.NODE_ENV === 'production' && config.VERIFY_SECRET === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['VERIFY_SECRET'],
        message: 'required when NODE_ENV=production (every replica and restart must sign and verify with one secret)',
      });
    }
  });

export type Config = z.infer<typeof ConfigSchema>;

/** The variables ConfigSchema reads, for the README table and error messages. */
export const CONFIG_KEYS = Object.keys(ConfigSchema.shape) as (keyof Config)[];

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv | Record<string, string | undefined> = process.env): Config {
  const picked = Object.fromEntries(CONFIG_KEYS.map((key) => [key, env[key]]));
  const parsed = ConfigSchema.safeParse(picked);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const key = String(issue.path[0] ?? '?');
    return `${key}=${JSON.stringify(env[key] ?? '')}: ${issue.message}`;
  });
  throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
}

/** Settings for tests: in-process rendering, quiet logs, everything else default. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), LOG_LEVEL: 'silent', RENDER_WORKERS: 0, ...overrides };
}
