import { formatAmount } from '@conduit/domain';
import type { SsoTokenRow } from '@conduit/db';
import type { PaymentResult } from '@conduit/payments';
import { PAGE_SCRIPT } from './page-script';

export function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * The page's only stylesheet. Colours meet WCAG AA in both schemes (the dark one follows the
 * device's `prefers-color-scheme`), every control shows a focus ring for keyboard users, and the
 * e2e axe checks hold it to that (decision 0029).
 */
const STYLE = `
*{box-sizing:border-box}:root{color-scheme:light dark}body{margin:0;font:16px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1b2733;background:#f4f6f8}
main{max-width:480px;margin:0 auto;padding:16px}header{background:#12263a;color:#fff;padding:12px 16px;font-weight:600}
.card{background:#fff;border-radius:10px;padding:16px;box-shadow:0 1px 3px rgba(0,0,0,.12)}h1{font-size:1.3rem;margin:0 0 8px}
label{display:block;margin:12px 0 4px;font-weight:600}input,select{width:100%;padding:12px;font-size:16px;color:inherit;background:#fff;border:1px solid #6b7a88;border-radius:6px}
input[aria-invalid=true]{border:2px solid #b3261e}.err{color:#b3261e;font-size:.9rem;min-height:1.2em}
:focus-visible{outline:3px solid #1f4f8f;outline-offset:2px}input:focus-visible,select:focus-visible{outline-offset:0}
.row{display:flex;gap:12px}.row>div{flex:1}button,.btn{display:block;width:100%;margin-top:16px;padding:14px;font-size:1.05rem;font-weight:700;border:0;border-radius:6px;background:#1f6f5c;color:#fff;text-align:center;text-decoration:none;cursor:pointer}
button[disabled]{opacity:.6}.link{display:block;text-align:center;margin-top:14px;color:#1f4f8f}[role=tablist]{display:flex;gap:8px;margin:12px 0}
[role=tab]{flex:1;margin:0;background:#e3e8ee;color:#1b2733}[role=tab][aria-selected=true]{background:#12263a;color:#fff}
.amount{font-size:1.6rem;font-weight:700}.muted{color:#56636f}dl{display:grid;grid-template-columns:auto 1fr;gap:4px 12px}dt{font-weight:600}dd{margin:0;min-width:0;overflow-wrap:anywhere}
.alert{border-left:4px solid #b3261e;background:#fdecea;padding:10px;margin:10px 0}
table{width:100%;border-collapse:collapse;margin:12px 0}caption{text-align:left;font-weight:600;padding-bottom:4px}th,td{text-align:left;padding:6px;border-bottom:1px solid #e3e8ee}td:last-child,th:last-child{text-align:right}
.auth{display:flex;gap:10px;align-items:flex-start;margin-top:16px}.auth input{flex:none;width:24px;height:24px;margin:2px 0 0}.auth label{font-weight:400;margin:0}
@media (prefers-color-scheme:dark){body{color:#e6edf3;background:#0d1822}header{background:#0b2136}
.card{background:#14222f;box-shadow:none;border:1px solid #2a3a49}input,select{background:#0d1822;border-color:#8796a5}
input[aria-invalid=true]{border-color:#ff8a80}.err{color:#ff8a80}:focus-visible{outline-color:#82b8ee}
button,.btn{background:#2bb3a3;color:#0b2136}.link{color:#82b8ee}.muted{color:#a7b4c0}
[role=tab]{background:#22364a;color:#e6edf3}[role=tab][aria-selected=true]{background:#e6edf3;color:#0b2136}
.alert{background:#3a1d1d;border-left-color:#ff8a80}th,td{border-bottom-color:#2a3a49}}`;

export interface PageFrame {
  nonce: string;
  title: string;
  body: string;
  lightWeight?: boolean;
}

export function page(f: PageFrame): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(f.title)}</title>
<style nonce="${f.nonce}">${STYLE}</style></head><body>
${f.lightWeight ? '' : '<header>Secure payment · Conduit</header>'}<main><div class="card">${f.body}</div></main>
<script nonce="${f.nonce}">${PAGE_SCRIPT}</script></body></html>`;
}

export const field = (id: string, label: string, attrs: string, error?: string) => `
<label for="${id}">${label}</label><input id="${id}" name="${id}" ${attrs} aria-describedby="${id}-err"${error ? ' aria-invalid="true"' : ''}>
<div class="err" id="${id}-err" aria-live="polite">${esc(error ?? '')}</div>`;

/** The payment form (card and eCheck tabs unless prevented). */
export function formBody(
  t: SsoTokenRow,
  path: string,
  token: string,
  errors: { field: string; message: string }[],
) {
  const err = (...names: string[]) => errors.find((e) => names.includes(e.field))?.message;
  const patient = [t.patientFirstName, t.patientLastName].filter(Boolean).join(' ');
  const fixed = t.amountCents !== null;
  const amount = fixed ? formatAmount(Number(t.amountCents)) : '';
  const saveOnly = t.action !== 'Sale';
  const card = !t.preventCard;
  const check = !t.preventCheck && !saveOnly;
  const other = errors.filter(
    (e) =>
      ![
        'cardNumber',
        'cardExpiration',
        'cardVerificationNumber',
        'cardHolderName',
        'amount',
        'routingNumber',
        'accountNumber',
      ].includes(e.field),
  );
  return `<h1>${saveOnly ? 'Save a card' : 'Make a payment'}</h1>
