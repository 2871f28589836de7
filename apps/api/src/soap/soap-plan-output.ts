import { xmlEscape } from '@conduit/wire';
import type { PlanAnswer } from '../nvp/nvp-plan-input';
import type { ResultFields } from '../nvp/nvp-output';
import {
  pastChargeFields,
  planFields,
  planTransactionFields,
  upcomingChargeFields,
} from '../nvp/nvp-plan-output';
import {
  PAST_CHARGE_FIELDS,
  PLAN_FIELDS,
  PLAN_TRANSACTION_FIELDS,
  UPCOMING_CHARGE_FIELDS,
} from './plan-services';

/** Fields as elements in the WSDL's order, leaving out absent values (minOccurs 0). */
function elements(fields: ResultFields, order: string[]): string {
  const values = new Map(fields.filter(([, v]) => v !== null && v !== undefined && v !== ''));
  return order
    .filter((f) => values.has(f))
    .map((f) => `<${f}>${xmlEscape(String(values.get(f)))}</${f}>`)
    .join('');
}

const repeated = <T>(name: string, rows: T[], fieldsOf: (r: T) => ResultFields, order: string[]) =>
  rows.map((r) => `<${name}>${elements(fieldsOf(r), order)}</${name}>`).join('');

/** A plan operation's `<…Result>` content (PaymentPlanResult or PaymentPlanList). */
export function soapPlanResult(a: PlanAnswer): string {
  const ok = '<responseCode>000</responseCode><responseMessage>Success</responseMessage>';
  if (a.kind === 'list')
    return `${ok}${repeated('PaymentPlan', a.plans, planFields, PLAN_FIELDS)}${
      a.nextCursor ? `<nextCursor>${xmlEscape(a.nextCursor)}</nextCursor>` : ''
    }`;
  const transactions =
    a.kind === 'created'
      ? repeated('Transaction', a.result.transactions, planTransactionFields, PLAN_TRANSACTION_FIELDS)
      : '';
  if (a.kind === 'created' && (a.result.declined || !a.result.detail)) {
    const d = a.result.declined;
    return `${elements(
      [
        ['responseCode', d?.responseCode],
        ['responseMessage', d?.responseMessage],
      ],
      ['responseCode', 'responseMessage'],
    )}${transactions}`;
  }
  const detail = a.kind === 'created' ? a.result.detail! : a.detail;
  return (
    ok +
    elements(planFields(detail.plan), PLAN_FIELDS) +
    repeated('PastCharge', detail.schedule.past, pastChargeFields, PAST_CHARGE_FIELDS) +
    repeated('UpcomingCharge', detail.schedule.upcoming, upcomingChargeFields, UPCOMING_CHARGE_FIELDS) +
    transactions
  );
}
