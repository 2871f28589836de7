import { currentTraceparent } from '@conduit/observability';
import type { PlanProgress } from '@conduit/domain';
import type { Db } from '../client';
import type { AuditEntry } from './audit-log.repository';
import type { PageCharge } from './batch-import.repository';
import { COLUMNS } from './transaction-insert';
import { planInclude, type PaymentPlanRow } from './payment-plan.repository';

export interface NewPlanCharge {
  id: string;
  planRef: string;
  sequence: number;
  kind: string;
  amountCents: number;
  dueDate: string;
}

/** The plan columns a charge's bookkeeping moves: the domain's progress, per plan. */
export type PlanProgressRow = { id: string } & PlanProgress;

export interface ChargeOutcomeRow {
  id: string;
  status: 'APPROVED' | 'DECLINED';
  responseCode: string;
}

export interface PlanEventRow {
  id: string;
  eventType: string;
  payload: object;
}

const PROGRESS_COLUMNS: [keyof PlanProgressRow, string][] = [
  ['status', 'status'],
  ['nextSequence', 'next_sequence'],
  ['scheduledDate', 'scheduled_date'],
  ['nextChargeDate', 'next_charge_date'],
  ['dueDate', 'due_date'],
  ['representSequence', 'represent_sequence'],
  ['failedAttempts', 'failed_attempts'],
  ['representments', 'representments'],
  ['installmentsPaid', 'installments_paid'],
  ['amountPaidCents', 'amount_paid_cents'],
  ['lastResponseCode', 'last_response_code'],
];

function jsonValue(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  return value;
}

/**
 * The scheduler's page of charges at ONE merchant, in set-based statements (50,000 plans due on
 * one day is a page of 500 plans a time, not 50,000 round trips): claim due plans, then record
 * their outcomes — transactions, outbox events, charges, plans and audit entries — together.
 * Every method runs inside the caller's unit of work.
 */
export class PlanChargePageRepository {
  constructor(
    private readonly db: Db,
    private readonly merchant: { id: string; organizationId: string },
  ) {}

  /**
   * Due plans (next charge date on or before the merchant-local `today`), with no charge in
   * flight, locked for this transaction. SKIP LOCKED: concurrent schedulers take different plans.
   */
  async lockDue(today: string, limit: number): Promise<PaymentPlanRow[]> {
    const ids = await this.db.$queryRaw<{ id: string }[]>`
      SELECT p.id::text FROM payment_plans p
      WHERE p.merchant_ref = ${this.merchant.id}::uuid
        AND p.status IN ('Active', 'PastDue') AND p.next_charge_date IS NOT NULL
        AND p.next_charge_date <= ${today}::date
        AND NOT EXISTS (SELECT 1 FROM payment_plan_charges c WHERE c.plan_ref = p.id AND c.status = 'PENDING')
      ORDER BY p.next_charge_date, p.id
      LIMIT ${limit}
      FOR UPDATE OF p SKIP LOCKED`;
    if (!ids.length) return [];
    return this.db.paymentPlan.findMany({
      where: { id: { in: ids.map((r) => r.id) }, merchantRef: this.merchant.id },
      include: planInclude,
    });
  }

