import { currentTraceparent } from '@conduit/observability';
import type { Db } from '../client';
import type { Prisma } from '../generated/client';
import { COLUMNS, type OutboxEventInput } from './transaction-insert';
import type { NewTransaction } from './transaction.repository';

export type NewImportRecord = Omit<Prisma.BatchFileRecordCreateManyInput, 'batchFileRef'>;

/** What a processed ExternalID left behind: the transaction that carries it. */
export interface PriorTransaction {
  id: string;
  merchantRef: string;
  externalId: string;
  action: string;
  status: string;
  requestCents: bigint;
  paymentMethodId: string | null;
  primaryId: string | null;
  responseCode: string;
  responseMessage: string;
}

/** A transaction an import page charged, with its outbox event, to write with the page. */
export interface PageCharge {
  row: NewTransaction;
  event: OutboxEventInput;
}

/** A value as `jsonb_populate_recordset` reads it into the column's type. */
function jsonValue(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  return value;
}

/**
 * Payment import files (IMPTI10) and their records. Finding a file by id to process it is system
 * work (the worker's job names only the id, like `housekeeping`); everything after that goes
 * through `ofFile`, bound to the file and its organization.
 */
export class BatchImportRepository {
  constructor(private readonly db: Db) {}

  createInbound(data: {
    id: string;
    organizationId: string;
    accountRef: string;
    name: string;
    fileRef: string;
    size: number;
  }) {
    return this.db.batchFile.create({
      data: {
        ...data,
        size: BigInt(data.size),
        merchantRef: null,
        direction: 'INBOUND',
        kind: 'IMPORT',
        status: 'RECEIVED',
      },
    });
  }

  /** An import file with the account that uploaded it and that account's merchants. */
  async forProcessing(id: string) {
    const file = await this.db.batchFile.findFirst({
      where: { id, direction: 'INBOUND', kind: 'IMPORT' },
      include: { account: true },
    });
    if (!file || !file.account) return null;
    const merchants = await this.db.merchant.findMany({
      where: { id: { in: file.account.merchantRefs }, organizationId: file.organizationId },
      select: { id: true, merchantId: true, organizationId: true },
    });
    return { file, account: file.account, merchants };
  }

  /** Import files still RECEIVED or PROCESSING since before `before` (the sweep's candidates). */
  unfinished(before: Date, limit: number) {
    return this.db.batchFile.findMany({
      where: {
        direction: 'INBOUND',
        kind: 'IMPORT',
        status: { in: ['RECEIVED', 'PROCESSING'] },
        createdAt: { lt: before },
      },
      select: { id: true, status: true },
      orderBy: { createdAt: 'asc' },
      take: limit,
    });
  }

  ofFile(file: { id: string; organizationId: string }) {
    return new ImportFileRepository(this.db, file);
  }
}

/** One import file's state, records and acknowledgement, within its organization. */
export class ImportFileRepository {
  constructor(
    private readonly db: Db,
    private readonly file: { id: string; organizationId: string },
  ) {}

  private get where() {
    return { id: this.file.id, organizationId: this.file.organizationId };
  }

  update(data: Prisma.BatchFileUpdateManyMutationInput) {
    return this.db.batchFile.updateMany({ where: this.where, data });
  }

  /** Locks the file's row for the rest of the transaction and answers its status. */
  async lockStatus(): Promise<string | null> {
    const rows = await this.db.$queryRaw<{ status: string }[]>`
      SELECT status FROM batch_files
      WHERE id = ${this.file.id}::uuid AND organization_id = ${this.file.organizationId}::uuid
      FOR UPDATE`;
    return rows[0]?.status ?? null;
  }

  /** Lines already answered (a resumed run skips them). */
  async doneLines(): Promise<Set<number>> {
    const rows = await this.db.batchFileRecord.findMany({
      where: { batchFileRef: this.file.id, file: { organizationId: this.file.organizationId } },
      select: { line: true },
    });
    return new Set(rows.map((r) => r.line));
  }

