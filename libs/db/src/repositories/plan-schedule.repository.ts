import type { Db } from '../client';

export interface PlanMerchant {
  id: string;
  organizationId: string;
  merchantId: string;
  timeZone: string;
  planChargeHour: number;
  planRetryDays: number[];
}

/**
 * What the plan scheduler reads across tenants, by design (like `settlementSchedule`): which
 * active merchants have plans to charge now — due by the merchant's own date, at or after its
 * charge hour, both in its time zone, by PostgreSQL's clock (one clock for every worker) — and
 * which have charges a dead worker left in flight. Merchant rows only: the charging itself goes
 * through the merchant's own repositories.
 */
export class PlanScheduleRepository {
  constructor(private readonly db: Db) {}

  dueMerchants(limit: number): Promise<PlanMerchant[]> {
    return this.db.$queryRaw<PlanMerchant[]>`
      SELECT m.id::text, m.organization_id::text AS "organizationId", m.merchant_id AS "merchantId",
             m.time_zone AS "timeZone", m.plan_charge_hour AS "planChargeHour",
             COALESCE(m.plan_retry_days, '{}')::int[] AS "planRetryDays"
      FROM merchants m
      WHERE m.status = 'ACTIVE'
        AND EXTRACT(HOUR FROM now() AT TIME ZONE m.time_zone) >= m.plan_charge_hour
        AND EXISTS (
          SELECT 1 FROM payment_plans p
          WHERE p.merchant_ref = m.id AND p.status IN ('Active', 'PastDue')
            AND p.next_charge_date IS NOT NULL
            AND p.next_charge_date <= (now() AT TIME ZONE m.time_zone)::date)
      ORDER BY m.id LIMIT ${limit}`;
  }

  /** Merchants with a charge in flight for longer than `leaseMs`. */
  staleMerchants(leaseMs: number, limit: number): Promise<PlanMerchant[]> {
    return this.db.$queryRaw<PlanMerchant[]>`
      SELECT m.id::text, m.organization_id::text AS "organizationId", m.merchant_id AS "merchantId",
             m.time_zone AS "timeZone", m.plan_charge_hour AS "planChargeHour",
             COALESCE(m.plan_retry_days, '{}')::int[] AS "planRetryDays"
      FROM merchants m
      WHERE EXISTS (
        SELECT 1 FROM payment_plan_charges c
        WHERE c.merchant_ref = m.id AND c.status = 'PENDING'
          AND c.claimed_at < now() - make_interval(secs => ${leaseMs / 1000}::float8))
      ORDER BY m.id LIMIT ${limit}`;
  }

  merchant(id: string): Promise<PlanMerchant | null> {
    return this.db.$queryRaw<PlanMerchant[]>`
      SELECT m.id::text, m.organization_id::text AS "organizationId", m.merchant_id AS "merchantId",
             m.time_zone AS "timeZone", m.plan_charge_hour AS "planChargeHour",
             COALESCE(m.plan_retry_days, '{}')::int[] AS "planRetryDays"
      FROM merchants m WHERE m.id = ${id}::uuid`.then((r) => r[0] ?? null);
  }
}
