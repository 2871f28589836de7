import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { describe, expect, it } from 'vitest';
import { DomainError, ErrorCode } from '@conduit/domain';
import { NO_ROUTE_MESSAGE, normalizeError } from './normalize';

describe('error normalisation', () => {
  it('maps domain codes to statuses and keeps field errors', () => {
    const e = normalizeError(DomainError.validation([{ field: 'amount', message: 'bad' }]));
    expect(e).toMatchObject({
      status: 400,
      code: ErrorCode.VALIDATION_FAILED,
      fieldErrors: [{ field: 'amount', message: 'bad' }],
    });
    expect(normalizeError(DomainError.notFound('Merchant')).status).toBe(404);
    expect(
      normalizeError(new DomainError(ErrorCode.LOCKED_OUT, 'wait', { retryAfterSeconds: 9 })),
    ).toMatchObject({ status: 429, retryAfterSeconds: 9 });
  });

  it('keeps Nest 4xx messages, but never the URL of a request no route takes', () => {
    expect(normalizeError(new NotFoundException('Merchant not found'))).toMatchObject({
      status: 404,
      message: 'Merchant not found',
    });
    const noRoute = normalizeError(
      new NotFoundException('Cannot GET /payment/NVP.aspx?cardNumber=4111111111111111'),
    );
    expect(noRoute).toMatchObject({ status: 404, message: NO_ROUTE_MESSAGE });
    expect(noRoute.message).not.toMatch(/4111|NVP|\?/);
    expect(normalizeError(new BadRequestException('Validation failed (uuid is expected)')).message).toMatch(
      /uuid/,
    );
  });

  it('turns fastify body errors into clear messages', () => {
    expect(
      normalizeError(Object.assign(new Error('x'), { statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE' })),
    ).toMatchObject({
      status: 413,
      message:
        'Request body is larger than this endpoint allows (64 KiB; 4 MiB for a payment sale, which may carry check images)',
    });
    const wrapped = new HttpException(
      "Body is not valid JSON but content-type is set to 'application/json'",
      400,
    );
    expect(normalizeError(wrapped)).toMatchObject({ status: 400, message: 'Request body is not valid JSON' });
    expect(normalizeError(new HttpException('Unsupported Media Type', 415)).message).toBe(
      'Unsupported Content-Type for this endpoint',
    );
  });

  it('hides anything unexpected behind a 500 without internals', () => {
    const e = normalizeError(new TypeError('cannot read properties of undefined (reading "secret")'));
    expect(e.status).toBe(500);
    expect(e.message).toBe('An unexpected error occurred');
    expect(e.message).not.toMatch(/secret/);
  });
});