  /**
   * A batch of answered lines in one statement; a line answered already keeps its first answer.
   * The rows go as one JSON document (a page is 1,000 of them: as bind parameters they cost more
   * than the insert itself).
   */
  async addRecords(rows: NewImportRecord[]) {
    if (!rows.length) return;
    await this.db.$executeRawUnsafe(
      `INSERT INTO batch_file_records (batch_file_ref, line, external_id, merchant_id, action, amount_cents,
         result, transaction_id, response_code, response_message, error_text, duplicate)
       SELECT f.id, x.line, x."externalId", x."merchantId", x.action, x."amountCents", x.result,
         x."transactionId", COALESCE(x."responseCode", ''), COALESCE(x."responseMessage", ''),
         COALESCE(x."errorText", ''), COALESCE(x.duplicate, false)
       FROM batch_files f,
         jsonb_to_recordset($3::jsonb) AS x(line int, "externalId" text, "merchantId" text, action text,
           "amountCents" bigint, result text, "transactionId" uuid, "responseCode" text,
           "responseMessage" text, "errorText" text, duplicate bool)
       WHERE f.id = $1::uuid AND f.organization_id = $2::uuid
       ON CONFLICT (batch_file_ref, line) DO NOTHING`,
      this.file.id,
      this.file.organizationId,
      JSON.stringify(
        rows.map((r) => ({ ...r, amountCents: r.amountCents == null ? null : String(r.amountCents) })),
      ),
    );
  }

  /** Accepted and rejected lines so far, counted from the records (right after a resume too). */
  async tally() {
    const rows = await this.db.batchFileRecord.groupBy({
      by: ['result'],
      where: { batchFileRef: this.file.id },
      _count: { _all: true },
    });
    const of = (r: string) => rows.find((x) => x.result === r)?._count._all ?? 0;
    return { acceptedCount: of('A'), rejectedCount: of('R'), recordCount: of('A') + of('R') };
  }

  /** Records in line order, a page at a time (the acknowledgement is streamed from them). */
  recordsPage(afterLine: number, limit: number) {
    return this.db.batchFileRecord.findMany({
      where: { batchFileRef: this.file.id, line: { gt: afterLine } },
      orderBy: { line: 'asc' },
      take: limit,
    });
  }

  /** The acknowledgement file of this inbound file, if written. */
  ack() {
    return this.db.batchFile.findFirst({
      where: { relatedRef: this.file.id, kind: 'ACK', organizationId: this.file.organizationId },
    });
  }

  createAck(data: {
    id: string;
    accountRef: string;
    name: string;
    fileRef: string;
    size: number;
    recordCount: number;
  }) {
    return this.db.batchFile.create({
      data: {
        ...data,
        size: BigInt(data.size),
        organizationId: this.file.organizationId,
        merchantRef: null,
        direction: 'OUTBOUND',
        kind: 'ACK',
        status: 'READY',
        relatedRef: this.file.id,
      },
    });
  }

  /**
   * The transactions that already carry these (merchant, ExternalID) pairs, of this file's
   * organization: one query for a page of records, keyed `merchantRef|externalId`.
   */
  async priorTransactionsOf(
    wanted: { merchantRef: string; externalId: string }[],
  ): Promise<Map<string, PriorTransaction>> {
    if (!wanted.length) return new Map();
    // One index probe per pair (LATERAL … OFFSET 0 keeps the planner from turning it into a
    // scan of the organization's transactions, which it prefers on stale statistics after a
    // bulk insert and which grows with every page).
    const rows = await this.db.$queryRaw<PriorTransaction[]>`
      SELECT t.id::text AS "id", t.merchant_ref::text AS "merchantRef", t.external_id AS "externalId",
             t.action, t.status, t.request_cents AS "requestCents",
             t.payment_method_id::text AS "paymentMethodId", t.primary_id::text AS "primaryId",
             t.response_code AS "responseCode", t.response_message AS "responseMessage"
      FROM unnest(${wanted.map((w) => w.merchantRef)}::uuid[], ${wanted.map((w) => w.externalId)}::text[])
        AS w(merchant_ref, external_id)
      CROSS JOIN LATERAL (
        SELECT * FROM transactions x
        WHERE x.merchant_ref = w.merchant_ref AND x.external_id = w.external_id AND x.external_id IS NOT NULL
        OFFSET 0
      ) t
      WHERE t.organization_id = ${this.file.organizationId}::uuid`;
    return new Map(rows.map((t) => [`${t.merchantRef}|${t.externalId}`, t]));
  }

