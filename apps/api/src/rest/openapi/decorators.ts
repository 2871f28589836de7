import { applyDecorators } from '@nestjs/common';
import {
  ApiBody,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorResponse, PaymentResponse } from './schemas';

const ERRORS: [number, string][] = [
  [400, 'Missing or invalid field: the message names the field and the rule'],
  [401, 'Missing or invalid Api-Key / Api-Secret'],
  [403, 'IP address not allowed; credential restricted from this merchant; merchant or outlet suspended'],
  [404, 'Merchant, outlet, transaction or payment method unknown — or another tenant’s (answered alike)'],
  [409, 'Idempotency-Key reused with a different body or still in flight; illegal state move'],
  [413, 'Body over 64 KiB'],
  [415, 'Content-Type is not application/json'],
  [429, 'Rate limit for this credential; see Retry-After'],
  [500, 'Unexpected error; quote the ReferenceNumber to support'],
];

export const RestErrors = () =>
  applyDecorators(
    ...ERRORS.map(([status, description]) => ApiResponse({ status, description, type: ErrorResponse })),
  );

/** A payment action: summary, body schema, idempotency header, the 200 answer and every error. */
export function PaymentOperation(summary: string, body: new () => object, description = '') {
  return applyDecorators(
    ApiTags('payments'),
    ApiSecurity('Api-Key'),
    ApiSecurity('Api-Secret'),
    ApiOperation({
      summary,
      description:
        `${description} Declines are HTTP 200 with TransactionStatus D and a non-approval ResponseCode.`.trim(),
    }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        '1–255 printable characters; a repeat within 24 h returns the stored answer with Idempotent-Replayed: true',
    }),
    ApiBody({ type: body }),
    ApiOkResponse({ type: PaymentResponse, description: 'Approved or declined' }),
    RestErrors(),
  );
}

/** A payment plan action: like a payment's, with its own answer; `body` null for a bodiless POST. */
export function PlanOperation(
  summary: string,
  body: (new () => object) | null,
  answer: new () => object,
  description = '',
) {
  return applyDecorators(
    ApiTags('payment plans'),
    ApiSecurity('Api-Key'),
    ApiSecurity('Api-Secret'),
    ApiOperation({ summary, description: description || undefined }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        '1–255 printable characters; a repeat within 24 h returns the stored answer with Idempotent-Replayed: true',
    }),
    ...(body ? [ApiBody({ type: body })] : []),
    ApiOkResponse({ type: answer }),
    RestErrors(),
  );
}
