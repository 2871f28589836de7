/** When and how long to wait between attempts (decision 0027). Pure, so it is tested alone. */
export interface BackoffOptions {
  /** The first retry waits about this long; each next one twice as long. */
  baseDelayMs: number;
  /** No wait is longer than this, whatever the attempt. */
  maxDelayMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseDelayMs: 500, maxDelayMs: 8_000 };

/** A Retry-After longer than this is not waited for: the error goes back to the caller. */
export const MAX_RETRY_AFTER_MS = 60_000;

/**
 * Exponential backoff with "equal jitter": half the exponential delay for sure, plus up to the
 * other half at random, so clients that failed together do not retry together, yet none retries
 * at once. `attempt` counts retries from 0; `random` is in [0, 1).
 */
export function backoffDelayMs(attempt: number, options: BackoffOptions, random: () => number): number {
  const exponential = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, attempt));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}

/** Retry-After as delta-seconds or an HTTP date (RFC 9110), in milliseconds; undefined if absent or unreadable. */
export function retryAfterMs(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Waits `ms`, or rejects with the signal's reason as soon as it is aborted. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