  /**
   * Makes the caller's database transaction commit synchronously, whatever the connection's
   * default: the worker's pool runs with synchronous_commit=off (decision 0008), which is fine
   * for a job's bookkeeping but not for money an import page charged (docs/batch-import.md).
   */
  async durable(): Promise<void> {
    await this.db.$executeRawUnsafe('SET LOCAL synchronous_commit = on');
  }

  /**
   * A page's transactions and their outbox events in ONE statement: a transaction whose
   * (merchant, ExternalID) another run has already written is skipped (ON CONFLICT DO NOTHING on
   * `transactions_merchant_external_id_key`, which waits for that run to commit), and so is its
   * event. Answers the IDs of the transactions this call inserted. The rows go as one JSON
   * document, in (merchant, ExternalID) order, so two pages racing over the same records lock
   * them in the same order and cannot deadlock.
   */
  async insertCharges(charges: PageCharge[]): Promise<Set<string>> {
    if (!charges.length) return new Set();
    const keys = Object.keys(charges[0].row).filter(
      (k) => (charges[0].row as Record<string, unknown>)[k] !== undefined,
    );
    for (const k of keys) if (!COLUMNS[k]) throw new Error(`unknown transaction field ${k}`);
    const sorted = [...charges].sort((a, b) =>
      a.row.merchantRef === b.row.merchantRef
        ? (a.row.externalId ?? '') < (b.row.externalId ?? '')
          ? -1
          : 1
        : a.row.merchantRef < b.row.merchantRef
          ? -1
          : 1,
    );
    const columns = keys.map((k) => COLUMNS[k]);
    const names = columns.map((c) => JSON.stringify(c));
    // The JSON text is written directly (no object per row: a page is 1,000 rows of 45 fields).
    const rows: string[] = new Array(sorted.length);
    sorted.forEach(({ row }, n) => {
      const data = row as Record<string, unknown>;
      if (row.organizationId !== this.file.organizationId)
        throw new Error("An import file charges only its organization's merchants");
      if (!row.externalId) throw new Error('An import page charge carries its ExternalID');
      let present = 0;
      for (const k in data) if (data[k] !== undefined) present++;
      if (present !== keys.length) throw new Error('The rows of an import page have the same fields');
      let json = '';
      for (let i = 0; i < keys.length; i++) {
        const v = data[keys[i]];
        if (v === undefined) throw new Error('The rows of an import page have the same fields');
        // An absent key reads as NULL: a third of a row's columns, not sent.
        if (v !== null) json += `${json ? ',' : ''}${names[i]}:${JSON.stringify(jsonValue(v))}`;
      }
      rows[n] = `{${json}}`;
    });
    const list = columns.map((c) => `"${c}"`).join(', ');
    const inserted = await this.db.$queryRawUnsafe<{ id: string }[]>(
      `WITH t AS (
         INSERT INTO transactions (${list})
         SELECT ${list} FROM jsonb_populate_recordset(NULL::transactions, $1::jsonb)
         WHERE organization_id = $3::uuid
         ON CONFLICT (merchant_ref, external_id) WHERE external_id IS NOT NULL DO NOTHING
         RETURNING id, organization_id, merchant_ref
       ), e AS (
         INSERT INTO outbox_events (id, organization_id, merchant_ref, transaction_id, event_type, payload, trace_context)
         SELECT (ev->>'id')::uuid, t.organization_id, t.merchant_ref, t.id, ev->>'eventType', ev->'payload', $4::text
         FROM jsonb_array_elements($2::jsonb) AS ev JOIN t ON t.id = (ev->>'transactionId')::uuid
       )
       SELECT id::text AS id FROM t`,
      `[${rows.join(',')}]`,
      JSON.stringify(sorted.map((c) => ({ ...c.event, transactionId: c.row.id }))),
      this.file.organizationId,
      currentTraceparent(),
    );
    return new Set(inserted.map((x) => x.id));
  }
}
