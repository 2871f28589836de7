import type { SsoTokenRow } from '@conduit/db';
import {
  frequencyWords,
  type PlanDetail,
  type ProposedSchedule,
  type TransactionView,
} from '@conduit/payments';
import { esc, METHOD_FIELDS, methodFields, withParams } from './page-html';

type Errors = { field: string; message: string }[];

const errorOf =
  (errors: Errors) =>
  (...names: string[]) =>
    errors.find((e) => names.includes(e.field))?.message;

/** Errors without a field of their own on the page, listed above the form. */
const otherErrors = (errors: Errors) =>
  errors
    .filter((e) => !METHOD_FIELDS.includes(e.field) && e.field !== 'authorize')
    .map((e) => `<p class="alert">${esc(e.message)}</p>`)
    .join('');

const patientOf = (t: SsoTokenRow) => [t.patientFirstName, t.patientLastName].filter(Boolean).join(' ');

/** A date as the payer reads it ("Wed, Apr 1, 2026"), with the ISO date for machines. */
function day(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  const label = new Intl.DateTimeFormat('en-US', {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(d);
  return `<time datetime="${esc(date)}">${esc(label)}</time>`;
}

function scheduleTable(rows: { sequence: number; date: string; amount: string }[], caption: string) {
  return `<table id="schedule"><caption>${esc(caption)}</caption>
<thead><tr><th scope="col">#</th><th scope="col">Date</th><th scope="col">Amount</th></tr></thead><tbody>
${rows.map((c) => `<tr><td>${c.sequence}</td><td>${day(c.date)}</td><td>$${esc(c.amount)}</td></tr>`).join('\n')}
</tbody></table>`;
}

/** The box the payer ticks, with the full text (the same text is kept in the plan's audit entry). */
function authorizationBox(text: string, error: string | undefined) {
  return `<div class="auth"><input type="checkbox" id="authorize" name="authorize" value="yes" aria-describedby="authorize-text authorize-err"${error ? ' aria-invalid="true"' : ''}>
<label for="authorize" id="authorize-text">${esc(text)}</label></div>
<div class="err" id="authorize-err" aria-live="polite">${esc(error ?? '')}</div>`;
}

function formStart(path: string, token: string, card: boolean, errors: Errors) {
  return `<form method="post" action="${esc(path)}" id="pay" novalidate>
<input type="hidden" name="token" value="${esc(token)}"><input type="hidden" name="tender" id="tender" value="${card ? 'CreditCard' : 'ECheck'}">
<div role="alert" id="form-error">${otherErrors(errors)}</div>`;
}

const cancelLink = (t: SsoTokenRow, token: string) =>
  t.cancelUrl
    ? `<a class="link" href="${esc(withParams(t.cancelUrl, { token, relayState: t.relayState ?? '' }))}">Cancel</a>`
    : '';

/** `NewPaymentPlanSimpleSSO`: the proposed plan, every charge to come, a payment method, consent. */
export function planFormBody(
  t: SsoTokenRow,
  path: string,
  token: string,
  s: ProposedSchedule,
  authorization: string,
  errors: Errors,
): string {
  const err = errorOf(errors);
  const patient = patientOf(t);
  const summary =
    s.type === 'Installment'
      ? `<dt>Total</dt><dd>$${esc(s.total)}</dd>
${s.downPayment ? `<dt>Down payment today</dt><dd>$${esc(s.downPayment)}</dd>` : ''}
<dt>Payments</dt><dd>${s.installmentCount} × about $${esc(s.installment)}, ${esc(frequencyWords(s.frequency))}</dd>`
      : `<dt>Amount</dt><dd>$${esc(s.installment)} ${esc(frequencyWords(s.frequency))}</dd>
<dt>Ends</dt><dd>${s.endDate ? day(s.endDate) : 'When cancelled'}</dd>`;
  const caption =
    s.type === 'Installment'
      ? 'Scheduled payments'
      : s.continues
        ? `The first ${s.charges.length} payments (they continue ${frequencyWords(s.frequency)})`
        : 'Scheduled payments';
  return `<h1>${s.type === 'Installment' ? 'Set up a payment plan' : 'Set up recurring payments'}</h1>
<p class="muted">${esc(t.merchant.name)}${patient ? ` · for ${esc(patient)}` : ''}</p>
<dl id="plan-summary">${summary}</dl>
${scheduleTable(s.charges, caption)}
${s.continues && s.type === 'Installment' ? '<p class="muted">…and the remaining payments on the same schedule.</p>' : ''}
${formStart(path, token, !t.preventCard, errors)}
${methodFields(!t.preventCard, !t.preventCheck, err)}
${authorizationBox(authorization, err('authorize'))}
<button type="submit" id="pay-button">${s.downPayment ? `Agree and pay $${esc(s.downPayment)}` : 'Agree and set up plan'}</button>
</form>${cancelLink(t, token)}`;
}

function methodLabel(m: PlanDetail['plan']['paymentMethod']): string {
  return m.kind === 'Card' ? `${m.brand} ending ${m.last4}` : `Bank account ending ${m.accountLast4}`;
}

/** `UpdatePaymentPlanSimpleSSO`: the plan, its dates to come, a new payment method, consent. */
export function methodFormBody(
  t: SsoTokenRow,
  path: string,
  token: string,
  d: PlanDetail,
  authorization: string,
  errors: Errors,
): string {
  const err = errorOf(errors);
  const p = d.plan;
  const patient = patientOf(t);
  return `<h1>Replace the payment method</h1>
<p class="muted">${esc(t.merchant.name)}${patient ? ` · for ${esc(patient)}` : ''}</p>
<dl id="plan-summary"><dt>Plan</dt><dd>${esc(p.paymentPlanId)}</dd><dt>Status</dt><dd>${esc(p.status)}</dd>
<dt>Now charged to</dt><dd>${esc(methodLabel(p.paymentMethod))}</dd>
${p.remainingBalance !== null ? `<dt>Remaining</dt><dd>$${esc(p.remainingBalance)}</dd>` : ''}
<dt>Each payment</dt><dd>$${esc(p.installmentAmount)}, ${esc(frequencyWords(p.frequency))}</dd></dl>
${d.schedule.upcoming.length ? scheduleTable(d.schedule.upcoming, 'Payments to come') : ''}
${formStart(path, token, !t.preventCard, errors)}
${methodFields(!t.preventCard, !t.preventCheck, err)}
${authorizationBox(authorization, err('authorize'))}
<button type="submit" id="pay-button">Agree and replace</button>
</form>${cancelLink(t, token)}`;
}

/** Where the browser goes after a plan page: the payment page's parameters and the plan. */
export function planReturnUrl(
  t: SsoTokenRow,
  token: string,
  x: TransactionView | null,
  paymentPlanId: string | null,
): string | null {
  if (!t.confirmUrl) return null;
  return withParams(t.confirmUrl, {
    token,
    transactionID: x?.transactionId ?? '',
    respCode: x?.responseCode ?? '000',
    respMessage: x?.responseMessage ?? 'Success',
    relayState: t.relayState ?? '',
    paymentPlanID: paymentPlanId ?? '',
  });
}

const continueLink = (next: string | null) => (next ? `<a class="btn" href="${esc(next)}">Continue</a>` : '');

export function planDoneBody(t: SsoTokenRow, token: string, d: PlanDetail, x: TransactionView | null) {
  const p = d.plan;
  const next = planReturnUrl(t, token, x, p.paymentPlanId);
  return `<h1 role="status">Payment plan set up</h1>
<p class="muted">${esc(t.merchant.name)}</p>
<dl><dt>Plan</dt><dd id="plan-id">${esc(p.paymentPlanId)}</dd><dt>Payment method</dt><dd>${esc(methodLabel(p.paymentMethod))}</dd>
${x && x.amount !== '0.00' ? `<dt>Paid today</dt><dd>$${esc(x.amount)} (${esc(x.responseMessage)})</dd><dt>Transaction</dt><dd>${esc(x.transactionId)}</dd>` : ''}
<dt>Next payment</dt><dd>${p.nextPaymentDate ? day(p.nextPaymentDate) : '—'}</dd></dl>
${d.schedule.upcoming.length ? scheduleTable(d.schedule.upcoming, 'Payments to come') : ''}
${continueLink(next)}`;
}

export function planDeclinedBody(t: SsoTokenRow, token: string, x: TransactionView) {
  const next = planReturnUrl(t, token, x, null);
  const what = x.amount === '0.00' ? 'The card could not be verified' : 'The down payment was declined';
  return `<h1 role="alert">Payment plan not set up</h1>
<p>${esc(what)}: ${esc(x.responseMessage)} (${esc(x.responseCode)}). Nothing will be charged on the
dates shown. This link cannot be used again: ask ${esc(t.merchant.name)} for a new one to try another
card or a bank account.</p>
<dl><dt>Transaction</dt><dd>${esc(x.transactionId)}</dd></dl>
${continueLink(next)}`;
}

export function methodDoneBody(t: SsoTokenRow, token: string, d: PlanDetail) {
  const p = d.plan;
  const next = planReturnUrl(t, token, null, p.paymentPlanId);
  return `<h1 role="status">Payment method replaced</h1>
<p class="muted">${esc(t.merchant.name)}</p>
<dl><dt>Plan</dt><dd>${esc(p.paymentPlanId)}</dd><dt>Payment method</dt><dd id="plan-method">${esc(methodLabel(p.paymentMethod))}</dd>
<dt>Next payment</dt><dd>${p.nextPaymentDate ? day(p.nextPaymentDate) : '—'}</dd></dl>
${continueLink(next)}`;
}