  /**
   * Claims in one statement, the attempt number counted per (plan, sequence). A sequence that
   * already has a standing charge is skipped (the partial unique index); answers what was claimed.
   */
  async claim(charges: NewPlanCharge[]): Promise<Set<string>> {
    if (!charges.length) return new Set();
    const rows = await this.db.$queryRawUnsafe<{ id: string }[]>(
      `INSERT INTO payment_plan_charges
         (id, organization_id, merchant_ref, plan_ref, sequence, attempt, kind, amount_cents, due_date, status)
       SELECT n.id, $2::uuid, $3::uuid, n.plan_ref, n.sequence,
              COALESCE((SELECT MAX(c.attempt) FROM payment_plan_charges c
                        WHERE c.plan_ref = n.plan_ref AND c.sequence = n.sequence), 0) + 1,
              n.kind, n.amount_cents, n.due_date, 'PENDING'
       FROM jsonb_to_recordset($1::jsonb)
         AS n(id uuid, plan_ref uuid, sequence int, kind text, amount_cents bigint, due_date date)
       JOIN payment_plans p ON p.id = n.plan_ref AND p.merchant_ref = $3::uuid
       ORDER BY n.plan_ref
       ON CONFLICT DO NOTHING
       RETURNING id::text`,
      JSON.stringify(
        charges.map((c) => ({
          id: c.id,
          plan_ref: c.planRef,
          sequence: c.sequence,
          kind: c.kind,
          amount_cents: c.amountCents,
          due_date: c.dueDate,
        })),
      ),
      this.merchant.organizationId,
      this.merchant.id,
    );
    return new Set(rows.map((r) => r.id));
  }

  /**
   * Charges left PENDING longer than the lease (a worker died between its claim and its
   * bookkeeping), re-leased to this caller in the same statement so no two callers resume one.
   */
  async releaseStale(leaseMs: number, limit: number) {
    return this.db.$queryRaw<{ id: string; planRef: string }[]>`
      UPDATE payment_plan_charges c SET claimed_at = now()
      WHERE c.id IN (
        SELECT id FROM payment_plan_charges
        WHERE merchant_ref = ${this.merchant.id}::uuid AND status = 'PENDING'
          AND claimed_at < now() - make_interval(secs => ${leaseMs / 1000}::float8)
        ORDER BY claimed_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
      RETURNING c.id::text, c.plan_ref::text AS "planRef"`;
  }

  /** Pending charges by id, for the processor call (a fresh claim or a resumed one). */
  pending(ids: string[]) {
    if (!ids.length) return Promise.resolve([]);
    return this.db.paymentPlanCharge.findMany({
      where: { id: { in: ids }, merchantRef: this.merchant.id, status: 'PENDING' },
      include: { plan: { include: planInclude } },
    });
  }

  /** Locks the page's plans (in id order: two pages cannot deadlock) and reads their state. */
  async lockPlans(ids: string[]) {
    if (!ids.length) return [];
    const sorted = [...new Set(ids)].sort();
    await this.db.$queryRaw`
      SELECT id FROM payment_plans WHERE id = ANY(${sorted}::uuid[]) AND merchant_ref = ${this.merchant.id}::uuid
      ORDER BY id FOR UPDATE`;
    return this.db.paymentPlan.findMany({
      where: { id: { in: sorted }, merchantRef: this.merchant.id },
      include: planInclude,
    });
  }

