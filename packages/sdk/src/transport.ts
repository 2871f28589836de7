import { ConduitError } from './errors.js';
import { backoffDelayMs, type BackoffOptions, MAX_RETRY_AFTER_MS, retryAfterMs, sleep } from './retry.js';

/** Per call: override the client's settings, set your own Idempotency-Key, cancel. */
export interface RequestOptions {
  /** Sent as Idempotency-Key on POSTs; one is generated when absent. Retries reuse it. */
  idempotencyKey?: string;
  signal?: AbortSignal;
  timeoutMs?: number;
  maxRetries?: number;
}

export interface TransportSettings {
  baseUrl: string;
  timeoutMs: number;
  maxRetries: number;
  backoff: BackoffOptions;
  fetch: typeof fetch;
  random: () => number;
}

export interface HttpRequest {
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, unknown>;
  headers: Record<string, string>;
  body?: string;
  contentType?: string;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
}

/** What an interface's reader makes of an answer: keep it, or try again (and how). */
export type Verdict =
  | { retry: false }
  | {
      retry: true;
      /** The platform said how long to wait. */
      afterMs?: number;
      /**
       * A declined attempt (028) is final for its key: the stored answer would be replayed. The
       * next attempt gets a key of its own, derived from the first; no money moved, so a new
       * attempt cannot charge twice.
       */
      freshKey?: boolean;
    };

/** Keys are 1–255 printable characters (rest.md); a derived key must stay within that. */
function derivedKey(key: string, attempt: number): string {
  const suffix = `.retry${attempt}`;
  return key.slice(0, 255 - suffix.length) + suffix;
}

function urlOf(baseUrl: string, path: string, query?: Record<string, unknown>): string {
  const url = new URL(path, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  for (const [name, value] of Object.entries(query ?? {}))
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(name, String(value));
  return url.toString();
}

/**
 * Sends one logical request: every attempt with the same Idempotency-Key, a fresh attempt after
 * a network failure, a timeout, or an answer the reader calls retryable, waiting with
 * exponential backoff and jitter (or the platform's Retry-After) between attempts.
 */
export class Transport {
  constructor(private readonly settings: TransportSettings) {}

  async send(
    request: HttpRequest,
    verdict: (response: RawResponse) => Verdict,
    options: RequestOptions = {},
  ): Promise<RawResponse> {
    const maxRetries = options.maxRetries ?? this.settings.maxRetries;
    const firstKey = request.method === 'POST' ? (options.idempotencyKey ?? crypto.randomUUID()) : undefined;
    let key = firstKey;
    for (let attempt = 0; ; attempt++) {
      const last = attempt >= maxRetries;
      let response: RawResponse;
      try {
        response = await this.once(request, key, options);
      } catch (err) {
        if (options.signal?.aborted) throw options.signal.reason;
        if (last) throw err;
        await sleep(this.delay(attempt), options.signal);
        continue;
      }
      const v = verdict(response);
      if (!v.retry || last) return response;
      if (v.afterMs !== undefined && v.afterMs > MAX_RETRY_AFTER_MS) return response;
      if (v.freshKey && firstKey !== undefined) key = derivedKey(firstKey, attempt + 1);
      await sleep(v.afterMs ?? this.delay(attempt), options.signal);
    }
  }

  private delay(attempt: number): number {
    return backoffDelayMs(attempt, this.settings.backoff, this.settings.random);
  }

  private async once(request: HttpRequest, key: string | undefined, options: RequestOptions) {
    const timeoutMs = options.timeoutMs ?? this.settings.timeoutMs;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    const headers: Record<string, string> = { accept: request.headers.accept ?? '*/*', ...request.headers };
    if (request.contentType && request.body !== undefined) headers['content-type'] = request.contentType;
    if (key !== undefined) headers['idempotency-key'] = key;
    try {
      const res = await this.settings.fetch(urlOf(this.settings.baseUrl, request.path, request.query), {
        method: request.method,
        headers,
        body: request.body,
        signal,
        redirect: 'manual',
      });
      return { status: res.status, headers: res.headers, text: await res.text() };
    } catch (err) {
      if (options.signal?.aborted) throw options.signal.reason;
      if (timeout.aborted)
        throw new ConduitError({
          status: 0,
          code: 'timeout',
          message: `No answer from Conduit within ${timeoutMs} ms`,
          cause: err,
        });
      throw new ConduitError({
        status: 0,
        code: 'network_error',
        message: `Could not reach Conduit: ${(err as Error).message}`,
        cause: err,
      });
    }
  }
}

/** The answers every interface retries: 409 "in progress", 429 and 5xx (with their Retry-After). */
export function transientVerdict(response: RawResponse, message: string): Verdict | undefined {
  const after = retryAfterMs(response.headers.get('retry-after'));
  if (response.status === 429 || response.status >= 500) return { retry: true, afterMs: after };
  if (response.status === 409 && /in progress/i.test(message)) return { retry: true, afterMs: after };
  return undefined;
}
