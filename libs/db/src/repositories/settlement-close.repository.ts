import { currentTraceparent } from '@conduit/observability';
import type { Db } from '../client';
import type { Prisma } from '../generated/client';
import { TRANSACTION_ROW_SELECT } from './transaction-insert';
import { type TransactionRow, transactionInclude } from './transaction.repository';

export type SettlementBatchRow = Prisma.SettlementBatchGetPayload<object>;

/** One item's outcome, as the close writes it (see `applyItems`). */
export interface SettledItemWrite {
  transactionId: string;
  kind: string;
  tender: string;
  brand: string | null;
  amountCents: number;
  feeCents: number;
  settled: boolean;
  /** The transaction's status after the close (S, SE, or unchanged for RI / CB records). */
  status: string;
  /** The `Settlement` event of the move; null when the status does not move. */
  event: { id: string; payload: object } | null;
}

export interface BatchTotalsWrite {
  status: 'SETTLED' | 'PARTIALLY_SETTLED';
  businessDate: string;
  closedAt: Date;
  cutoffAt: Date;
  itemCount: number;
  errorCount: number;
  saleCount: number;
  saleCents: number;
  refundCount: number;
  refundCents: number;
  returnCount: number;
  returnCents: number;
  chargebackCount: number;
  chargebackCents: number;
  reversalCount: number;
  reversalCents: number;
  grossCents: number;
  feeCents: number;
  netCents: number;
  depositCents: number;
  depositDate: string;
  breakdown: Prisma.InputJsonValue;
}

/** Settleable money: captured primaries, accepted refunds, and earlier settlement errors. */
const SETTLEABLE = `
  t.merchant_ref = $1::uuid AND t.settlement_batch_id IS NULL AND t.status IN ('C', 'SE')
  AND t.action <> 'Capture' AND t.captured_at < $2::timestamptz`;

/**
 * The settlement of ONE merchant, for the core's close (settlement.md): its lock, its open
 * batch, the transactions waiting to settle, and the set-based writes of a close. Obtained only
 * through `atMerchant(merchant)`, so nothing here can touch another merchant's rows.
 */
export class SettlementCloseRepository {
  constructor(
    private readonly db: Db,
    private readonly merchant: { id: string; organizationId: string },
  ) {}