  /**
   * Writes the page's outcomes: each transaction with its outbox event (a transaction already
   * written — the same charge booked by another run — is skipped, and everything else for that
   * charge with it), the charges, the plans, the plans' events and the audit entries.
   * Answers the ids of the charges booked by this call.
   */
  async book(page: {
    transactions: PageCharge[];
    outcomes: ChargeOutcomeRow[];
    plans: PlanProgressRow[];
    planEvents: (PlanEventRow & { planRef: string; chargeId: string })[];
    audits: (AuditEntry & { chargeId: string })[];
  }): Promise<Set<string>> {
    if (!page.transactions.length) return new Set();
    const keys = Object.keys(page.transactions[0].row).filter(
      (k) => (page.transactions[0].row as Record<string, unknown>)[k] !== undefined,
    );
    for (const k of keys) if (!COLUMNS[k]) throw new Error(`unknown transaction field ${k}`);
    const columns = keys.map((k) => `"${COLUMNS[k]}"`).join(', ');
    const rows = page.transactions.map(({ row }) => {
      if (row.merchantRef !== this.merchant.id) throw new Error('A plan page charges one merchant');
      const data = row as Record<string, unknown>;
      return Object.fromEntries(keys.map((k) => [COLUMNS[k], jsonValue(data[k] ?? null)]));
    });
    const inserted = await this.db.$queryRawUnsafe<{ id: string }[]>(
      `WITH t AS (
         INSERT INTO transactions (${columns})
         SELECT ${columns} FROM jsonb_populate_recordset(NULL::transactions, $1::jsonb)
         WHERE merchant_ref = $3::uuid
         ON CONFLICT (id) DO NOTHING
         RETURNING id, organization_id, merchant_ref
       ), e AS (
         INSERT INTO outbox_events (id, organization_id, merchant_ref, transaction_id, event_type, payload, trace_context)
         SELECT (ev->>'id')::uuid, t.organization_id, t.merchant_ref, t.id, ev->>'eventType', ev->'payload', $4::text
         FROM jsonb_array_elements($2::jsonb) AS ev JOIN t ON t.id = (ev->>'transactionId')::uuid
       )
       SELECT id::text AS id FROM t`,
      JSON.stringify(rows),
      JSON.stringify(page.transactions.map((c) => ({ ...c.event, transactionId: c.row.id }))),
      this.merchant.id,
      currentTraceparent(),
    );
    const booked = new Set(inserted.map((r) => r.id));
    if (!booked.size) return booked;
    const outcomes = page.outcomes.filter((o) => booked.has(o.id));
    await this.db.$executeRawUnsafe(
      `UPDATE payment_plan_charges c SET status = o.status, response_code = o.response_code, completed_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS o(id uuid, status text, response_code text)
       WHERE c.id = o.id AND c.merchant_ref = $2::uuid AND c.status = 'PENDING'`,
      JSON.stringify(outcomes.map((o) => ({ id: o.id, status: o.status, response_code: o.responseCode }))),
      this.merchant.id,
    );
    const bookedPlans = new Set(page.planEvents.filter((e) => booked.has(e.chargeId)).map((e) => e.planRef));
    const plans = page.plans.filter((p) => bookedPlans.has(p.id));
    if (plans.length) {
      const set = PROGRESS_COLUMNS.map(([, c]) => `${c} = u.${c}`).join(', ');
      await this.db.$executeRawUnsafe(
        `UPDATE payment_plans p SET ${set}, updated_at = now()
         FROM jsonb_populate_recordset(NULL::payment_plans, $1::jsonb) AS u
         WHERE p.id = u.id AND p.merchant_ref = $2::uuid`,
        JSON.stringify(
          plans.map((p) =>
            Object.fromEntries([['id', p.id], ...PROGRESS_COLUMNS.map(([k, c]) => [c, p[k]])]),
          ),
        ),
        this.merchant.id,
      );
    }
    const events = page.planEvents.filter((e) => booked.has(e.chargeId));
    if (events.length)
      await this.db.$executeRawUnsafe(
        `INSERT INTO outbox_events (id, organization_id, merchant_ref, transaction_id, event_type, payload, trace_context)
         SELECT (ev->>'id')::uuid, $2::uuid, $3::uuid, (ev->>'chargeId')::uuid, ev->>'eventType', ev->'payload', $4::text
         FROM jsonb_array_elements($1::jsonb) AS ev`,
        JSON.stringify(events),
        this.merchant.organizationId,
        this.merchant.id,
        currentTraceparent(),
      );
    const audits = page.audits.filter((a) => booked.has(a.chargeId));
    // One statement for the page's audit entries (Prisma's createMany of 500 JSON rows took
    // most of a page's bookkeeping).
    if (audits.length)
      await this.db.$executeRawUnsafe(
        `INSERT INTO audit_log (id, organization_id, actor_type, actor_id, actor_label, action, resource,
           resource_id, ip, changes)
         SELECT gen_random_uuid(), (a->>'organizationId')::uuid, a->>'actorType', a->>'actorId',
           a->>'actorLabel', a->>'action', a->>'resource', a->>'resourceId', a->>'ip', a->'changes'
         FROM jsonb_array_elements($1::jsonb) AS a`,
        JSON.stringify(audits.map(({ chargeId: _chargeId, ...a }) => a)),
      );
    return booked;
  }
}
