import { Injectable, Optional } from '@nestjs/common';
import {
  afterApproval,
  afterDecline,
  DomainError,
  ErrorCode,
  formatAmount,
  nextChargeOf,
  planClock,
  type PlanChargeKind,
  type PlanPrincipal,
  type PlanProgress,
  PlanType,
  TenderType,
} from '@conduit/domain';
import type { PageCharge, PaymentPlanRow, PlanEventRow, PlanMerchant, PlanProgressRow } from '@conduit/db';
import { UnitOfWork } from '@conduit/db';
import { OutboxSignal } from '@conduit/queues';
import { CredentialAuthService } from '@conduit/tenancy';
import { EventType } from '../events';
import { newId, toWireId } from '../ids';
import { type PaymentContext, resolveContext, type TransactionWrite } from '../payment-context';
import { parseCardCommand, parseECheckCommand } from '../commands/parse-payment-command';
import type { PaymentInput } from '../payment-input';
import { PrimaryPayments } from '../primary-payments';
import { SystemPrincipal, systemAudit } from '../settlement/system-principal';
import { countPayments, outcomeOf } from '../payment-metrics';
import type { TransactionView } from '../transaction-view';
import { VaultService } from '../vault.service';
import { BankAccountVault, type RevealedBankAccount } from './bank-account-vault';
import { planEvent } from './plan-events';
import { progressOf, shapeOf, viewOfPlan } from './plan-view';

/** Processor calls of a page in flight at once (the sandbox answers in memory; a network would not). */
const PROCESSOR_CONCURRENCY = 64;
/** A claim older than this is a dead worker's: it is resumed, with the same idempotency key. */
export const PLAN_CHARGE_LEASE_MS = 2 * 60_000;
export const PLAN_PAGE = 500;
/**
 * A page's claim or bookkeeping is one database transaction of 500 plans' rows: more than
 * Prisma's 5-second default may pass on a loaded machine, and timing out would only redo it.
 */
const PAGE_TRANSACTION = { timeoutMs: 2 * 60_000 };
/** Pages of one merchant in flight at once (see `runMerchant`). */
export const PLAN_LANES = 2;

export interface PlanRunTally {
  claimed: number;
  approved: number;
  declined: number;
  resumed: number;
}

const plainDateOf = (d: Date) => d.toISOString().slice(0, 10);

interface PendingCharge {
  id: string;
  planRef: string;
  sequence: number;
  attempt: number;
  kind: string;
  amountCents: bigint;
  dueDate: Date;
}

/**
 * Charges payment plans exactly once per (plan, sequence), through the payments core
 * (decision 0024):
 * 1. claim — one database transaction locks due plans (SKIP LOCKED, so concurrent schedulers
 *    take different ones) and inserts a PENDING charge per plan; partial unique indexes allow
 *    one standing charge per sequence and one in flight per plan;
 * 2. charge — the processor is called with the charge's id as idempotency key, the same rules
 *    as every Sale (`PrimaryPayments`), rows kept in memory;
 * 3. book — one database transaction writes each transaction (its id is the charge's id, so a
 *    second booking inserts nothing), its outbox event, the charge's outcome, the plan's new
 *    state, the plan's PaymentPlanUpdated event and the audit entry.
 * A worker killed between 1 and 3 leaves a PENDING charge; after the lease another run resumes
 * it with the same key, so the processor answers with the first charge, not a second one.
 */
