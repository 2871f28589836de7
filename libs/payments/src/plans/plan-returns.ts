import { afterReturn, planClock } from '@conduit/domain';
import type { MerchantRepositories, Repositories, TransactionRow } from '@conduit/db';
import { EventType } from '../events';
import { toWireId } from '../ids';
import { SystemPrincipal, systemAudit } from '../settlement/system-principal';
import { rowPatch } from './plan-charges.service';
import { planEvent } from './plan-events';
import { progressOf, viewOfPlan } from './plan-view';

/**
 * A returned eCheck that was a plan's charge (payment-plans.md): inside the close that records
 * the return, the charge stops counting (its sequence is owed again) and the plan re-presents it
 * at the next run — R01/R09 at most twice (NACHA) — or goes PastDue. One transaction with the
 * return itself, its PaymentPlanUpdated event and its audit entry.
 */
export async function applyPlanReturn(
  r: Repositories,
  at: MerchantRepositories,
  primary: TransactionRow,
  returnReasonCode: string,
): Promise<void> {
  if (!primary.paymentPlanRef) return;
  const plan = await at.paymentPlans.lock(primary.paymentPlanRef);
  if (!plan || !(await at.paymentPlans.markReturned(primary.id))) return;
  const sequence = primary.installmentSequence ?? 0;
  // This return included: the earlier ones were re-presented.
  const representmentsSoFar = (await at.paymentPlans.returnedCount(plan.id, sequence)) - 1;
  const { nextRun } = planClock({
    timeZone: plan.merchant.timeZone,
    planChargeHour: plan.merchant.planChargeHour,
  });
  const after = afterReturn(
    progressOf(plan),
    {
      sequence,
      amountCents: Number(primary.amountCents),
      returnReasonCode,
      representmentsSoFar,
    },
    nextRun,
  );
  const updated = await at.paymentPlans.update(plan.id, rowPatch(after));
  await at.paymentPlans.insertEvent(planEvent(EventType.PaymentPlanUpdated, viewOfPlan(updated), 'Returned'));
  await r.audit.record(
    systemAudit(SystemPrincipal.ProcessorEvents, {
      organizationId: plan.organizationId,
      action: 'payment-plan.returned',
      resource: 'payment-plan',
      resourceId: plan.id,
      changes: {
        transactionId: toWireId(primary.id),
        sequence: primary.installmentSequence,
        returnReasonCode,
        status: after.status,
        representments: after.representments,
        nextPaymentDate: after.nextChargeDate,
      },
    }),
  );
}
