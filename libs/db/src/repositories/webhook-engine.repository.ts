import { queryOnPool, type Db } from '../client';
import { Prisma } from '../generated/client';
import { endpointInclude } from './webhook-endpoint.repository';

/** A delivery leased for one post, with its event's stored payload. */
export interface LeasedDelivery {
  id: string;
  endpointId: string;
  organizationId: string;
  eventId: string;
  eventType: string;
  workflowStatus: 'PENDING' | 'PENDING_POSTING_RETRY';
  attempts: number;
  payload: Record<string, string | boolean>;
  /** W3C traceparent of the request that wrote the event; null when tracing was off. */
  traceContext: string | null;
}

export interface AttemptRecord {
  deliveryId: string;
  attemptId: string;
  startedAt: Date;
  durationMs: number;
  httpStatus: number | null;
  postingMessage: string | null;
  errorClass: string | null;
  /** The delivery's status after this attempt, and when the next one is due (retries). */
  workflowStatus: 'COMPLETE' | 'PENDING_POSTING_RETRY' | 'POSTING_ERROR';
  nextAttemptAt: Date | null;
}

/** A delivery the relay created: its id is the stable `webhook-id`. */
export interface CreatedDelivery {
  id: string;
}

/**
 * The delivery engine's SQL: each call is ONE statement, so each is atomic without an interactive
 * transaction (docs/webhooks.md "Flow"). The lease and record batches go straight to the pg
 * pool (`queryOnPool`): Prisma's raw-query path spent a quarter of a draining worker's CPU on
 * their array parameters (decision 0042).
 */
export class WebhookEngineRepository {
  constructor(private readonly db: Db) {}

  /** The endpoint of a delivery this engine leased (its relay matched the event to it). */
  endpointForDelivery(id: string) {
    return this.db.webhookEndpoint.findUnique({ where: { id }, include: endpointInclude });
  }

  /**
   * Claims up to `limit` unpublished outbox events (SKIP LOCKED: replicas take different ones),
   * creates a delivery per matching enabled endpoint, and marks the events published. A delivery's
   * id (its `webhook-id`) is derived from the event and the endpoint: a relay pass replayed after a
   * lost commit makes the same ids, so receivers still see one `webhook-id` per event.
   */
  async relay(limit: number): Promise<{ events: number; deliveries: CreatedDelivery[] }> {
    const rows = await this.db.$queryRaw<{ kind: string; id: string }[]>`
      WITH events AS (
        SELECT id, organization_id, merchant_ref, transaction_id, event_type
        FROM outbox_events WHERE published_at IS NULL
        ORDER BY created_at LIMIT ${limit} FOR UPDATE SKIP LOCKED
      ), published AS (
        UPDATE outbox_events o SET published_at = now() FROM events e WHERE o.id = e.id RETURNING o.id
      ), inserted AS (
        INSERT INTO webhook_deliveries (id, organization_id, merchant_ref, endpoint_id, event_id, transaction_id,
                                        event_type, workflow_status, next_attempt_at, updated_at)
        SELECT md5(e.id::text || ':' || w.id::text)::uuid, e.organization_id, e.merchant_ref, w.id, e.id, e.transaction_id, e.event_type,
               'PENDING', now(), now()
        FROM events e
        JOIN webhook_endpoints w ON w.merchant_ref = e.merchant_ref AND w.enabled
         AND (COALESCE(cardinality(w.events), 0) = 0 OR e.event_type = ANY (w.events))
         AND CASE WHEN e.event_type LIKE 'PaymentPlan%' THEN w.send_payment_plan_notifications
                  ELSE w.send_payment_notifications END
        ON CONFLICT (event_id, endpoint_id) DO NOTHING
        RETURNING id
      )
      SELECT 'event' AS kind, id::text FROM published
      UNION ALL SELECT 'delivery', id::text FROM inserted`;
    return {
      events: rows.filter((r) => r.kind === 'event').length,
      deliveries: rows.filter((r) => r.kind === 'delivery').map((r) => ({ id: r.id })),
    };
  }

  /**
   * ANALYZE the deliveries table and answer the rows it now estimates. The table is a queue: it
   * can empty and then refill by tens of thousands of rows within a minute, faster than
   * autovacuum's ANALYZE follows; with statistics taken while it was empty (or full of dead rows)
   * the planner read the whole table, or a whole index, for every lease and record batch (one
   * drain: 704 million rows read by 17,551 sequential scans; decision 0042). The relay calls this
   * when it has inserted many rows since the last time (`StatisticsRefresh` in the worker).
   */
  async refreshStatistics(): Promise<number> {
    await this.db.$executeRawUnsafe('ANALYZE webhook_deliveries');
    const [row] = await this.db.$queryRaw<{ n: number }[]>`
      SELECT reltuples::float8 AS n FROM pg_class WHERE oid = 'webhook_deliveries'::regclass`;
    return Math.max(0, row?.n ?? 0);
  }