  /**
   * Serializes every close of this merchant for the rest of the database transaction, whatever
   * process runs it; released by commit or rollback (a killed worker's lock goes with its
   * connection).
   */
  async lock(): Promise<void> {
    await this.db
      .$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${'settlement:' + this.merchant.id}, 0))`;
  }

  openBatch() {
    return this.db.settlementBatch.findFirst({ where: { merchantRef: this.merchant.id, status: 'OPEN' } });
  }

  createOpen(data: { id: string; batchId: string; cutoffAt: Date; timeZone: string }) {
    return this.db.settlementBatch.create({
      data: { ...data, organizationId: this.merchant.organizationId, merchantRef: this.merchant.id },
    });
  }

  /** A batch that already closed at this cut-off: a replayed close finds it and does nothing. */
  closedAt(cutoffAt: Date) {
    return this.db.settlementBatch.findFirst({
      where: { merchantRef: this.merchant.id, cutoffAt, NOT: { status: 'OPEN' } },
    });
  }

  /** An open batch with no activity waits for the next cut-off. */
  moveCutoff(batchRef: string, cutoffAt: Date, timeZone: string) {
    return this.db.settlementBatch.update({
      where: { id: batchRef, merchantRef: this.merchant.id },
      data: { cutoffAt, timeZone },
    });
  }

  /**
   * The next page of what the close settles, locked (FOR UPDATE) so a concurrent void or refund
   * of the same primary waits for the close and then sees it settled. Keyset-ordered by id, so
   * memory stays bounded however large the batch.
   */
  async settleablePage(cutoffAt: Date, afterId: string | null, limit: number): Promise<TransactionRow[]> {
    const params: unknown[] = [this.merchant.id, cutoffAt.toISOString(), limit];
    let keyset = '';
    // Keyed by id alone: timestamps carry microseconds that a JavaScript Date cannot hold, so
    // a keyset on them could hand the same row out twice.
    if (afterId) {
      params.push(afterId);
      keyset = 'AND t.id > $4::uuid';
    }
    // Locks and reads in one statement: a page of 2,000 is one round trip, not four.
    return this.db.$queryRawUnsafe<TransactionRow[]>(
      `SELECT ${TRANSACTION_ROW_SELECT}
       FROM transactions t JOIN merchants m ON m.id = t.merchant_ref JOIN outlets o ON o.id = t.outlet_ref
       WHERE ${SETTLEABLE} ${keyset}
       ORDER BY t.id LIMIT $3 FOR UPDATE OF t`,
      ...params,
    );
  }

  /** A settled primary of this merchant by the processor's reference, locked. */
  async settledByReference(reference: string) {
    const locked = await this.db.$queryRaw<{ id: string }[]>`
      SELECT id FROM transactions
      WHERE merchant_ref = ${this.merchant.id}::uuid AND processor_reference = ${reference}
        AND primary_id IS NULL
      FOR UPDATE`;
    if (!locked.length) return null;
    return this.db.transaction.findFirst({
      where: { id: locked[0].id, merchantRef: this.merchant.id },
      include: transactionInclude,
    });
  }

  /** Whether a network event was already applied (its secondary exists). */
  async applied(networkEventId: string): Promise<boolean> {
    return (
      (await this.db.transaction.count({ where: { networkEventId, merchantRef: this.merchant.id } })) > 0
    );
  }

  /**
   * One page of outcomes in three statements, whatever its size: the status moves, the items,
   * and a `Settlement` outbox event per move — all inside the close's database transaction.
   */
  async applyItems(
    batch: { id: string; batchId: string },
    items: SettledItemWrite[],
    at: Date,
  ): Promise<void> {
    if (!items.length) return;
    const moved = items.filter((i) => i.event);
    if (moved.length) {
      await this.db.$executeRawUnsafe(
        `UPDATE transactions t SET status = x.status,
           settlement_batch_id = CASE WHEN x.settled THEN $4 ELSE NULL END,
           settled_at = CASE WHEN x.settled THEN $5::timestamptz ELSE NULL END,
           updated_at = $5::timestamptz
         FROM unnest($1::uuid[], $2::text[], $3::bool[]) AS x(id, status, settled)
         WHERE t.id = x.id AND t.merchant_ref = $6::uuid`,
        moved.map((i) => i.transactionId),
        moved.map((i) => i.status),
        moved.map((i) => i.settled),
        batch.batchId,
        at.toISOString(),
        this.merchant.id,
      );
      // The payloads go as ONE JSON document: a text[] of JSON strings would be escaped quote by
      // quote into an array literal, which costs more than the insert itself.
      await this.db.$executeRawUnsafe(
        `INSERT INTO outbox_events (id, organization_id, merchant_ref, transaction_id, event_type, payload, created_at, trace_context)
         SELECT (e->>'id')::uuid, $1::uuid, $2::uuid, (e->>'transactionId')::uuid, 'Settlement', e->'payload', $3::timestamptz, $5::text
         FROM jsonb_array_elements($4::jsonb) AS e`,
        this.merchant.organizationId,
        this.merchant.id,
        at.toISOString(),
        JSON.stringify(
          moved.map((i) => ({ id: i.event!.id, transactionId: i.transactionId, payload: i.event!.payload })),
        ),
        currentTraceparent(),
      );
    }
    await this.db.$executeRawUnsafe(
      `INSERT INTO settlement_items (batch_ref, transaction_id, kind, tender, brand, amount_cents, fee_cents, outcome, created_at)
       SELECT $1::uuid, x.transaction_id, x.kind, x.tender, x.brand, x.amount, x.fee, x.outcome, $2::timestamptz
       FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::bigint[], $9::text[])
         AS x(transaction_id, kind, tender, brand, amount, fee, outcome)`,
      batch.id,
      at.toISOString(),
      items.map((i) => i.transactionId),
      items.map((i) => i.kind),
      items.map((i) => i.tender),
      items.map((i) => i.brand),
      items.map((i) => String(i.amountCents)),
      items.map((i) => String(i.feeCents)),
      items.map((i) => (i.settled ? 'SETTLED' : 'ERROR')),
    );
  }

  close(batchRef: string, totals: BatchTotalsWrite) {
    const big = (n: number) => BigInt(n);
    return this.db.settlementBatch.update({
      where: { id: batchRef, merchantRef: this.merchant.id },
      data: {
        ...totals,
        saleCents: big(totals.saleCents),
        refundCents: big(totals.refundCents),
        returnCents: big(totals.returnCents),
        chargebackCents: big(totals.chargebackCents),
        reversalCents: big(totals.reversalCents),
        grossCents: big(totals.grossCents),
        feeCents: big(totals.feeCents),
        netCents: big(totals.netCents),
        depositCents: big(totals.depositCents),
      },
    });
  }

  /** SETTLED / PARTIALLY_SETTLED → DEPOSITED once the deposit date has passed. */
  markDeposited(batchRef: string) {
    return this.db.settlementBatch.updateMany({
      where: {
        id: batchRef,
        merchantRef: this.merchant.id,
        status: { in: ['SETTLED', 'PARTIALLY_SETTLED'] },
      },
      data: { status: 'DEPOSITED' },
    });
  }

  /**
   * A page of a closed batch's settled items with what a posting file prints, in transaction-id
   * order, in one statement (the posting files read 100,000 of these).
   */
  postingPage(batchRef: string, afterTransactionId: string | null, limit: number) {
    return this.db.$queryRawUnsafe<PostingRow[]>(
      `SELECT i.transaction_id AS "transactionId", i.kind, i.tender, i.brand,
         i.amount_cents AS "amountCents", t.status, t.authorization_number AS "authorizationNumber",
         t.patient_id AS "patientId", t.patient_first_name AS "patientFirstName",
         t.patient_last_name AS "patientLastName", t.additional_info AS "additionalInfo",
         t.response_code AS "responseCode", t.response_message AS "responseMessage",
         COALESCE(t.captured_at, t.created_at) AS "transactionDate",
         m.merchant_id AS "merchantId", o.store_id AS "storeId", o.terminal_id AS "terminalId"
       FROM settlement_items i
       JOIN settlement_batches b ON b.id = i.batch_ref
       JOIN transactions t ON t.id = i.transaction_id
       JOIN merchants m ON m.id = t.merchant_ref
       JOIN outlets o ON o.id = t.outlet_ref
       WHERE i.batch_ref = $1::uuid AND b.merchant_ref = $2::uuid AND i.outcome = 'SETTLED'
         ${afterTransactionId ? 'AND i.transaction_id > $4::uuid' : ''}
       ORDER BY i.transaction_id LIMIT $3`,
      batchRef,
      this.merchant.id,
      limit,
      ...(afterTransactionId ? [afterTransactionId] : []),
    );
  }
}

export interface PostingRow {
  transactionId: string;
  kind: string;
  tender: string;
  brand: string | null;
  amountCents: bigint;
  status: string;
  authorizationNumber: string | null;
  patientId: string | null;
  patientFirstName: string | null;
  patientLastName: string | null;
  additionalInfo: string[];
  responseCode: string;
  responseMessage: string;
  transactionDate: Date;
  merchantId: string;
  storeId: string;
  terminalId: string;
}
