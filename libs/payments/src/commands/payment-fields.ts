import { CARD_PRESENT_STATUSES, TenderType, TransactionAction } from '@conduit/domain';

/** A JSON Schema fragment (OpenAPI 3.1 dialect), as the REST document and the NVP reference show it. */
export type JsonSchema = Record<string, unknown>;

/**
 * One payment request field, defined once: its name in the core and on NVP/SOAP, its REST path,
 * what it accepts (the schema the parser enforces, as documentation), and the NVP spellings that
 * mean the same. The NVP reference page, the REST request schemas and both edges' field names are
 * all read from this table, so they cannot drift from each other.
 */
export interface PaymentField {
  /** NVP/SOAP spelling, which is also the core's field name in errors. */
  name: string;
  /** REST spelling (dotted path in the JSON body); null when REST has no such field. */
  rest: string | null;
  group: 'Envelope' | 'Outlet' | 'Card' | 'eCheck' | 'Secondary' | 'Receipt' | 'Patient' | 'Free text';
  schema: JsonSchema;
  description: string;
  /** Other NVP names accepted for this field (case-insensitive). */
  aliases?: string[];
}

const text = (maxLength: number): JsonSchema => ({ type: 'string', maxLength });
const digits = (n: number): JsonSchema => ({ type: 'string', pattern: `^\\d{${n}}$` });
export const MONEY_SCHEMA: JsonSchema = {
  type: 'string',
  pattern: '^\\d{1,8}(\\.\\d{1,2})?$',
  description: 'Dollars with at most two decimals, e.g. "25.00"; a JSON number is also accepted on REST.',
};
const FLAG: JsonSchema = { type: 'string', enum: ['true', 'false', '1', '0', 'yes', 'no'] };
const CHECK_IMAGE_SCHEMA: JsonSchema = { type: 'string', format: 'byte' };
const WIRE_ID: JsonSchema = { type: 'string', pattern: '^[0-9A-Fa-f-]{32,36}$' };

