/**
 * The page talks only to the public API. When the service requires an API key
 * (401), the clerk is asked for it once per browser session; it is kept in
 * sessionStorage and sent as `Authorization: Bearer`.
 */
import { askForKey } from './key-dialog.js';

const KEY_STORAGE = 'zhicheng.apiKey';

export interface Problem {
  path: string;
  code: string;
  message: string;
  messageEn?: string;
  severity?: 'error' | 'warning' | 'info';
}

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details: Problem[];
  requestId?: string;
}

/** An answer that is not 2xx, with the service's error body when it sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody | null,
  ) {
    super(body ? body.message.split(' / ')[0] : `服务返回 ${status}`);
  }
  get details(): Problem[] {
    return this.body?.details ?? [];
  }
}

function storedKey(): string | null {
  try {
    return sessionStorage.getItem(KEY_STORAGE);
  } catch {
    return null;
  }
}

/** fetch with the session's key; on 401 asks for a key once and tries again. */
export async function apiFetch(path: string, init: RequestInit = {}): Promise<Response> {
  for (let attempt = 0; ; attempt += 1) {
    const headers = new Headers(init.headers);
    const key = storedKey();
    if (key) headers.set('authorization', `Bearer ${key}`);
    if (!headers.has('accept')) headers.set('accept', 'application/json, */*;q=0.5');
    const response = await fetch(path, { ...init, headers });
    if (response.status !== 401 || attempt >= 2) return response;
    const entered = await askForKey(attempt > 0 || key !== null);
    if (entered === null) return response;
    sessionStorage.setItem(KEY_STORAGE, entered);
  }
}

export function forgetKey(): void {
  sessionStorage.removeItem(KEY_STORAGE);
}

/** Throws ApiError for a non-2xx answer. */
export async function ensureOk(response: Response): Promise<Response> {
  if (response.ok) return response;
  let body: ErrorBody | null = null;
  if ((response.headers.get('content-type') ?? '').includes('json')) {
    body = (await response.json().catch(() => null)) as ErrorBody | null;
  }
  throw new ApiError(response.status, body);
}

export async function getJson<T>(path: string): Promise<T> {
  return (await ensureOk(await apiFetch(path))).json() as Promise<T>;
}

export async function postJson<T>(path: string, body: unknown): Promise<T> {
  const response = await apiFetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await ensureOk(response)).json() as Promise<T>;
}

/** A file answer: its bytes and the name the service gave it (RFC 6266 filename*, else filename). */
export async function fileFrom(response: Response): Promise<{ blob: Blob; fileName: string }> {
  await ensureOk(response);
  return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('content-disposition')) };
}

export function fileNameOf(disposition: string | null): string {
  if (!disposition) return 'download';
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1]);
    } catch {
      // fall through to the ASCII name
    }
  }
  return /filename\s*=\s*"([^"]*)"/i.exec(disposition)?.[1] ?? 'download';
}

/** The message to show for any failure, in Chinese. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 401) return '需要有效的 API 密钥才能使用此服务。';
    return error.message;
  }
  if (error instanceof TypeError) return '无法连接服务，请检查网络后重试。';
  return error instanceof Error ? error.message : String(error);
}
