import { HttpError } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { toHttpError } from './httpClient';
import type { ApiErrorBody } from './types';

const refusal = (status: number, body: ApiErrorBody) => toHttpError(new HttpError('raw', status, body));

describe('admin API errors in react-admin', () => {
  it('turns the field errors of a 400 into per-input messages', () => {
    const error = refusal(400, {
      statusCode: 400,
      error: 'Bad Request',
      message: 'Validation failed',
      errors: [
        { field: 'merchantId', message: 'merchantId must be 13 digits' },
        { field: 'name', message: 'name is required' },
      ],
      referenceNumber: 'R7KX2M9QDP',
    });
    expect(error.status).toBe(400);
    expect((error.body as { errors: Record<string, unknown> }).errors).toMatchObject({
      merchantId: 'merchantId must be 13 digits',
      name: 'name is required',
      root: { serverError: expect.stringContaining('merchantId must be 13 digits') },
    });
  });

  it('keeps the message of a refusal with no field at fault, and quotes the reference of a 500', () => {
    const body = { statusCode: 404, error: 'Not Found', errors: [], referenceNumber: 'R1' };
    expect(refusal(404, { ...body, message: 'Merchant not found' }).message).toBe('Merchant not found');
    expect(refusal(500, { ...body, statusCode: 500, message: 'An unexpected error occurred' }).message).toBe(
      'An unexpected error occurred (reference R1)',
    );
  });
});
