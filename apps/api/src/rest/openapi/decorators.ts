import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiResponse, ApiSecurity } from '@nestjs/swagger';
import type { SchemaObject } from './field-table';

// The schemas themselves live in components (schemas.ts, from the parsers' field tables); these
// decorators only point at them by name, so a class's TypeScript shape is never a second copy.

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
type SchemaName = string | { name: string };
const nameOf = (s: SchemaName) => (typeof s === 'string' ? s : s.name);

const ERRORS: [number, string][] = [
  [400, 'A field is missing or invalid: Errors lists every one, by its REST name'],
  [401, 'Api-Key or Api-Secret missing or wrong'],
  [403, 'Address not allowed, credential restricted from this merchant, or merchant or outlet suspended'],
  [
    404,
    'Merchant, outlet, transaction, plan, token or payment method unknown (or another tenant’s: answered alike)',
  ],
  [
    409,
    'Idempotency-Key reused with another body or still in flight, or the action is not allowed in the current state',
  ],
  [413, 'Body over 64 KiB (4 MiB for POST /rest/payment/sale, which may carry check images)'],
  [415, 'Content-Type is not application/json'],
  [429, 'Too many requests for this credential: wait for Retry-After seconds'],
  [500, 'Unexpected error: quote the ReferenceNumber to support'],
];

/** One error answer of a REST operation, as an OpenAPI response object. */
function errorResponse(status: number, description: string) {
  return {
    description,
    content: { 'application/json': { schema: ref('ErrorResponse') } },
    ...(status === 429 && {
      headers: {
        'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer', minimum: 1 } },
      },
    }),
  };
}

export const RestErrors = () =>
  applyDecorators(
    ...ERRORS.map(([status, description]) => ApiResponse({ status, ...errorResponse(status, description) })),
  );

/** Every error answer by status, for an operation Nest's scanner does not see (direct-routes.ts). */
export const restErrorResponses = () =>
  Object.fromEntries(
    ERRORS.map(([status, description]) => [String(status), errorResponse(status, description)]),
  );

/** Both headers on every REST call: one requirement object, so neither alone suffices. */
export const RestSecurity = () => ApiSecurity({ 'Api-Key': [], 'Api-Secret': [] });

export const JsonBody = (schema: SchemaName | SchemaObject, description?: string) =>
  ApiBody({
    required: true,
    ...(description && { description }),
    schema: typeof schema === 'object' && !('name' in schema) ? schema : ref(nameOf(schema as SchemaName)),
  });

/** A 200 answer as an OpenAPI response object (also for direct-routes.ts). */
export const jsonAnswerResponse = (schema: SchemaName | SchemaObject, description: string) => ({
  description,
  content: {
    'application/json': {
      schema: typeof schema === 'object' && !('name' in schema) ? schema : ref(nameOf(schema as SchemaName)),
    },
  },
});

export const JsonAnswer = (schema: SchemaName | SchemaObject, description: string) =>
  ApiOkResponse(jsonAnswerResponse(schema, description));

export const IdempotencyKey = () =>
  ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'Makes a retry safe: a repeat with the same key and the same JSON within 24 hours answers the stored response again (header Idempotent-Replayed: true) and moves no money; the same key with another body is a 409.',
    schema: { type: 'string', minLength: 1, maxLength: 255, example: '9f1c7e42-sale-INV-2231' },
  });

/** An answer with another 2xx status than 200 (202 Accepted for a queued terminal action). */
export const JsonAnswerWithStatus = (status: number, schema: string, description: string) =>
  ApiResponse({ status, description, content: { 'application/json': { schema: ref(schema) } } });

/** A payment action: summary, body schema, idempotency header, the 200 answer and every error. */
export function PaymentOperation(summary: string, body: SchemaName, description = '') {
  return applyDecorators(
    RestSecurity(),
    ApiOperation({
      summary,
      description:
        `${description} A decline is a 200 answer with TransactionStatus D and a non-approval ResponseCode.`.trim(),
    }),
    IdempotencyKey(),
    JsonBody(body),
    JsonAnswer('PaymentResponse', 'The transaction: approved or declined'),
    RestErrors(),
  );
}

/** A payment plan action: like a payment's, with its own answer; no `body` for a bodiless POST. */
export function PlanOperation(op: {
  operationId: string;
  summary: string;
  body?: SchemaName | SchemaObject;
  answer: SchemaName | SchemaObject;
  answerDescription: string;
  description?: string;
}) {
  return applyDecorators(
    RestSecurity(),
    ApiOperation({ operationId: op.operationId, summary: op.summary, description: op.description }),
    IdempotencyKey(),
    ...(op.body ? [JsonBody(op.body)] : []),
    JsonAnswer(op.answer, op.answerDescription),
    RestErrors(),
  );
}
