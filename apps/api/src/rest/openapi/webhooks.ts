import { EventType } from '@conduit/payments';
import type { SchemaObject } from './field-table';

// webhooks.md as OpenAPI 3.1 `webhooks`: what the platform posts to a merchant's endpoint, in the
// endpoint's format, with the Standard Webhooks headers (libs/webhooks builds and signs them).

const PAYMENT_EVENTS = Object.values(EventType).filter((t) => !t.startsWith('PaymentPlan'));
const PLAN_EVENTS = Object.values(EventType).filter((t) => t.startsWith('PaymentPlan'));
const str = (description: string, example?: string) => ({
  type: 'string',
  description,
  ...(example !== undefined && { example }),
});

const COMMON: Record<string, unknown> = {
  EventID: str('Unique per event', '3F9A0C5E1B7D4E2A9C8B6D5E4F3A2B1C'),
  ResponseDateTime: { type: 'string', format: 'date-time', description: 'When the change happened' },
  PaymentTransactionID: str('The transaction the event is about', '0CA7530A86084B468FFF132AB7F04491'),
  TransactionType: str('CreditCard, DebitCard or eCheck', 'CreditCard'),
  Amount: str('Decimal dollars', '25.00'),
  CurrentTransactionStatusCode: str('The transaction’s status letter', 'C'),
  ResponseCode: str('Three digits; 000 approved', '000'),
  ResponseMessage: str('', 'APPROVED'),
  CardType: str('Card brand', 'VISA'),
  CardLastFourDigits: str('Masked card number', '************1111'),
  RoutingNumber: str('eCheck routing number', '011000015'),
  AccountNumberLastFourDigits: str('eCheck account, last four', '6789'),
  Outlet: str('MerchantID-StoreID-TerminalID', '6011000551245-001-002'),
  MerchantID: str('', '6011000551245'),
  StoreID: str('', '001'),
  TerminalID: str('', '002'),
  PatientID: str('', 'P-1001'),
  PatientFirstName: str('', 'Pat'),
  PatientLastName: str('', 'Doe'),
  ...Object.fromEntries(
    [1, 2, 3, 4, 5, 6].map((i) => [`AdditionalInfo${i}`, str('As sent with the payment')]),
  ),
  PaymentPlanID: str('The payment plan, for a plan’s charge or a plan event'),
  PaymentPlanTransactionType: str('Installment or Recurring'),
  InstallmentSequenceNumber: str('Which scheduled charge, from 1; 0 for the down payment', '2'),
  InstallmentCount: str('Installments in all', '3'),
  WorkflowStatus: { type: 'string', enum: ['PENDING', 'COMPLETE', 'PENDING_POSTING_RETRY', 'POSTING_ERROR'] },
};

function payload(events: string[], own: Record<string, unknown>, description: string): SchemaObject {
  return {
    type: 'object',
    description: `${description} Absent values are left out. In XML and form bodies every value is text (booleans as true/false).`,
    xml: { name: 'PaymentTransaction' },
    properties: { EventType: { type: 'string', enum: events }, ...COMMON, ...own },
    required: ['EventID', 'EventType', 'ResponseDateTime'],
  };
}

export function webhookSchemas(): Record<string, SchemaObject> {
  return {
    TransactionEvent: payload(
      PAYMENT_EVENTS,
      {
        OriginalTransactionID: str('Capture, void, refund: the transaction acted on'),
        TransactionAction: str(
          'Sale, Authorization, Capture, Void, SimpleRefund, Refund or SaveOnFile',
          'Sale',
        ),
        RequestAmount: str('The amount asked for', '25.00'),
        IsPartiallyApproved: { type: 'boolean', description: 'In XML and form bodies: true or false' },
        PartialApprovalAmount: str('With IsPartiallyApproved', '12.55'),
        CurrentTransactionStatusDescription: str('The status in words', 'Complete'),
        OriginalTransactionStatusCode: str('The transaction acted on: its status letter', 'V'),
        OriginalTransactionStatusDescription: str('', 'Voided'),
        AuthorizationCode: str('', 'A3807B'),
        ExpDate: str('MM/YY', '12/28'),
        CardHolderName: str('', 'Pat Doe'),
        CardPresentStatus: str('How the card was presented'),
        EMVCardEntryMode: str('Chip reads: Chip or Contactless', 'Chip'),
        IsEMVVerifiedByPIN: {
          type: 'boolean',
          description: 'Chip reads: the cardholder verified by PIN (9F34)',
        },
        EMVApplicationLabel: str('Chip reads: the application label (50)', 'VISA DEBIT'),
        EMVApplicationID: str('Chip reads: the AID (84 or 4F), hex', 'A0000000031010'),
        EMVTVR: str('Chip reads: terminal verification results (95), hex', '0000008000'),
        EMVTSI: str('Chip reads: transaction status information (9B), hex', 'E800'),
        EMVCryptogramType: { type: 'string', enum: ['ARQC', 'TC', 'AAC'], description: 'Chip reads (9F27)' },
        EMVIssuerResponse: str('Chip reads: hex TLV 8A and 91', '8A023030910A8569E70E607026603030'),
        CheckNumber: str(''),
        ReturnReasonCode: str('Returned eCheck: the NACHA reason', 'R01'),
        SaveOnFileTransactionID: str('SaveOnFile: the verification transaction'),
        SingleSignOnToken: str('Paid on a hosted page: its token'),
        SettlementBatchID: str('Settlement events: the batch'),
      },
      'A change of a transaction (approved, declined, voided, refunded, returned, charged back, settled, or an error).',
    ),
    PaymentPlanEvent: payload(
      PLAN_EVENTS,
      {
        PaymentPlanStatus: {
          type: 'string',
          enum: ['Active', 'Paused', 'PastDue', 'Completed', 'Cancelled'],
        },
        PaymentPlanChange: str('What changed (created, updated, paused, resumed, cancelled, charged, …)'),
        InstallmentsPaid: str('', '1'),
        TotalAmount: str('', '300.00'),
        DownPaymentAmount: str('', '50.00'),
        InstallmentAmount: str('', '100.00'),
        AmountPaid: str('', '150.00'),
        RemainingBalance: str('', '150.00'),
        Frequency: str('', 'Monthly'),
        StartDate: str('YYYY-MM-DD', '2026-12-15'),
        DayOfMonth: str('', '15'),
        EndDate: str('YYYY-MM-DD'),
        NextPaymentDate: str('YYYY-MM-DD', '2027-01-15'),
        FailedAttempts: str('', '0'),
        PaymentMethodID: str('The stored card or account charged'),
      },
      'A payment plan was created or changed, or one of its charges ran.',
    ),
  };
}

