import type { SchemaObject } from './field-table';

// What the REST interface answers (rest-output.ts, rest-plan-output.ts, the error renderer).
// Absent values are left out of answers, so only what is always there is `required`.

const ID = { type: 'string', pattern: '^[0-9A-F]{32}$', example: '0CA7530A86084B468FFF132AB7F04491' };
const MONEY = { type: 'string', pattern: '^\\d+\\.\\d{2}$', example: '25.00' };
const STATUS_LETTERS = ['A', 'C', 'O', 'D', 'V', 'X', 'S', 'SE', 'RI', 'CB'];
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const object = (
  properties: Record<string, unknown>,
  required: string[],
  description?: string,
): SchemaObject => ({
  type: 'object',
  ...(description && { description }),
  properties,
  required,
});
const ADDITIONAL_INFO = Object.fromEntries(
  [1, 2, 3, 4, 5, 6].map((i) => [
    `AdditionalInfo${i}`,
    { type: 'string', description: `AdditionalInfo${i} as sent with the request; absent when empty` },
  ]),
);

export const TRANSACTION_STATUS = {
  type: 'string',
  enum: STATUS_LETTERS,
  example: 'C',
  description: 'The outcome: see "Status letters" in the introduction',
};
export const RESPONSE_CODE = {
  type: 'string',
  pattern: '^\\d{3}$',
  example: '000',
  description: 'See "Response codes" in the introduction; 000 and 010 are approvals',
};

const PAYMENT_RESPONSE = object(
  {
    TransactionID: ID,
    TransactionStatus: TRANSACTION_STATUS,
    ResponseCode: RESPONSE_CODE,
    ResponseMessage: { type: 'string', example: 'APPROVED' },
    TransactionAction: {
      type: 'string',
      enum: ['Sale', 'Authorization', 'Capture', 'Void', 'SimpleRefund', 'Refund', 'SaveOnFile'],
      example: 'Sale',
    },
    TransactionType: {
      type: 'string',
      enum: ['CreditCard', 'DebitCard', 'eCheck'],
      example: 'CreditCard',
    },
    AuthorizationNumber: { type: 'string', pattern: '^[A-Z0-9]{6}$', example: 'A3807B' },
    AuthorizationText: {
      type: 'string',
      example: 'I AGREE TO PAY THE ABOVE AMOUNT ACCORDING TO MY CARD HOLDER AGREEMENT.',
      description: 'Card approvals: the text to print on the receipt for signature',
    },
    Amount: {
      ...MONEY,
      description: 'The approved amount: 0.00 when declined (RequestAmount is what was asked)',
    },
    RequestAmount: { ...MONEY, description: 'The amount asked for' },
    IsPartiallyApproved: { type: 'boolean', example: false },
    PartialApprovalAmount: { ...MONEY, example: '12.55', description: 'With IsPartiallyApproved' },
    TransactionDate: { type: 'string', format: 'date-time', example: '2026-11-23T18:12:31.1020000Z' },
    Outlet: ref('OutletRef'),
    Card: ref('CardOutput'),
    ECheck: ref('ECheckOutput'),
    PaymentMethodID: { ...ID, description: 'The stored card or account (SaveOnFile, on-file charges)' },
    PaymentPlanID: { ...ID, description: 'A payment plan’s charge: its plan' },
    PaymentPlanType: { type: 'string', enum: ['Installment', 'Recurring'] },
    InstallmentSequenceNumber: {
      type: 'integer',
      minimum: 0,
      example: 2,
      description: 'A payment plan’s charge: which one, from 1; 0 for the down payment',
    },
    InstallmentCount: { type: 'integer', minimum: 1, example: 3 },
    SaveOnFileTransactionID: {
      ...ID,
      description: 'A sale with SaveOnFile: the verification transaction',
    },
    PrimaryTransactionID: { ...ID, description: 'Capture, void, refund: the transaction acted on' },
    PrimaryTransactionStatus: {
      ...TRANSACTION_STATUS,
      description: 'The primary transaction’s status after this action',
    },
    RefundedAmount: { ...MONEY, example: '0.00', description: 'Primary transactions: refunded so far' },
    Patient: ref('PatientOutput'),
    ...ADDITIONAL_INFO,
  },
  [
    'TransactionID',
    'TransactionStatus',
    'ResponseCode',
    'ResponseMessage',
    'TransactionAction',
    'TransactionType',
    'Amount',
    'RequestAmount',
    'IsPartiallyApproved',
    'TransactionDate',
    'Outlet',
  ],
  'One transaction. A decline is a normal answer with TransactionStatus D.',
) as SchemaObject & { properties: Record<string, unknown>; required: string[] };

