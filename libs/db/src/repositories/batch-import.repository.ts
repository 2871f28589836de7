import type { Db } from '../client';
import type { Prisma } from '../generated/client';

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

  /** A batch of answered lines in one statement; a line answered already keeps its first answer. */
  async addRecords(rows: NewImportRecord[]) {
    if (!rows.length) return;
    await this.db.batchFileRecord.createMany({
      data: rows.map((r) => ({ ...r, batchFileRef: this.file.id })),
      skipDuplicates: true,
    });
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
   * The transactions that already carry these ExternalIDs at these merchants (of this file's
   * organization): one query for a page of records.
   */
  priorTransactions(merchantRefs: string[], externalIds: string[]): Promise<PriorTransaction[]> {
    if (!merchantRefs.length || !externalIds.length) return Promise.resolve([]);
    return this.db.$queryRaw<PriorTransaction[]>`
      SELECT id::text AS "id", merchant_ref::text AS "merchantRef", external_id AS "externalId",
             action, status, request_cents AS "requestCents",
             payment_method_id::text AS "paymentMethodId", primary_id::text AS "primaryId",
             response_code AS "responseCode", response_message AS "responseMessage"
      FROM transactions
      WHERE organization_id = ${this.file.organizationId}::uuid
        AND merchant_ref = ANY(${merchantRefs}::uuid[])
        AND external_id = ANY(${externalIds}::text[])`;
  }
}