@Injectable()
export class PlanChargesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: CredentialAuthService,
    private readonly primary: PrimaryPayments,
    private readonly vault: VaultService,
    private readonly bankVault: BankAccountVault,
    @Optional() private readonly outbox?: OutboxSignal,
  ) {}

  /** The scheduler's run: resumes dead workers' charges, then charges every merchant's due plans. */
  async runDue(opts: { pageSize?: number; leaseMs?: number } = {}): Promise<PlanRunTally> {
    const tally: PlanRunTally = { claimed: 0, approved: 0, declined: 0, resumed: 0 };
    for (const m of await this.uow.read.planSchedule.staleMerchants(
      opts.leaseMs ?? PLAN_CHARGE_LEASE_MS,
      1000,
    ))
      add(tally, await this.resumeStale(m, opts.leaseMs ?? PLAN_CHARGE_LEASE_MS));
    for (const m of await this.uow.read.planSchedule.dueMerchants(1000))
      add(tally, await this.runMerchant(m, opts.pageSize ?? PLAN_PAGE));
    return tally;
  }

  /**
   * Every plan of one merchant due by its local date, a page at a time, until none is left.
   * `lanes` pages are in flight at once (SKIP LOCKED gives each different plans), so one page's
   * processor calls and JavaScript overlap another's database round trips.
   */
  async runMerchant(m: PlanMerchant, pageSize = PLAN_PAGE, lanes = PLAN_LANES): Promise<PlanRunTally> {
    const tally: PlanRunTally = { claimed: 0, approved: 0, declined: 0, resumed: 0 };
    const lane = async () => {
      for (;;) {
        const { today } = planClock(m);
        const ids = await this.uow.run(async (r) => {
          const repo = r.atMerchant(m).planCharges;
          const due = await repo.lockDue(today, pageSize);
          const charges = due.flatMap((p) => {
            const next = nextChargeOf(shapeOf(p), progressOf(p), today);
            return next ? [{ id: newId(), planRef: p.id, ...next }] : [];
          });
          return { due: due.length, claimed: await repo.claim(charges) };
        }, PAGE_TRANSACTION);
        if (!ids.claimed.size) return;
        tally.claimed += ids.claimed.size;
        add(tally, await this.process(m, [...ids.claimed]));
        if (ids.due < pageSize) return;
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, lanes) }, lane));
    return tally;
  }

  /** Charges a dead worker left in flight, resumed with their own idempotency keys. */
  async resumeStale(m: PlanMerchant, leaseMs = PLAN_CHARGE_LEASE_MS): Promise<PlanRunTally> {
    const tally: PlanRunTally = { claimed: 0, approved: 0, declined: 0, resumed: 0 };
    for (;;) {
      const stale = await this.uow.read.atMerchant(m).planCharges.releaseStale(leaseMs, PLAN_PAGE);
      if (!stale.length) break;
      tally.resumed += stale.length;
      add(
        tally,
        await this.process(
          m,
          stale.map((s) => s.id),
        ),
      );
    }
    return tally;
  }

  /**
   * Charge-now and the sandbox's run-next: the plan's next charge, now, exactly as the scheduler
   * would make it (a PastDue plan's missed one first). Answers the charge's transaction.
   */
  async chargeOne(
    m: PlanMerchant,
    planRef: string,
    kind: Extract<PlanChargeKind, 'CHARGE_NOW' | 'SCHEDULED'>,
  ) {
    const { today } = planClock(m);
    const id = await this.uow.run(async (r) => {
      const plan = await r.atMerchant(m).paymentPlans.lock(planRef);
      if (!plan) throw DomainError.notFound('Payment plan');
      if (plan.status !== 'Active' && plan.status !== 'PastDue')
        throw new DomainError(ErrorCode.ILLEGAL_STATE, `A ${plan.status} payment plan is not charged`);
      if (await r.atMerchant(m).paymentPlans.pendingCharge(planRef))
        throw DomainError.conflict('A charge of this payment plan is in progress; try again shortly');
      const next = nextChargeOf(shapeOf(plan), progressOf(plan), today, kind === 'CHARGE_NOW');
      if (!next) throw new DomainError(ErrorCode.ILLEGAL_STATE, 'Nothing is owed on this payment plan');
      const charge = { id: newId(), planRef, ...next };
      const claimed = await r.atMerchant(m).planCharges.claim([charge]);
      if (!claimed.size) throw DomainError.conflict('This installment has already been charged');
      return charge.id;
    });
    const result = await this.process(m, [id]);
    const view = result.views.get(id);
    if (!view) throw DomainError.conflict('This installment was booked by another run');
    return view;
  }

  /** Step 2 and 3 for claimed charges (fresh or resumed). */
  private async process(m: PlanMerchant, ids: string[]) {
    const pending = await this.uow.read.atMerchant(m).planCharges.pending(ids);
    const views = new Map<string, TransactionView>();
    const tally = { approved: 0, declined: 0, views };
    if (!pending.length) return tally;
    const cardRefs = pending.flatMap((c) => (c.plan.cardRef ? [c.plan.cardRef] : []));
    const bankRefs = pending.flatMap((c) => (c.plan.bankAccountRef ? [c.plan.bankAccountRef] : []));
    const [cards, banks] = await Promise.all([
      this.vault.revealMany(m, cardRefs),
      this.bankVault.revealMany(m, bankRefs),
    ]);
    const principal: PlanPrincipal = {
      kind: 'PLAN',
      credentialId: null,
      identifier: 'system:payment-plans',
      organizationId: m.organizationId,
      merchantIds: [m.merchantId],
      ip: null,
    };
    const contexts = new Map<string, Promise<PaymentContext>>();
    const writes: { charge: (typeof pending)[number]; write: TransactionWrite }[] = [];
    const refused: { charge: (typeof pending)[number]; error: DomainError }[] = [];
    let next = 0;
    const lane = async () => {
      for (let i = next++; i < pending.length; i = next++) {
        const charge = pending[i];
        const input = chargeInput(charge, banks.get(charge.plan.bankAccountRef ?? ''));
        const key = charge.plan.outletRef;
        let ctx = contexts.get(key);
        if (!ctx) {
          const plan = charge.plan;
          ctx = resolveContext(this.access, principal, {
            merchantId: plan.merchant.merchantId,
            storeId: plan.outlet.storeId,
            terminalId: plan.outlet.terminalId,
          });
          ctx.catch(() => undefined);
          contexts.set(key, ctx);
        }
        try {
          const c = await ctx;
          let write: TransactionWrite | undefined;
          const add = (w: TransactionWrite) => (write = w);
          if (charge.plan.cardRef) {
            const tender =
              cards.get(charge.plan.cardRef)?.paymentCardType === 'DEBIT'
                ? TenderType.DebitCard
                : TenderType.CreditCard;
            const sale = parseCardCommand({ ...input, transactionType: tender });
            await this.primary.card(c, sale, { cards: this.vaultOf(cards), add });
          } else await this.primary.eCheck(c, parseECheckCommand(input), { add });
          if (!write) throw new Error('The plan charge wrote nothing');
          writes.push({ charge, write });
        } catch (err) {
          if (!(err instanceof DomainError)) throw err;
          refused.push({ charge, error: err });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(PROCESSOR_CONCURRENCY, pending.length) }, lane));
    if (writes.length) {
      const booked = await this.book(m, writes);
      for (const w of writes) {
        if (!booked.has(w.write.row.id)) continue;
        views.set(w.write.row.id, w.write.view);
        if (w.write.view.status === 'D') tally.declined++;
        else tally.approved++;
        countPayments('PLAN', 'Sale', outcomeOf(w.write.view.status));
      }
    }
    for (const r of refused) await this.refuse(m, r.charge.id, r.charge.planRef, r.error);
    tally.declined += refused.length;
    countPayments('PLAN', 'Sale', 'refused', refused.length);
    this.outbox?.wake();
    return tally;
  }

  private vaultOf(cards: Awaited<ReturnType<VaultService['revealMany']>>): Pick<VaultService, 'reveal'> {
    return {
      reveal: (_merchant, id) => {
        const card = cards.get(id);
        return card ? Promise.resolve(card) : Promise.reject(DomainError.notFound('Payment method'));
      },
    };
  }

  /** Step 3: one database transaction for the page's outcomes (see the class comment). */
  private async book(m: PlanMerchant, writes: { charge: PendingCharge; write: TransactionWrite }[]) {
    const clock = planClock(m);
    return this.uow.run(async (r) => {
      const repo = r.atMerchant(m).planCharges;
      const plans = new Map(
        (await repo.lockPlans(writes.map((w) => w.charge.planRef))).map((p) => [p.id, p]),
      );
      const transactions: PageCharge[] = [];
      const outcomes: { id: string; status: 'APPROVED' | 'DECLINED'; responseCode: string }[] = [];
      const progress: PlanProgressRow[] = [];
      const planEvents: (PlanEventRow & { planRef: string; chargeId: string })[] = [];
      const audits = [];
      for (const { charge, write } of writes) {
        const plan = plans.get(charge.planRef);
        if (!plan) continue;
        // A charge another run booked meanwhile inserts nothing below, and moves nothing.
        const pending = charge;
        const view = write.view;
        const approved = view.status !== 'D';
        const chargeFacts = {
          sequence: pending.sequence,
          amountCents: Number(pending.amountCents),
          kind: pending.kind as PlanChargeKind,
          dueDate: plainDateOf(pending.dueDate),
          responseCode: view.responseCode,
        };
        const before = progressOf(plan);
        const after = approved
          ? afterApproval(shapeOf(plan), before, chargeFacts, clock.today)
          : afterDecline(before, chargeFacts, { retryDays: m.planRetryDays, nextRun: clock.nextRun });
        transactions.push({ row: write.row, event: write.event });
        outcomes.push({
          id: charge.id,
          status: approved ? 'APPROVED' : 'DECLINED',
          responseCode: view.responseCode,
        });
        progress.push(progressRow(plan.id, after));
        const updated = { ...plan, ...rowPatch(after), updatedAt: new Date() } as PaymentPlanRow;
        const ev = planEvent(
          EventType.PaymentPlanUpdated,
          viewOfPlan(updated),
          approved ? 'Charged' : 'Declined',
          view,
        );
        planEvents.push({ ...ev, planRef: plan.id, chargeId: charge.id });
        audits.push({
          ...systemAudit(SystemPrincipal.PaymentPlans, {
            organizationId: m.organizationId,
            action: approved ? 'payment-plan.charged' : 'payment-plan.declined',
            resource: 'payment-plan',
            resourceId: plan.id,
            changes: {
              sequence: pending.sequence,
              attempt: pending.attempt,
              kind: pending.kind,
              amount: formatAmount(Number(pending.amountCents)),
              transactionId: view.transactionId,
              responseCode: view.responseCode,
              status: after.status,
              nextPaymentDate: after.nextChargeDate,
            },
          }),
          chargeId: charge.id,
        });
      }
      return repo.book({ transactions, outcomes, plans: progress, planEvents, audits });
    }, PAGE_TRANSACTION);
  }

  /**
   * The core refused the charge before any processor saw it (the merchant suspended, the outlet
   * deactivated, the amount above a lowered limit, the stored card gone): no money moved, so the
   * charge is closed as declined and the plan goes PastDue for a person to look at.
   */
  private async refuse(m: PlanMerchant, chargeId: string, planRef: string, error: DomainError) {
    await this.uow.run(async (r) => {
      const plans = r.atMerchant(m).paymentPlans;
      const plan = await plans.lock(planRef);
      if (!plan || !(await plans.complete(chargeId, 'DECLINED', '012'))) return;
      const charge = await plans.charge(chargeId);
      const after = afterDecline(
        progressOf(plan),
        { dueDate: plainDateOf(charge?.dueDate ?? new Date()), responseCode: '012' },
        { retryDays: [], nextRun: planClock(m).nextRun },
      );
      const updated = await plans.update(plan.id, rowPatch(after));
      await plans.insertEvent(planEvent(EventType.PaymentPlanUpdated, viewOfPlan(updated), 'Refused'));
      await r.audit.record(
        systemAudit(SystemPrincipal.PaymentPlans, {
          organizationId: m.organizationId,
          action: 'payment-plan.refused',
          resource: 'payment-plan',
          resourceId: plan.id,
          changes: { chargeId: toWireId(chargeId), reason: error.message, status: after.status },
        }),
      );
    });
  }
}

