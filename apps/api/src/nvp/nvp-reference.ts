import { ResponseCode, responseMessage, TransactionAction, TransactionStatus } from '@conduit/domain';
import { type JsonSchema, PAYMENT_FIELDS, type PaymentField } from '@conduit/payments';
import { PLAN_FIELDS } from './nvp-fields';
import { PLAN_ACTIONS } from './nvp-plan-input';

/**
 * The NVP field reference served at /payment/nvp-reference (HTML) and /payment/nvp-reference.json,
 * built from the same field table the NVP and REST edges parse with, so the page cannot drift
 * from what the platform accepts (decision 0025).
 */
export interface NvpReference {
  endpoint: string;
  actions: string[];
  requestFields: {
    name: string;
    group: string;
    accepts: string;
    description: string;
    aliases: string[];
    rest: string | null;
  }[];
  planFields: string[];
  responseFields: { name: string; description: string }[];
  statuses: { letter: string; meaning: string }[];
  responseCodes: { code: string; message: string }[];
}

/** What each answer field says (the order and presence follow nvp-output.ts; a test compares them). */
export const RESPONSE_FIELDS: Record<string, string> = {
  responseCode: '000 approved; anything else a decline (see response codes).',
  responseMessage: 'The text of the response code.',
  transactionStatus: 'The status letter (see statuses).',
  transactionID: 'This transaction: use it for Capture, Void, SimpleRefund and ViewReceipt.',
  transactionDate: 'ISO 8601, UTC.',
  transactionAction: 'The action performed.',
  transactionType: 'CreditCard, DebitCard or eCheck.',
  merchantID: 'The outlet that took the payment.',
  storeID: 'The outlet that took the payment.',
  terminalID: 'The outlet that took the payment.',
  authorizationNumber: "The issuer's approval code.",
  amount: 'The approved amount (0.00 when declined).',
  requestAmount: 'The amount asked for.',
  isPartiallyApproved: 'true when less than asked was approved (with allowPartialPayment).',
  partialApprovalAmount: 'The approved part.',
  primaryTransactionID: 'Secondary actions: the transaction acted on.',
  primaryTransactionStatus: "Secondary actions: the primary's status afterwards.",
  cardBrand: 'VISA, MASTERCARD, AMEX, DISCOVER or OTHER.',
  cardBINNumber: 'The first six digits.',
  lastFourDigits: 'The last four digits.',
  cardExpirationMonth: '1 to 12.',
  cardExpirationYear: 'YYYY.',
  cardHolderName: 'As given or read from the track.',
  paymentCardType: 'CREDIT or DEBIT.',
  EMVCardEntryMode: 'Keyed, Swiped, Chip, Contactless or OnFile.',
  isEMVTransaction: 'true for chip and contactless.',
  IsEMVVerifiedByPIN: 'true when the chip verified a PIN.',
  EMVIssuerResponse: 'Chip: hex TLV (8A, 91) for the terminal to complete the card (second GENERATE AC).',
  EMVApplicationLabel: 'Chip receipts: the application label (50), e.g. VISA DEBIT.',
  EMVApplicationID: 'Chip receipts: the AID (84 or 4F), hex.',
  EMVTVR: 'Chip receipts: terminal verification results (95), hex.',
  EMVTSI: 'Chip receipts: transaction status information (9B), hex.',
  EMVCryptogramType: 'Chip receipts: ARQC, TC or AAC (from 9F27).',
  routingNumber: 'eCheck: the routing number.',
  accountNumberLastFourDigits: 'eCheck: the last four digits of the account.',
  accountType: 'eCheck: Checking or Savings.',
  checkNumber: 'eCheck: the check number, if given.',
  paymentMethodID: 'The stored card used or saved.',
  paymentPlanID: 'Plan charges: the plan.',
  paymentPlanType: 'Plan charges: Installment or Recurring.',
  installmentSequenceNumber: 'Plan charges: which installment (0 is the down payment).',
  installmentCount: 'Plan charges: how many installments in all.',
  saveOnFileTransactionID: 'SaveOnFile: the verification transaction.',
  patientID: 'Echoed.',
  patientAccountNumber: 'Echoed.',
  patientFirstName: 'Echoed.',
  patientLastName: 'Echoed.',
  ...Object.fromEntries([1, 2, 3, 4, 5, 6].map((i) => [`additionalInfo${i}`, 'Echoed.'])),
  authorizationText: 'The cardholder agreement to print on a receipt (approved card payments).',
};

const STATUS_MEANINGS: Record<TransactionStatus, string> = {
  [TransactionStatus.Authorized]: 'Authorized, not yet captured',
  [TransactionStatus.Captured]: 'Captured (approved sale, capture or refund)',
  [TransactionStatus.OnFile]: 'Card stored (SaveOnFile)',
  [TransactionStatus.Declined]: 'Declined',
  [TransactionStatus.Voided]: 'Voided',
  [TransactionStatus.Cancelled]: 'Cancelled (an authorization that expired)',
  [TransactionStatus.Settled]: 'Settled',
  [TransactionStatus.SettlementError]: 'Settlement error',
  [TransactionStatus.ReturnedItem]: 'Returned (eCheck return)',
  [TransactionStatus.Chargeback]: 'Charged back',
};

