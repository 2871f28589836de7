import { array, integer, object, string, type Schema } from './json-schema';

/** The one error body of the admin API (errors/renderers.ts `adminJsonRenderer`). */
export const AdminError: Schema = object(
  {
    statusCode: integer({ description: 'The HTTP status, repeated' }),
    error: string({ description: 'The HTTP reason phrase, e.g. "Bad Request"' }),
    message: string({ description: 'What went wrong, for people; a 500 quotes the referenceNumber' }),
    errors: array(
      object({
        field: string({
          description: 'The request field, as the admin API names it (dots and [i] for nesting)',
        }),
        message: string(),
      }),
      { description: 'Every invalid field at once (react-admin shows them by the inputs); empty otherwise' },
    ),
    referenceNumber: string({ description: 'Quote it to support; the server log has the cause' }),
  },
  [],
  {
    example: {
      statusCode: 400,
      error: 'Bad Request',
      message: 'Validation failed',
      errors: [{ field: 'merchantId', message: 'merchantId must be 13 digits' }],
      referenceNumber: 'R7KX2M9QDP',
    },
  },
);

/** Which refusals each kind of route can answer, and what they mean here. */
export const ERROR_MEANINGS: Record<number, string> = {
  400: 'Invalid field(s), or a malformed sort/range/filter: `errors` names each field',
  401: 'Not signed in, the session expired, or wrong email/password',
  403: 'Your role may not do this, your IP address is not allowed, or a cross-site request',
  404: 'No such object, or another tenant’s (answered alike)',
  409: 'The change conflicts with the current state (a duplicate, a delivery still being attempted…)',
  413: 'Body over the size limit (64 KiB; dispute evidence 36 MiB)',
  415: 'The admin API accepts application/json bodies only',
  429: 'Too many failed sign-ins: wait for Retry-After seconds',
  500: 'Unexpected error; quote the referenceNumber to support',
};