export const PAYMENT_FIELDS: readonly PaymentField[] = [
  {
    name: 'transactionAction',
    rest: null,
    group: 'Envelope',
    schema: { type: 'string', enum: Object.values(TransactionAction) },
    description: 'What to do. REST names it by the path (POST /rest/payment/sale …).',
  },
  {
    name: 'transactionType',
    rest: 'TransactionType',
    group: 'Envelope',
    schema: { type: 'string', enum: Object.values(TenderType) },
    description: 'The tender. REST: CreditCard unless PaymentMethod is ECheck.',
  },
  {
    name: 'amount',
    rest: 'Amount',
    group: 'Envelope',
    schema: MONEY_SCHEMA,
    description: 'The amount; optional on Capture and SimpleRefund (default: all that remains).',
  },
  {
    name: 'idempotencyKey',
    rest: null,
    group: 'Envelope',
    schema: text(255),
    description: 'Or the Idempotency-Key header: a retry with the same key and body gets the first answer.',
  },
  {
    name: 'merchantID',
    rest: 'Outlet.MerchantID',
    group: 'Outlet',
    schema: digits(13),
    description: 'The merchant number.',
  },
  {
    name: 'storeID',
    rest: 'Outlet.StoreID',
    group: 'Outlet',
    schema: digits(3),
    description: 'The store of the outlet.',
  },
  {
    name: 'terminalID',
    rest: 'Outlet.TerminalID',
    group: 'Outlet',
    schema: digits(3),
    description: 'The terminal of the outlet.',
  },
  {
    name: 'cardNumber',
    rest: 'Card.CardNumber',
    group: 'Card',
    schema: { type: 'string', pattern: '^[0-9 -]{13,23}$' },
    description: 'The card number, 13 to 19 digits (spaces and dashes ignored). Never echoed.',
    aliases: ['creditCardNumber'],
  },
  {
    name: 'cardExpiration',
    rest: 'Card.Expiration',
    group: 'Card',
    schema: { type: 'string', pattern: '^(\\d{1,2}[/-](\\d{2}|\\d{4})|\\d{4})$' },
    description: 'MM/YY, MM-YY, MMYY or MM/YYYY; or send the month and year apart.',
    aliases: ['expirationDate', 'cardExpirationDate', 'expDate'],
  },
  {
    name: 'cardExpirationMonth',
    rest: 'Card.ExpirationMonth',
    group: 'Card',
    schema: { type: 'string', pattern: '^\\d{1,2}$' },
    description: '1 to 12.',
  },
  {
    name: 'cardExpirationYear',
    rest: 'Card.ExpirationYear',
    group: 'Card',
    schema: { type: 'string', pattern: '^(\\d{2}|\\d{4})$' },
    description: 'YY or YYYY.',
  },
  {
    name: 'cardVerificationNumber',
    rest: 'Card.CVN',
    group: 'Card',
    schema: { type: 'string', pattern: '^\\d{3,4}$' },
    description: 'The CVV/CVC, 3 or 4 digits. Never stored.',
    aliases: ['cvv', 'cvv2', 'cvc', 'cvn'],
  },
  {
    name: 'cardHolderName',
    rest: 'Card.CardHolderName',
    group: 'Card',
    schema: text(120),
    description: 'As printed.',
  },
  {
    name: 'cardPresentStatus',
    rest: 'Card.CardPresentStatus',
    group: 'Card',
    schema: { type: 'string', enum: [...CARD_PRESENT_STATUSES] },
    description: 'How the card was given; default NotPresentInternet (PresentSwipeSign with trackData).',
  },
  {
    name: 'trackData',
    rest: 'Card.TrackData',
    group: 'Card',
    schema: text(512),
    description: 'Track 1 and/or track 2 exactly as a keyboard-wedge reader types them.',
  },
  {
    name: 'emvData',
    rest: 'Card.EMVData',
    group: 'Card',
    schema: { type: 'string', pattern: '^([0-9A-Fa-f]{2})+$', maxLength: 4096 },
    description:
      'Chip or contactless read: hex BER-TLV of the card and terminal data objects (the devices guide lists the tags). ' +
      'Carries the card (no cardNumber or trackData with it); 9F02 must equal amount. Never echoed or stored.',
  },
  {
    name: 'fallback',
    rest: 'Card.Fallback',
    group: 'Card',
    schema: FLAG,
    description:
      'A chip card (service code 2xx or 6xx) swiped after its chip read failed; without it such a swipe is refused.',
  },
  {
    name: 'paymentMethodID',
    rest: 'PaymentMethodID',
    group: 'Card',
    schema: WIRE_ID,
    description: 'A stored card (from SaveOnFile) instead of card details.',
  },
  {
    name: 'allowPartialPayment',
    rest: 'AllowPartialPayment',
    group: 'Card',
    schema: FLAG,
    description: 'Accept a partial approval.',
  },
  {
    name: 'saveOnFile',
    rest: 'SaveOnFile',
    group: 'Card',
    schema: FLAG,
    description: 'Also store the card when approved (answers paymentMethodID).',
  },
  {
    name: 'routingNumber',
    rest: 'ECheck.RoutingNumber',
    group: 'eCheck',
    schema: digits(9),
    description: 'ABA routing number (check digit verified).',
  },
  {
    name: 'accountNumber',
    rest: 'ECheck.AccountNumber',
    group: 'eCheck',
    schema: { type: 'string', pattern: '^\\d{4,17}$' },
    description: 'The bank account number. Never echoed.',
  },
  {
    name: 'accountType',
    rest: 'ECheck.AccountType',
    group: 'eCheck',
    schema: { type: 'string', enum: ['Checking', 'Savings'] },
    description: 'Default Checking.',
  },
  {
    name: 'checkNumber',
    rest: 'ECheck.CheckNumber',
    group: 'eCheck',
    schema: { type: 'string', pattern: '^\\d{1,15}$' },
    description: 'Optional.',
  },
  {
    name: 'accountHolderName',
    rest: 'ECheck.AccountHolderName',
    group: 'eCheck',
    schema: text(120),
    description: 'Optional.',
  },
  {
    name: 'checkPresentStatus',
    rest: 'ECheck.CheckPresentStatus',
    group: 'eCheck',
    schema: { type: 'string', enum: ['Present', 'NotPresent'] },
    description: 'Default NotPresent.',
  },
  {
    name: 'checkFrontImage',
    rest: 'ECheck.FrontImage',
    group: 'eCheck',
    schema: CHECK_IMAGE_SCHEMA,
    description:
      'A paper check scanned at the desk: the front, as standard base64 of a PNG or JPEG (known by its magic bytes), at most 1 MiB decoded. Only with checkPresentStatus Present. Stored encrypted with the transaction, approved or declined; staff see it beside the transaction in the console.',
  },
  {
    name: 'checkBackImage',
    rest: 'ECheck.BackImage',
    group: 'eCheck',
    schema: CHECK_IMAGE_SCHEMA,
    description: 'The back of the same check, like checkFrontImage; only with checkFrontImage.',
  },
  {
    name: 'primaryTransactionID',
    rest: 'TransactionID',
    group: 'Secondary',
    schema: WIRE_ID,
    description:
      'Capture, Void, SimpleRefund: the transaction they act on. transactionID is accepted as the same field.',
  },
  {
    name: 'transactionID',
    rest: null,
    group: 'Receipt',
    schema: WIRE_ID,
    description: 'ViewReceipt: the transaction to show (or singleSignOnToken).',
  },
  {
    name: 'singleSignOnToken',
    rest: null,
    group: 'Receipt',
    schema: text(200),
    description: 'ViewReceipt and GetSSOTokenStatus: the hosted-page token.',
    aliases: ['token'],
  },
  {
    name: 'requestToken',
    rest: null,
    group: 'Receipt',
    schema: text(200),
    description: 'ViewReceipt: accepted and ignored.',
  },
  {
    name: 'patientID',
    rest: 'Patient.PatientID',
    group: 'Patient',
    schema: text(64),
    description: 'Your patient ID.',
  },
  {
    name: 'patientAccountNumber',
    rest: 'Patient.AccountNumber',
    group: 'Patient',
    schema: text(64),
    description: "The patient's account with the practice.",
  },
  {
    name: 'patientFirstName',
    rest: 'Patient.FirstName',
    group: 'Patient',
    schema: text(64),
    description: 'First name.',
  },
  {
    name: 'patientLastName',
    rest: 'Patient.LastName',
    group: 'Patient',
    schema: text(64),
    description: 'Last name.',
  },
  {
    name: 'patientBirthDate',
    rest: 'Patient.BirthDate',
    group: 'Patient',
    schema: { type: 'string', pattern: '^(\\d{4}-\\d{2}-\\d{2}|\\d{2}/\\d{2}/\\d{4})$' },
    description: 'YYYY-MM-DD or MM/DD/YYYY.',
  },
  ...[1, 2, 3, 4, 5, 6].map((i): PaymentField => ({
    name: `additionalInfo${i}`,
    rest: `AdditionalInfo${i}`,
    group: 'Free text',
    schema: text(255),
    description: 'Free text, echoed in webhooks, receipts and posting files.',
  })),
];

/** Core (NVP) name → REST path, for errors raised anywhere in the core. */
export const REST_PATHS: ReadonlyMap<string, string> = new Map(
  PAYMENT_FIELDS.filter((f) => f.rest).map((f) => [f.name, f.rest as string]),
);
