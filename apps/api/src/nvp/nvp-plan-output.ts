import type { PastCharge, PlanView, TransactionView, UpcomingCharge } from '@conduit/payments';
import { encodeNvp } from '@conduit/wire';
import type { PlanAnswer } from './nvp-plan-input';
import type { ResultFields } from './nvp-output';

/** A plan's fields in NVP spelling and order (SOAP writes the same names as elements). */
export function planFields(p: PlanView): ResultFields {
  const m = p.paymentMethod;
  return [
    ['paymentPlanID', p.paymentPlanId],
    ['paymentPlanType', p.type],
    ['status', p.status],
    ['merchantID', p.merchantId],
    ['storeID', p.storeId],
    ['terminalID', p.terminalId],
    ['paymentMethodID', p.paymentMethodId],
    ['paymentMethodType', m.kind],
    ...(m.kind === 'Card'
      ? ([
          ['cardBrand', m.brand],
          ['cardBINNumber', m.bin],
          ['lastFourDigits', m.last4],
          ['cardExpirationMonth', m.expMonth],
          ['cardExpirationYear', m.expYear],
        ] as ResultFields)
      : ([
          ['routingNumber', m.routingNumber],
          ['accountNumberLastFourDigits', m.accountLast4],
          ['accountType', m.accountType],
        ] as ResultFields)),
    ['patientID', p.patient.patientId],
    ['patientFirstName', p.patient.firstName],
    ['patientLastName', p.patient.lastName],
    ...p.additionalInfo.map((v, i): [string, string] => [`additionalInfo${i + 1}`, v]),
    ['totalAmount', p.totalAmount],
    ['downPaymentAmount', p.downPaymentAmount],
    ['installmentAmount', p.installmentAmount],
    ['installmentCount', p.installmentCount],
    ['frequency', p.frequency],
    ['startDate', p.startDate],
    ['dayOfMonth', p.dayOfMonth],
    ['endDate', p.endDate],
    ['nextPaymentDate', p.nextPaymentDate],
    ['installmentsPaid', p.installmentsPaid],
    ['amountPaid', p.amountPaid],
    ['remainingBalance', p.remainingBalance],
    ['failedAttempts', p.failedAttempts],
    ['createdDate', p.createdAt],
  ];
}

/** One past charge's fields (NVP prefixes them with `pastChargeN`; SOAP nests them). */
export const pastChargeFields = (c: PastCharge): ResultFields => [
  ['sequence', c.sequence],
  ['attempt', c.attempt],
  ['kind', c.kind],
  ['dueDate', c.dueDate],
  ['amount', c.amount],
  ['status', c.status],
  ['responseCode', c.responseCode],
  ['transactionID', c.transactionId],
  ['transactionStatus', c.transactionStatus],
  ['chargedDate', c.chargedAt],
];

export const upcomingChargeFields = (u: UpcomingCharge): ResultFields => [
  ['sequence', u.sequence],
  ['date', u.date],
  ['amount', u.amount],
];

/** The transactions a creation made: the down payment, when one was taken. */
export const planTransactionFields = (t: TransactionView): ResultFields => [
  ['transactionID', t.transactionId],
  ['transactionAction', t.action],
  ['transactionStatus', t.status],
  ['responseCode', t.responseCode],
  ['responseMessage', t.responseMessage],
  ['amount', t.amount],
];

const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

/** `prefix` + 1-based index + the field's name, capitalized, without a repeated prefix:
 * pastCharge1DueDate, transaction1ID (not transaction1TransactionID), paymentPlan1Type. */
function indexed<T>(prefix: string, rows: T[], fieldsOf: (row: T) => ResultFields): ResultFields {
  const suffix = (k: string) => (k.startsWith(prefix) ? k.slice(prefix.length) : cap(k));
  return [
    [`${prefix}Count`, rows.length],
    ...rows.flatMap((row, i) =>
      fieldsOf(row).map(([k, v]): [string, ResultFields[number][1]] => [`${prefix}${i + 1}${suffix(k)}`, v]),
    ),
  ];
}

/** The NVP answer to a plan action (nvp.md: absent values are left out by the encoder). */
export function nvpPlanFields(a: PlanAnswer): ResultFields {
  const success: ResultFields = [
    ['responseCode', '000'],
    ['responseMessage', 'Success'],
  ];
  if (a.kind === 'list')
    return [...success, ...indexed('paymentPlan', a.plans, planFields), ['nextCursor', a.nextCursor]];
  if (a.kind === 'created' && (a.result.declined || !a.result.detail))
    return [
      ['responseCode', a.result.declined?.responseCode],
      ['responseMessage', a.result.declined?.responseMessage],
      ...indexed('transaction', a.result.transactions, planTransactionFields),
    ];
  const detail = a.kind === 'created' ? a.result.detail! : a.detail;
  return [
    ...success,
    ...planFields(detail.plan),
    ...indexed('pastCharge', detail.schedule.past, pastChargeFields),
    ...indexed('upcomingCharge', detail.schedule.upcoming, upcomingChargeFields),
    ...(a.kind === 'created' ? indexed('transaction', a.result.transactions, planTransactionFields) : []),
  ];
}

export const nvpPlanResponse = (a: PlanAnswer) => encodeNvp(nvpPlanFields(a));