/** A schema as one line a person reads: the values or the form it accepts. */
export function accepts(schema: JsonSchema): string {
  if (Array.isArray(schema.enum)) return `one of ${schema.enum.join(', ')}`;
  if (typeof schema.pattern === 'string') return `text matching ${schema.pattern}`;
  if (typeof schema.maxLength === 'number') return `text, at most ${schema.maxLength} characters`;
  return String(schema.type ?? 'text');
}

const row = (f: PaymentField) => ({
  name: f.name,
  group: f.group,
  accepts: accepts(f.schema),
  description: f.description,
  aliases: f.aliases ?? [],
  rest: f.rest,
});

export function nvpReference(): NvpReference {
  return {
    endpoint: 'POST /payment/NVP.aspx (or /nvp), application/x-www-form-urlencoded, HTTP Basic',
    actions: [...Object.values(TransactionAction), 'GetSSOTokenStatus', ...PLAN_ACTIONS],
    requestFields: PAYMENT_FIELDS.map(row),
    planFields: PLAN_FIELDS,
    responseFields: Object.entries(RESPONSE_FIELDS).map(([name, description]) => ({ name, description })),
    statuses: Object.entries(STATUS_MEANINGS).map(([letter, meaning]) => ({ letter, meaning })),
    responseCodes: Object.values(ResponseCode).map((code) => ({ code, message: responseMessage(code) })),
  };
}

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const table = (head: string[], rows: string[][]) =>
  `<table><thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map(
      (r) =>
        `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row"><code>${esc(c)}</code></th>` : `<td>${esc(c)}</td>`)).join('')}</tr>`,
    )
    .join('')}</tbody></table>`;

/** The reference as a self-contained, accessible HTML page (no scripts, light and dark). */
export function nvpReferenceHtml(ref: NvpReference = nvpReference()): string {
  const groups = [...new Set(ref.requestFields.map((f) => f.group))];
  const fieldSections = groups
    .map(
      (g) =>
        `<h3>${esc(g)}</h3>` +
        table(
          ['Field', 'Accepts', 'Meaning', 'Also accepted as', 'REST name'],
          ref.requestFields
            .filter((f) => f.group === g)
            .map((f) => [f.name, f.accepts, f.description, f.aliases.join(', ') || '—', f.rest ?? '—']),
        ),
    )
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Conduit NVP reference</title>
<style>
:root{color-scheme:light dark;font-family:system-ui,sans-serif;line-height:1.45}
body{max-width:72rem;margin:0 auto;padding:1rem}
table{border-collapse:collapse;width:100%;margin:0 0 1.5rem}
th,td{border:1px solid #8888;padding:.35rem .5rem;text-align:left;vertical-align:top}
code,pre{font-family:ui-monospace,monospace}
pre{overflow-x:auto;padding:.75rem;border:1px solid #8888}
</style></head><body><main>
<h1>Conduit NVP reference</h1>
<p><code>${esc(ref.endpoint)}</code>. Field names are case-insensitive. A field Conduit does not know is
refused (HTTP 400), with every other problem of the request, unless the merchant has
<em>ignore unknown NVP fields</em> turned on for a legacy sender. Errors answer
<code>errorCode</code>, <code>errorMessage</code> and <code>referenceNumber</code>.</p>
<pre>curl -u ACCOUNT_ID:PASSWORD https://HOST/payment/NVP.aspx \\
  -d merchantID=6011000551245 -d storeID=001 -d terminalID=002 -d transactionType=CreditCard \\
  -d transactionAction=Sale -d amount=25.00 -d cardNumber=4111111111111111 -d cardExpiration=12/30</pre>
<h2>Actions (transactionAction)</h2><p>${ref.actions.map((a) => `<code>${esc(a)}</code>`).join(', ')}</p>
<h2>Request fields</h2>${fieldSections}
<h3>Payment plan actions</h3><p>Besides the outlet, patient, card and eCheck fields: ${ref.planFields
    .map((f) => `<code>${esc(f)}</code>`)
    .join(', ')} (see the payment plans guide).</p>
<h2>Response fields</h2>${table(
    ['Field', 'Meaning'],
    ref.responseFields.map((f) => [f.name, f.description]),
  )}
<h2>Transaction statuses</h2>${table(
    ['Letter', 'Meaning'],
    ref.statuses.map((s) => [s.letter, s.meaning]),
  )}
<h2>Response codes</h2>${table(
    ['Code', 'Message'],
    ref.responseCodes.map((c) => [c.code, c.message]),
  )}
</main></body></html>`;
}
