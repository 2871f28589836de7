import { SSO_TOKEN_FIELDS } from '../../sso/sso-fields';
import { nestedSchemas, type SchemaObject, schemaOf } from './field-table';
import { ID, object, RESPONSE_CODE } from './response-schemas';

const EXPIRES_AT = {
  type: 'string',
  format: 'date-time',
  example: '2026-11-24T03:15:00.000Z',
  description: '15 minutes after creation',
};

/** The single sign-on token request (from the parser's table) and the answers. */
export function ssoSchemas(): Record<string, SchemaObject> {
  return {
    SsoTokenRequest: schemaOf(SSO_TOKEN_FIELDS, 'A hosted payment page for one payer'),
    ...nestedSchemas(SSO_TOKEN_FIELDS),
    SsoTokenResponse: object(
      {
        Token: {
          type: 'string',
          minLength: 32,
          example: 'b3Jb0p8M4xkqS1vYwRk0mV0kV2dJk6l8cVw3t0p1cQe',
          description: 'Single use; poll its status with GET /rest/sso/token/{token}/status',
        },
        PageURL: {
          type: 'string',
          format: 'uri',
          example:
            'https://pay.conduit.example/providers/Form/PatientPayments/NewPaymentSimpleSSO?token=b3Jb0p8M4x',
          description: 'Send the payer here (redirect or iframe)',
        },
        ExpiresAt: EXPIRES_AT,
        ResponseCode: { ...RESPONSE_CODE, example: '000' },
        ResponseMessage: { type: 'string', example: 'Success' },
      },
      ['Token', 'PageURL', 'ExpiresAt', 'ResponseCode', 'ResponseMessage'],
    ),
    SsoTokenStatusResponse: object(
      {
        Status: {
          type: 'string',
          enum: ['NEW', 'COMPLETE', 'EXPIRED'],
          description:
            'NEW: the page is not completed yet; COMPLETE: a transaction (approved or declined) was processed, see TransactionID; EXPIRED: 15 minutes passed without one',
        },
        TransactionID: { ...ID, type: ['string', 'null'], description: 'With Status COMPLETE' },
        ExpiresAt: EXPIRES_AT,
      },
      ['Status', 'TransactionID', 'ExpiresAt'],
    ),
  };
}
