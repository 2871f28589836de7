import {
  SANDBOX_CHARGEBACK_CARD,
  SANDBOX_DECLINE_CARDS,
  SANDBOX_ECHECK_LIMIT_CENTS,
} from '@conduit/processor';

// The vendor-readable introduction (info.description, Markdown). The sandbox's rules are read
// from the sandbox itself so that the page cannot promise a card the sandbox does not honour.

const STATUS_LETTERS: [string, string][] = [
  ['A', 'authorized, not captured yet'],
  ['C', 'approved and captured (complete); for a refund, the refund was accepted'],
  ['O', 'card or account saved on file; no money moved'],
  ['D', 'declined'],
  ['V', 'voided'],
  ['X', 'cancelled: an authorization that expired uncaptured after 7 days'],
  ['S', 'settled'],
  ['SE', 'settlement error'],
  ['RI', 'returned item (an eCheck returned by the bank)'],
  ['CB', 'chargeback'],
];

const RESPONSE_CODES: [string, string, string][] = [
  ['000', 'APPROVED', 'approved'],
  ['010', 'Partially Approved $X.XX', 'approved for less than asked (only with AllowPartialPayment)'],
  ['001', 'REFERRAL - CALL ISSUER', 'declined'],
  ['003', 'INVALID MERCHANT', 'declined'],
  ['005', 'DECLINED', 'declined (do not honor)'],
  ['012', 'INVALID TRANSACTION', 'declined'],
  ['013', 'INVALID AMOUNT', 'declined'],
  ['014', 'INVALID ACCOUNT NUMBER', 'declined: the card number fails its check digit'],
  ['025', 'INVALID TERMINAL', 'declined'],
  ['028', 'PLEASE RETRY', 'declined: the processor was unavailable; safe to retry'],
  ['051', 'INSUFFICIENT FUNDS', 'declined'],
  ['054', 'EXPIRED CARD', 'declined'],
  ['082', 'CVV MISMATCH', 'declined'],
];

const table = (head: string[], rows: string[][]) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');

function sandboxSection(): string {
  const cards = Object.entries(SANDBOX_DECLINE_CARDS).map(([pan, code]) => [
    `\`${pan}\``,
    `declined \`${code}\``,
  ]);
  cards.push([`\`${SANDBOX_CHARGEBACK_CARD}\``, 'approved, then charged back (CB) after settlement']);
  const echeckLimit = (SANDBOX_ECHECK_LIMIT_CENTS / 100).toFixed(2);
  return [
    '## The sandbox',
    'The sandbox processor is deterministic, so that every outcome can be tested:',
    '- Any card number that passes the Luhn check, with a future expiry, is approved. Happy-path cards: ' +
      '`4111111111111111` (VISA), `5500000000000004` (MASTERCARD), `340000000000009` (AMEX), `6011000000000004` (DISCOVER).',
    '- A 13–19 digit number failing Luhn is declined `014`; an expiry in the past is declined `054`; ' +
      'a number that is not 13–19 digits is a 400 error.',
    '- An amount whose cents are `.10` (for example `25.10`) on a card sale or authorization is approved for half ' +
      '(rounded down to the cent) with `010` when `AllowPartialPayment` is true, and declined `051` otherwise.',
    `- eCheck: amounts over ${echeckLimit} are declined \`051\`; account number \`000000000\` is returned (RI, reason R01) after it settles.`,
    '',
    table(['card number', 'outcome'], cards),
  ].join('\n');
}

export function introduction(): string {
  return [
    'Card and eCheck payments for healthcare practices, in JSON.',
    '',
    'Send both `Api-Key` and `Api-Secret` headers on every call. Field names are matched case-insensitively; ' +
      'an unknown field is refused with 400. Money is a decimal string of dollars with at most two places (`"25.00"`). ' +
      'Every payment and payment plan POST accepts an `Idempotency-Key` header so that a retry never charges twice.',
    '',
    'A **decline is a normal 200 answer**: read `TransactionStatus` (the outcome) and `ResponseCode` (why). ' +
      'Errors (4xx, 5xx) have one shape, `ErrorResponse`, listing every invalid field at once, and a `ReferenceNumber` to quote to support.',
    '',
    '## Status letters (TransactionStatus)',
    table(
      ['letter', 'meaning'],
      STATUS_LETTERS.map(([l, m]) => [`\`${l}\``, m]),
    ),
    '',
    '## Response codes (ResponseCode)',
    table(
      ['code', 'ResponseMessage', 'outcome'],
      RESPONSE_CODES.map(([c, m, o]) => [`\`${c}\``, m, o]),
    ),
    '',
    'TransactionStatus decides the outcome; the response code and message are context for people.',
    '',
    sandboxSection(),
    '',
    '## Webhooks',
    'Each change of a transaction or plan is posted to the merchant’s webhook endpoints as JSON, XML or form fields ' +
      '(see the `webhooks` section), signed with the Standard Webhooks scheme.',
  ].join('\n');
}

export const TAGS = [
  {
    name: 'Payments',
    description:
      'Sales, authorizations, captures, voids and refunds with a card, a stored card or account, or an eCheck.',
  },
  {
    name: 'Transactions',
    description: 'Read one transaction with its follow-ups, or list them with a cursor.',
  },
  {
    name: 'Payment plans',
    description: 'Save a card on file, or schedule installment and recurring charges, and manage the plan.',
  },
  {
    name: 'Single sign-on',
    description:
      'A hosted payment page for the payer: create a one-time token, send the payer to its page, and poll the outcome.',
  },
  {
    name: 'Terminals',
    description:
      'Server-driven card terminals for thin-client desks: pair a device with its one-time code, ask a terminal for a payment, read and cancel its action. The device itself holds a WebSocket at /rest/terminals/connect (Basic TerminalDeviceID:DeviceSecret).',
  },
  { name: 'Webhooks', description: 'What the platform posts to the merchant’s endpoints.' },
];

/** The one tag of an operation, by its path. */
export function tagOf(path: string): string {
  if (path.startsWith('/rest/sso/')) return 'Single sign-on';
  if (path.startsWith('/rest/terminals')) return 'Terminals';
  if (/^\/rest\/payment\/paymentplans?(\/|$)/.test(path)) return 'Payment plans';
  if (/^\/rest\/payment\/transactions?(\/|$)/.test(path)) return 'Transactions';
  return 'Payments';
}