  /** Age in seconds of the oldest unpublished outbox event; 0 when none waits (a metrics gauge). */
  async outboxLagSeconds(): Promise<number> {
    const [row] = await this.db.$queryRaw<{ lag: number | null }[]>`
      SELECT extract(epoch FROM now() - min(created_at))::float8 AS lag
      FROM outbox_events WHERE published_at IS NULL`;
    return Math.max(0, row?.lag ?? 0);
  }

  /**
   * Leases up to `limit` deliveries owed an attempt now, oldest due first, for one post each until
   * `leaseMs` from now, and answers them with their events' payloads; one statement. "Owed" is
   * PENDING or PENDING_POSTING_RETRY, due, and not leased (or leased by a worker that died: its
   * lease lapsed). SKIP LOCKED keeps concurrent workers on different rows, and the partial index
   * `webhook_deliveries_due_idx` holds only owed rows, so the scan never walks the completed ones
   * (decision 0043: this replaced one BullMQ job per delivery).
   */
  async leaseDue(limit: number, leaseMs: number): Promise<LeasedDelivery[]> {
    return queryOnPool<LeasedDelivery>(
      this.db,
      Prisma.sql`
      WITH owed AS (
        SELECT id FROM webhook_deliveries
        WHERE workflow_status IN ('PENDING', 'PENDING_POSTING_RETRY') AND next_attempt_at <= now()
          AND (lease_until IS NULL OR lease_until < now())
        ORDER BY next_attempt_at LIMIT ${limit} FOR UPDATE SKIP LOCKED
      )
      UPDATE webhook_deliveries d SET lease_until = now() + make_interval(secs => ${leaseMs / 1000})
      FROM owed o, outbox_events e
      WHERE d.id = o.id AND e.id = d.event_id
      RETURNING d.id::text, d.endpoint_id::text AS "endpointId", d.organization_id::text AS "organizationId",
                d.event_id::text AS "eventId", d.event_type AS "eventType",
                d.workflow_status::text AS "workflowStatus", d.attempts, e.payload,
                e.trace_context AS "traceContext"`,
    );
  }

  /** How many deliveries are owed an attempt now and not leased: the backlog (a metrics gauge). */
  async owedCount(): Promise<number> {
    const [row] = await queryOnPool<{ n: number }>(
      this.db,
      Prisma.sql`
      SELECT count(*)::int AS n FROM webhook_deliveries
      WHERE workflow_status IN ('PENDING', 'PENDING_POSTING_RETRY') AND next_attempt_at <= now()
        AND (lease_until IS NULL OR lease_until < now())`,
    );
    return row?.n ?? 0;
  }

  /** The attempt and the delivery's new state, together. */
  async record(a: AttemptRecord): Promise<void> {
    await this.recordMany([a]);
  }

  /** Several attempts and their deliveries' new states in one statement. */
  async recordMany(list: AttemptRecord[]): Promise<void> {
    const col = <K extends keyof AttemptRecord>(k: K) => list.map((a) => a[k]);
    await queryOnPool(
      this.db,
      Prisma.sql`
      WITH input AS (
        SELECT * FROM unnest(${col('deliveryId')}::uuid[], ${col('attemptId')}::uuid[],
                             ${col('startedAt')}::timestamptz[], ${col('durationMs')}::int[],
                             ${col('httpStatus')}::int[], ${col('postingMessage')}::text[], ${col('errorClass')}::text[],
                             ${col('workflowStatus')}::text[], ${col('nextAttemptAt')}::timestamptz[])
          AS t(delivery_id, attempt_id, started_at, duration_ms, http_status, posting_message, error_class,
               workflow_status, next_attempt_at)
      ), d AS (
        UPDATE webhook_deliveries w SET
          attempts = w.attempts + 1,
          workflow_status = i.workflow_status::"WorkflowStatus",
          next_attempt_at = COALESCE(i.next_attempt_at, w.next_attempt_at),
          lease_until = NULL,
          posting_message = i.posting_message, last_http_status = i.http_status,
          completed_at = CASE WHEN i.workflow_status = 'COMPLETE' THEN now() ELSE w.completed_at END,
          updated_at = now()
        FROM input i WHERE w.id = i.delivery_id
        RETURNING w.id, w.organization_id, w.attempts
      )
      INSERT INTO webhook_attempts (id, delivery_id, organization_id, number, started_at, duration_ms,
                                    http_status, posting_message, error_class)
      SELECT i.attempt_id, d.id, d.organization_id, d.attempts, i.started_at, i.duration_ms,
             i.http_status, i.posting_message, i.error_class
      FROM d JOIN input i ON i.delivery_id = d.id`,
    );
  }
}