function add(
  into: PlanRunTally,
  t: { approved: number; declined: number; claimed?: number; resumed?: number },
) {
  into.approved += t.approved;
  into.declined += t.declined;
  into.claimed += t.claimed ?? 0;
  into.resumed += t.resumed ?? 0;
}

const toDate = (d: string | null) => (d ? new Date(`${d}T00:00:00Z`) : null);

/** A plan's new state as the columns `update` writes. */
export function rowPatch(p: PlanProgress) {
  return {
    status: p.status,
    nextSequence: p.nextSequence,
    scheduledDate: toDate(p.scheduledDate),
    nextChargeDate: toDate(p.nextChargeDate),
    dueDate: toDate(p.dueDate),
    representSequence: p.representSequence,
    failedAttempts: p.failedAttempts,
    representments: p.representments,
    installmentsPaid: p.installmentsPaid,
    amountPaidCents: BigInt(p.amountPaidCents),
    lastResponseCode: p.lastResponseCode,
  };
}

function progressRow(id: string, p: PlanProgress): PlanProgressRow {
  return { id, ...p };
}

/** A plan charge as a Sale request to the core: the plan's outlet, patient and instrument. */
function chargeInput(
  charge: { id: string; planRef: string; sequence: number; amountCents: bigint; plan: PaymentPlanRow },
  bank: RevealedBankAccount | undefined,
): PaymentInput {
  const plan = charge.plan;
  const type = plan.type === 'Recurring' ? PlanType.Recurring : PlanType.Installment;
  return {
    channel: 'PLAN',
    merchantId: plan.merchant.merchantId,
    storeId: plan.outlet.storeId,
    terminalId: plan.outlet.terminalId,
    transactionAction: 'Sale',
    transactionType: plan.cardRef ? 'CreditCard' : 'eCheck',
    amount: formatAmount(Number(charge.amountCents)),
    allowPartialPayment: false,
    card: plan.cardRef
      ? {
          paymentMethodId: toWireId(plan.cardRef),
          cardPresentStatus: type === PlanType.Recurring ? 'NotPresentRecurring' : 'NotPresentInstallment',
        }
      : undefined,
    echeck: bank
      ? {
          routingNumber: bank.routingNumber,
          accountNumber: bank.accountNumber,
          accountType: bank.accountType,
          accountHolderName: bank.holderName ?? undefined,
          checkPresentStatus: 'NotPresent',
        }
      : plan.bankAccountRef
        ? {}
        : undefined,
    patient: { patientId: plan.patientId, firstName: plan.patientFirstName, lastName: plan.patientLastName },
    additionalInfo: plan.additionalInfo,
    plan: {
      chargeId: charge.id,
      planRef: plan.id,
      sequence: charge.sequence,
      installmentCount: plan.installmentCount,
      type,
    },
  };
}
