/** One invalid field, named as the interface that answered names it (REST: PascalCase). */
export interface FieldError {
  field: string;
  message: string;
}

/** What went wrong, as a stable word a program can branch on (the HTTP status says it too). */
export type ConduitErrorCode =
  | 'invalid_request'
  | 'authentication_failed'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'idempotency_in_progress'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'server_error'
  | 'http_error'
  | 'network_error'
  | 'timeout'
  | 'invalid_response'
  | 'invalid_signature'
  | 'configuration';

const CODE_OF_STATUS: Record<number, ConduitErrorCode> = {
  400: 'invalid_request',
  401: 'authentication_failed',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

export function codeOfStatus(status: number, message = ''): ConduitErrorCode {
  if (status === 409 && /in progress/i.test(message)) return 'idempotency_in_progress';
  if (status >= 500) return 'server_error';
  return CODE_OF_STATUS[status] ?? 'http_error';
}

export interface ConduitErrorInit {
  status: number;
  code: ConduitErrorCode;
  message: string;
  referenceNumber?: string;
  errors?: FieldError[];
  retryAfterMs?: number;
  cause?: unknown;
}

/**
 * Every failure the SDK reports: an error answer of the platform (status, its reference number
 * for support, the invalid fields), a network failure or timeout (status 0), or a webhook whose
 * signature does not verify. A declined payment is not an error: it is an ordinary result.
 */
export class ConduitError extends Error {
  /** HTTP status of the answer; 0 when none came (network error, timeout) or none applies. */
  readonly status: number;
  readonly code: ConduitErrorCode;
  /** The platform's reference for this error; quote it to support. */
  readonly referenceNumber: string | undefined;
  /** Every invalid field at once, when the platform named them. */
  readonly errors: FieldError[];
  /** How long the platform asked to wait (429 Retry-After), in milliseconds. */
  readonly retryAfterMs: number | undefined;

  constructor(init: ConduitErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'ConduitError';
    this.status = init.status;
    this.code = init.code;
    this.referenceNumber = init.referenceNumber;
    this.errors = init.errors ?? [];
    this.retryAfterMs = init.retryAfterMs;
  }
}
