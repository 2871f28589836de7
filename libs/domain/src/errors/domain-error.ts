/**
 * The one error type the application core throws. Each transport maps `code` to its own wire
 * format (REST JSON, NVP error string, SOAP fault, admin JSON) at the edge, and only there.
 */
export enum ErrorCode {
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  IP_NOT_ALLOWED = 'IP_NOT_ALLOWED',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  ILLEGAL_STATE = 'ILLEGAL_STATE',
  RATE_LIMITED = 'RATE_LIMITED',
  LOCKED_OUT = 'LOCKED_OUT',
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
}

export interface FieldError {
  field: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: {
      fieldErrors?: FieldError[];
      retryAfterSeconds?: number;
      /** The transaction the error is about (a used Idempotency-Key's), as a wire ID. */
      transactionId?: string;
    } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static validation(fieldErrors: FieldError[]): DomainError {
    const message = fieldErrors.map((e) => e.message).join('; ') || 'Validation failed';
    return new DomainError(ErrorCode.VALIDATION_FAILED, message, { fieldErrors });
  }

  static notFound(what: string): DomainError {
    return new DomainError(ErrorCode.NOT_FOUND, `${what} not found`);
  }

  static forbidden(message = 'You are not allowed to do this'): DomainError {
    return new DomainError(ErrorCode.FORBIDDEN, message);
  }

  static conflict(message: string): DomainError {
    return new DomainError(ErrorCode.CONFLICT, message);
  }
}

/** HTTP status for each code; shared by every HTTP transport so they agree. */
export const httpStatusOf: Record<ErrorCode, number> = {
  [ErrorCode.VALIDATION_FAILED]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.IP_NOT_ALLOWED]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.ILLEGAL_STATE]: 409,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.LOCKED_OUT]: 429,
  [ErrorCode.UNSUPPORTED_MEDIA_TYPE]: 415,
};