function paymentSchemas(): Record<string, SchemaObject> {
  return {
    CardOutput: object(
      {
        Brand: { type: 'string', enum: ['VISA', 'MASTERCARD', 'AMEX', 'DISCOVER', 'OTHER'] },
        BIN: { type: 'string', pattern: '^\\d{6}$', example: '411111' },
        LastFour: { type: 'string', pattern: '^\\d{4}$', example: '1111' },
        ExpirationMonth: { type: 'integer', minimum: 1, maximum: 12, example: 6 },
        ExpirationYear: { type: 'integer', example: 2028 },
        CardHolderName: { type: 'string', example: 'Pat Doe' },
        PaymentCardType: { type: 'string', enum: ['CREDIT', 'DEBIT'] },
        EntryMode: { type: 'string', enum: ['Keyed', 'Swiped', 'Chip', 'Contactless', 'OnFile'] },
        IsEMVTransaction: { type: 'boolean' },
        IsEMVVerifiedByPIN: { type: 'boolean' },
        EMV: ref('EMVOutput'),
      },
      [
        'Brand',
        'BIN',
        'LastFour',
        'ExpirationMonth',
        'ExpirationYear',
        'PaymentCardType',
        'EntryMode',
        'IsEMVTransaction',
        'IsEMVVerifiedByPIN',
      ],
      'The card, never its full number',
    ),
    EMVOutput: object(
      {
        ApplicationLabel: { type: 'string', maxLength: 16, example: 'VISA DEBIT' },
        ApplicationID: { type: 'string', pattern: '^[0-9A-F]{10,32}$', example: 'A0000000031010' },
        TVR: { type: 'string', pattern: '^[0-9A-F]{10}$', example: '0000008000' },
        TSI: { type: 'string', pattern: '^[0-9A-F]{4}$', example: 'E800' },
        CryptogramType: { type: 'string', enum: ['ARQC', 'TC', 'AAC'] },
        IssuerResponse: {
          type: 'string',
          pattern: '^([0-9A-F]{2})+$',
          example: '8A023030910A8569E70E607026603030',
          description: 'Hex TLV: 8A (authorisation response code) and 91 (issuer authentication data)',
        },
      },
      ['ApplicationID', 'TVR', 'CryptogramType'],
      'Chip and contactless reads: what a card-present receipt prints, and the issuer’s answer for the card',
    ),
    ECheckOutput: object(
      {
        RoutingNumber: { type: 'string', example: '011000015' },
        AccountLastFour: { type: 'string', example: '6789' },
        AccountType: { type: 'string', enum: ['Checking', 'Savings'] },
        CheckNumber: { type: 'string', example: '1042' },
      },
      ['RoutingNumber', 'AccountLastFour'],
      'The bank account, never its full number',
    ),
    PatientOutput: object(
      {
        PatientID: { type: 'string', example: 'P-1001' },
        AccountNumber: { type: 'string', example: 'MRN-1001' },
        FirstName: { type: 'string', example: 'Pat' },
        LastName: { type: 'string', example: 'Doe' },
      },
      [],
    ),
    PaymentResponse: PAYMENT_RESPONSE,
    TransactionDetail: object(
      {
        ...PAYMENT_RESPONSE.properties,
        SecondaryTransactions: {
          type: 'array',
          items: ref('PaymentResponse'),
          description: 'Captures, voids and refunds of this transaction',
        },
        WorkflowStatus: {
          type: ['string', 'null'],
          enum: ['PENDING', 'COMPLETE', 'PENDING_POSTING_RETRY', 'POSTING_ERROR', null],
          description: 'The webhook delivery for this transaction; null when none was made',
        },
      },
      [...PAYMENT_RESPONSE.required, 'SecondaryTransactions', 'WorkflowStatus'],
      'One transaction with its secondary transactions and its webhook delivery status',
    ),
    TransactionPage: object(
      {
        Transactions: { type: 'array', items: ref('PaymentResponse') },
        NextCursor: {
          type: ['string', 'null'],
          example: 'eyJpZCI6IjEyMyJ9',
          description: 'Pass as Cursor for the next page; null on the last page',
        },
      },
      ['Transactions', 'NextCursor'],
    ),
    FieldError: object(
      {
        Field: { type: 'string', example: 'Amount', description: 'The request field, in REST’s names' },
        Message: { type: 'string', example: 'Amount is required' },
      },
      ['Field', 'Message'],
    ),
    ErrorResponse: object(
      {
        ErrorCode: { type: 'integer', example: 400, description: 'The HTTP status' },
        ErrorMessage: { type: 'string', example: 'Amount is required' },
        ReferenceNumber: {
          type: 'string',
          pattern: '^[A-Z0-9]{10}$',
          example: 'K7Q2M9XW4P',
          description: 'Quote it to support: the cause is logged under it',
        },
        TransactionID: {
          ...ID,
          description:
            '409 for an Idempotency-Key reused with another body: the transaction the first request made',
        },
        Errors: {
          type: 'array',
          items: ref('FieldError'),
          description: 'Every invalid field, when fields were at fault',
        },
      },
      ['ErrorCode', 'ErrorMessage', 'ReferenceNumber', 'Errors'],
      'Every 4xx and 5xx answer',
    ),
  };
}

export { ID, MONEY, ref, object, ADDITIONAL_INFO as ADDITIONAL_INFO_OUTPUT };
export { paymentSchemas as paymentResponseSchemas };