<p class="muted">${esc(t.merchant.name)}${patient ? ` · for ${esc(patient)}` : ''}</p>
<form method="post" action="${esc(path)}" id="pay" novalidate>
<input type="hidden" name="token" value="${esc(token)}"><input type="hidden" name="tender" id="tender" value="${card ? 'CreditCard' : 'ECheck'}">
<div role="alert" id="form-error">${other.map((e) => `<p class="alert">${esc(e.message)}</p>`).join('')}</div>
${
  saveOnly
    ? ''
    : t.isReadOnly
      ? `<p>Amount</p><p class="amount">$${amount}</p>`
      : field(
          'amount',
          'Amount',
          `inputmode="decimal" required value="${esc(amount)}" autocomplete="off"`,
          err('amount'),
        )
}
${methodFields(card, check, err)}
<button type="submit" id="pay-button">${saveOnly ? 'Save card' : 'Pay'}</button>
</form>${t.cancelUrl ? `<a class="link" href="${esc(withParams(t.cancelUrl, { token, relayState: t.relayState ?? '' }))}">Cancel</a>` : ''}`;
}

/** The card and bank account panels (tabs when both are offered), shared by every hosted page. */
export function methodFields(
  card: boolean,
  check: boolean,
  err: (...names: string[]) => string | undefined,
): string {
  return `${card && check ? `<div role="tablist" aria-label="Pay by"><button type="button" role="tab" id="tab-card" aria-controls="panel-card" aria-selected="true">Card</button><button type="button" role="tab" id="tab-check" aria-controls="panel-check" aria-selected="false" tabindex="-1">eCheck</button></div>` : ''}
${
  card
    ? `<div role="tabpanel" id="panel-card" aria-labelledby="tab-card">
${field('cardNumber', 'Card number', 'inputmode="numeric" autocomplete="cc-number" required', err('cardNumber'))}
<div class="row"><div>${field('cardExpiration', 'Expiration (MM/YY)', 'inputmode="numeric" autocomplete="cc-exp" placeholder="MM/YY" required', err('cardExpiration', 'cardExpirationMonth', 'cardExpirationYear'))}</div>
<div>${field('cardVerificationNumber', 'Security code', 'inputmode="numeric" autocomplete="cc-csc"', err('cardVerificationNumber'))}</div></div>
${field('cardHolderName', 'Name on card', 'autocomplete="cc-name"', err('cardHolderName'))}
${field('zip', 'ZIP', 'inputmode="numeric" autocomplete="postal-code"')}</div>`
    : ''
}
${
  check
    ? `<div role="tabpanel" id="panel-check" aria-labelledby="tab-check"${card ? ' hidden' : ''}>
${field('routingNumber', 'Routing number', 'inputmode="numeric"', err('routingNumber'))}
${field('accountNumber', 'Account number', 'inputmode="numeric"', err('accountNumber'))}
<label for="accountType">Account type</label><select id="accountType" name="accountType"><option value="Checking">Checking</option><option value="Savings">Savings</option></select>
${field('accountHolderName', 'Name on account', 'autocomplete="name"', err('accountHolderName'))}</div>`
    : ''
}`;
}

/** Fields shown next to their input; any other error is listed at the top of the form. */
export const METHOD_FIELDS = [
  'cardNumber',
  'cardExpiration',
  'cardVerificationNumber',
  'cardHolderName',
  'routingNumber',
  'accountNumber',
];

export function withParams(url: string, params: Record<string, string>): string {
  const u = new URL(url);
  for (const [k, v] of Object.entries(params)) if (v !== '') u.searchParams.set(k, v);
  return u.toString();
}

/** Where the browser goes after the transaction (sso-and-polling.md §2). */
export function returnUrl(t: SsoTokenRow, token: string, r: PaymentResult): string | null {
  if (!t.confirmUrl) return null;
  return withParams(t.confirmUrl, {
    token,
    transactionID: r.transaction.transactionId,
    respCode: r.transaction.responseCode,
    respMessage: r.transaction.responseMessage,
    relayState: t.relayState ?? '',
  });
}

export function receiptBody(t: SsoTokenRow, token: string, r: PaymentResult): string {
  const x = r.transaction;
  const approved = x.responseCode === '000' || x.responseCode === '010';
  const next = returnUrl(t, token, r);
  return `<h1 role="status">${approved ? 'Payment approved' : 'Payment declined'}</h1>
<p class="muted">${esc(t.merchant.name)}</p>
<dl><dt>Amount</dt><dd>$${esc(x.amount)}</dd><dt>Result</dt><dd>${esc(x.responseMessage)} (${esc(x.responseCode)})</dd>
${x.card ? `<dt>Card</dt><dd>${esc(x.card.brand)} ending ${esc(x.card.last4)}</dd>` : ''}
${x.echeck ? `<dt>Account</dt><dd>ending ${esc(x.echeck.accountLast4)}</dd>` : ''}
${x.authorizationNumber ? `<dt>Authorization</dt><dd>${esc(x.authorizationNumber)}</dd>` : ''}
<dt>Transaction</dt><dd>${esc(x.transactionId)}</dd><dt>Date</dt><dd>${esc(x.transactionDate)}</dd></dl>
${next ? `<a class="btn" href="${esc(next)}">Continue</a>` : ''}`;
}

export function messageBody(title: string, text: string): string {
  return `<h1 role="alert">${esc(title)}</h1><p>${esc(text)}</p>`;
}