const VERIFY_SNIPPET = [
  '```js',
  "import { createHmac, timingSafeEqual } from 'node:crypto';",
  '',
  '// secret: the endpoint’s signing secret, "whsec_…"; body: the exact bytes received, as a string.',
  'export function verifyWebhook(secret, headers, body) {',
  "  const id = headers['webhook-id'], timestamp = headers['webhook-timestamp'];",
  '  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false; // replay window',
  "  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');",
  "  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();",
  "  return headers['webhook-signature'].split(' ').some((sig) => {",
  "    const given = Buffer.from(sig.replace(/^v1,/, ''), 'base64');",
  '    return given.length === expected.length && timingSafeEqual(given, expected);',
  '  });',
  '}',
  '```',
].join('\n');

const HEADERS = [
  {
    name: 'webhook-id',
    in: 'header',
    required: true,
    description:
      'The same for one event to one endpoint across every retry and resend: use it to drop duplicates',
    schema: { type: 'string' },
  },
  {
    name: 'webhook-timestamp',
    in: 'header',
    required: true,
    description: 'Unix seconds when signed',
    schema: { type: 'string', pattern: '^\\d+$' },
  },
  {
    name: 'webhook-signature',
    in: 'header',
    required: true,
    description:
      '`v1,` + base64 HMAC-SHA256 of `<webhook-id>.<webhook-timestamp>.<body>` keyed by the base64 part of the endpoint’s `whsec_` secret; during a rotation two signatures, space-separated',
    schema: { type: 'string', example: 'v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=' },
  },
  {
    name: 'User-Agent',
    in: 'header',
    required: true,
    description: '`Conduit-Webhooks/<version>`',
    schema: { type: 'string', example: 'Conduit-Webhooks/1.0.0' },
  },
];

function webhook(summary: string, schema: string, description: string) {
  const ref = { $ref: `#/components/schemas/${schema}` };
  return {
    post: {
      tags: ['Webhooks'],
      operationId: `receive${schema}`,
      summary,
      description,
      parameters: HEADERS,
      requestBody: {
        required: true,
        description: 'In the endpoint’s format: JSON, XML (one element per field) or form fields (NVP)',
        content: {
          'application/json': { schema: ref },
          'application/xml': { schema: ref },
          'application/x-www-form-urlencoded': { schema: ref },
        },
      },
      responses: {
        '200': {
          description: 'Any 2xx: delivered. Anything else, or no answer in 20 seconds, is retried later',
        },
        '400': { description: 'Not delivered (any non-2xx): retried every 30 minutes, 5 attempts in all' },
      },
    },
  };
}

export function restWebhooks() {
  const about =
    'Delivered at least once: drop duplicates by `webhook-id`. Verify the signature over the exact body bytes ' +
    'before parsing (the public `standardwebhooks` libraries verify it unchanged), for example:\n\n' +
    VERIFY_SNIPPET +
    '\n\nAn endpoint may also require HTTP Basic or an OAuth2 bearer token (`Authorization`) and a client certificate.';
  return {
    transactionEvent: webhook(
      `A transaction changed: ${PAYMENT_EVENTS.join(', ')}`,
      'TransactionEvent',
      about,
    ),
    paymentPlanEvent: webhook(`A payment plan changed: ${PLAN_EVENTS.join(', ')}`, 'PaymentPlanEvent', about),
  };
}
