import { currentTraceparent } from '@conduit/observability';
import type { Db } from '../client';
import type { Prisma } from '../generated/client';
import { planInclude, type PaymentPlanRow } from './payment-plan.repository';

type NewPlan = Omit<Prisma.PaymentPlanUncheckedCreateInput, 'organizationId' | 'merchantRef'>;
type NewCharge = Omit<Prisma.PaymentPlanChargeUncheckedCreateInput, 'organizationId' | 'merchantRef'>;
export type PlanPatch = Omit<
  Prisma.PaymentPlanUncheckedUpdateInput,
  'id' | 'organizationId' | 'merchantRef' | 'createdAt'
>;
type NewBankAccount = Omit<Prisma.StoredBankAccountUncheckedCreateInput, 'organizationId' | 'merchantRef'>;

/**
 * A plan's writes at ONE merchant (already found transactable for the caller): a plan, its
 * charges and its stored bank account belong to that merchant and are never reached from
 * another. `lock` takes the plan's row lock for the rest of the caller's database transaction,
 * so a pause, a card change and a charge's bookkeeping happen one after the other.
 */
export class MerchantPaymentPlanRepository {
  constructor(
    private readonly db: Db,
    private readonly merchant: { id: string; organizationId: string },
  ) {}

  private get owner() {
    return { organizationId: this.merchant.organizationId, merchantRef: this.merchant.id };
  }

  insert(data: NewPlan): Promise<PaymentPlanRow> {
    return this.db.paymentPlan.create({ data: { ...data, ...this.owner }, include: planInclude });
  }

  async lock(id: string): Promise<PaymentPlanRow | null> {
    const locked = await this.db.$queryRaw<{ id: string }[]>`
      SELECT id::text FROM payment_plans WHERE id = ${id}::uuid AND merchant_ref = ${this.merchant.id}::uuid
      FOR UPDATE`;
    if (!locked.length) return null;
    return this.db.paymentPlan.findFirst({
      where: { id, merchantRef: this.merchant.id },
      include: planInclude,
    });
  }

  update(id: string, patch: PlanPatch): Promise<PaymentPlanRow> {
    return this.db.paymentPlan.update({
      where: { id, merchantRef: this.merchant.id },
      data: patch,
      include: planInclude,
    });
  }

  /** Claims a charge; null when the sequence already has a standing (pending or approved) charge. */
  async claim(data: NewCharge): Promise<string | null> {
    const rows = await this.db.$queryRaw<{ id: string }[]>`
      INSERT INTO payment_plan_charges
        (id, organization_id, merchant_ref, plan_ref, sequence, attempt, kind, amount_cents, due_date, status)
      SELECT ${data.id}::uuid, ${this.merchant.organizationId}::uuid, ${this.merchant.id}::uuid,
             ${data.planRef}::uuid, ${data.sequence}::int,
             COALESCE(MAX(c.attempt), 0) + 1, ${data.kind}, ${String(data.amountCents)}::bigint,
             ${data.dueDate}::date, 'PENDING'
      FROM (SELECT 1) one LEFT JOIN payment_plan_charges c
        ON c.plan_ref = ${data.planRef}::uuid AND c.sequence = ${data.sequence}::int
      ON CONFLICT DO NOTHING
      RETURNING id::text`;
    return rows[0]?.id ?? null;
  }

  /** The plan's charge in flight, if any (a crash, or another run, left it). */
  pendingCharge(planRef: string) {
    return this.db.paymentPlanCharge.findFirst({
      where: { planRef, merchantRef: this.merchant.id, status: 'PENDING' },
    });
  }

  charge(id: string) {
    return this.db.paymentPlanCharge.findFirst({ where: { id, merchantRef: this.merchant.id } });
  }

  /** Finishes a PENDING charge; false when another run finished it first. */
  async complete(id: string, status: 'APPROVED' | 'DECLINED', responseCode: string): Promise<boolean> {
    const n = await this.db.paymentPlanCharge.updateMany({
      where: { id, merchantRef: this.merchant.id, status: 'PENDING' },
      data: { status, responseCode, completedAt: new Date() },
    });
    return n.count === 1;
  }

  /** An approved charge whose eCheck came back: frees its sequence for a re-presentment. */
  async markReturned(id: string): Promise<boolean> {
    const n = await this.db.paymentPlanCharge.updateMany({
      where: { id, merchantRef: this.merchant.id, status: 'APPROVED' },
      data: { status: 'RETURNED' },
    });
    return n.count === 1;
  }

  /** A plan event (PaymentPlanCreated / PaymentPlanUpdated) in the caller's transaction. */
  async insertEvent(event: { id: string; eventType: string; payload: object }, transactionId?: string) {
    await this.db.outboxEvent.create({
      data: {
        id: event.id,
        ...this.owner,
        transactionId: transactionId ?? null,
        eventType: event.eventType,
        payload: event.payload as never,
        traceContext: currentTraceparent(),
      },
    });
  }

  /** How many attempts at this sequence came back (eCheck returns) — re-presentments are counted per sequence. */
  returnedCount(planRef: string, sequence: number) {
    return this.db.paymentPlanCharge.count({
      where: { planRef, sequence, merchantRef: this.merchant.id, status: 'RETURNED' },
    });
  }

  insertBankAccount(data: NewBankAccount) {
    return this.db.storedBankAccount.create({ data: { ...data, ...this.owner } });
  }

  bankAccount(id: string) {
    return this.db.storedBankAccount.findFirst({
      where: { id, merchantRef: this.merchant.id },
      include: { dataKey: true },
    });
  }

  bankAccounts(ids: string[]) {
    if (!ids.length) return Promise.resolve([]);
    return this.db.storedBankAccount.findMany({
      where: { id: { in: ids }, merchantRef: this.merchant.id },
      include: { dataKey: true },
    });
  }
}
