import { randomUUID } from 'node:crypto';

/** Where and as whom the SDK talks to the platform's REST interface (rest.md). */
export interface PlatformOptions {
  baseUrl: string;
  /** Api-Key and Api-Secret: keep them on the machine that runs the SDK, never in a browser. */
  apiKey: string;
  apiSecret: string;
  /** Per attempt. Default 30 s. */
  timeoutMs?: number;
  /** Attempts after the first, on a network error, a 5xx or a 409 "in progress". Default 2. */
  maxRetries?: number;
  fetch?: typeof fetch;
}

/** The platform's REST transaction answer (rest.md "Response shape"); fields vary by action. */
export interface PlatformTransaction {
  TransactionID: string;
  TransactionStatus: string;
  ResponseCode: string;
  ResponseMessage: string;
  Amount?: string;
  AuthorizationNumber?: string;
  PaymentMethodID?: string;
  Card?: {
    Brand?: string;
    LastFour?: string;
    EntryMode?: string;
    IsEMVTransaction?: boolean;
    IsEMVVerifiedByPIN?: boolean;
    EMV?: {
      ApplicationLabel?: string;
      ApplicationID?: string;
      TVR?: string;
      TSI?: string;
      CryptogramType?: string;
      IssuerResponse?: string;
    };
    [field: string]: unknown;
  };
  [field: string]: unknown;
}

export interface PlatformFieldError {
  field: string;
  message: string;
}

export type PlatformAnswer =
  | { ok: true; transaction: PlatformTransaction }
  | {
      ok: false;
      /** HTTP status; 0 when no answer came. */
      httpStatus: number;
      code: string;
      message: string;
      referenceNumber?: string;
      errors?: PlatformFieldError[];
    };

const CODES: Record<number, string> = {
  400: 'invalid_request',
  401: 'authentication_failed',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  429: 'rate_limited',
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The few REST calls the device SDK makes: a payment POST with an Idempotency-Key (retries reuse
 * it, so a retry never charges twice). Answers, never throws: the device must be told either way.
 */
export class PlatformClient {
  private readonly fetch: typeof fetch;

  constructor(private readonly options: PlatformOptions) {
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  async post(path: string, body: unknown, idempotencyKey: string = randomUUID()): Promise<PlatformAnswer> {
    const retries = this.options.maxRetries ?? 2;
    let answer: PlatformAnswer | undefined;
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) await sleep(Math.min(4000, 250 * 2 ** attempt) * (0.5 + Math.random() / 2));
      answer = await this.once(path, body, idempotencyKey);
      const again =
        !answer.ok &&
        (answer.httpStatus === 0 ||
          answer.httpStatus >= 500 ||
          (answer.httpStatus === 409 && /in progress/i.test(answer.message)));
      if (!again) break;
    }
    return answer!;
  }

  private async once(path: string, body: unknown, idempotencyKey: string): Promise<PlatformAnswer> {
    const url = new URL(
      path,
      this.options.baseUrl.endsWith('/') ? this.options.baseUrl : `${this.options.baseUrl}/`,
    );
    let res: Response;
    let text: string;
    try {
      res = await this.fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          'api-key': this.options.apiKey,
          'api-secret': this.options.apiSecret,
          'idempotency-key': idempotencyKey,
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
      });
      text = await res.text();
    } catch (err) {
      const timeout = err instanceof Error && err.name === 'TimeoutError';
      return {
        ok: false,
        httpStatus: 0,
        code: timeout ? 'timeout' : 'network_error',
        message: timeout ? 'The platform did not answer in time' : 'The platform could not be reached',
      };
    }
    let json: Record<string, unknown> | undefined;
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      json = undefined;
    }
    if (res.status === 200 && json && typeof json.TransactionStatus === 'string')
      return { ok: true, transaction: json as unknown as PlatformTransaction };
    const errors = Array.isArray(json?.Errors)
      ? (json.Errors as { Field?: string; Message?: string }[]).map((e) => ({
          field: String(e.Field ?? ''),
          message: String(e.Message ?? ''),
        }))
      : undefined;
    return {
      ok: false,
      httpStatus: res.status,
      code: res.status >= 500 ? 'server_error' : (CODES[res.status] ?? 'http_error'),
      message: typeof json?.ErrorMessage === 'string' ? json.ErrorMessage : `HTTP ${res.status}`,
      ...(typeof json?.ReferenceNumber === 'string' ? { referenceNumber: json.ReferenceNumber } : {}),
      ...(errors ? { errors } : {}),
    };
  }
}

/** The issuer's answer for the card's second step, wherever the platform puts it. */
export function issuerResponseOf(t: PlatformTransaction): string | undefined {
  const nested = t.Card?.EMV?.IssuerResponse;
  const flat = t.EMVIssuerResponse;
  return typeof nested === 'string' ? nested : typeof flat === 'string' ? flat : undefined;
}
