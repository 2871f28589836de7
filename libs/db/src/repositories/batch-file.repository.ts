import { DomainError, type TenantScope } from '@conduit/domain';
import type { Db } from '../client';
import type { Prisma } from '../generated/client';
import { type ListQuery, paging, str, strList } from '../list-query';
import { ofReadableMerchants } from '../scope';
import { sftpAccountsWithin } from './sftp-account.repository';

const SORTABLE = ['createdAt', 'name', 'businessDate', 'recordCount', 'status', 'processedAt', 'id'] as const;
const RECORD_SORTABLE = ['line', 'result', 'externalId'] as const;
export const batchFileInclude = {
  merchant: { select: { merchantId: true, name: true } },
  account: { select: { id: true, username: true } },
  batch: { select: { batchId: true } },
  file: { select: { size: true } },
} as const;
export type BatchFileRow = Prisma.BatchFileGetPayload<{ include: typeof batchFileInclude }>;
export type BatchFileRecordRow = Prisma.BatchFileRecordGetPayload<object>;

/**
 * Batch files a scope may read. A merchant's file (posting, 835) follows the merchant's read
 * rule. A file without a merchant belongs to an SFTP account (an upload, its acknowledgement):
 * it is the account's organization's, and a merchant-narrowed scope sees it only when it may
 * read every merchant of the account — the same rule as the account itself. Partners never
 * see another organization's uploads, granted merchants or not: accounts are configuration.
 */
export class BatchFileRepository {
  constructor(
    private readonly db: Db,
    private readonly scope: TenantScope,
  ) {}

  private async where(extra: Prisma.BatchFileWhereInput): Promise<Prisma.BatchFileWhereInput> {
    if (this.scope.kind === 'platform') return extra;
    const accounts = await sftpAccountsWithin(this.db, this.scope);
    return {
      AND: [
        {
          OR: [
            { merchantRef: { not: null }, ...ofReadableMerchants(this.scope) },
            { merchantRef: null, accountRef: { not: null }, account: accounts },
          ],
        },
        extra,
      ],
    };
  }

  async list(query: ListQuery) {
    const f = query.filter;
    const direction = str(f.direction);
    const kind = str(f.kind);
    if (direction && !['INBOUND', 'OUTBOUND'].includes(direction))
      throw DomainError.validation([
        { field: 'direction', message: 'direction must be INBOUND or OUTBOUND' },
      ]);
    const merchantIds = strList(f.merchantId);
    const status = str(f.status);
    const accountIds = strList(f.accountId);
    const where = await this.where({
      ...(direction ? { direction } : {}),
      ...(kind ? { kind } : {}),
      ...(status ? { status } : {}),
      ...(accountIds ? { accountRef: { in: accountIds.filter(isUuid) } } : {}),
      ...(str(f.q) ? { name: { contains: f.q as string, mode: 'insensitive' } } : {}),
      ...(merchantIds ? { merchant: { merchantId: { in: merchantIds } } } : {}),
      ...(str(f.settlementBatchId) ? { batch: { batchId: f.settlementBatchId as string } } : {}),
    });
    const [rows, total] = await Promise.all([
      this.db.batchFile.findMany({
        where,
        include: batchFileInclude,
        ...paging(query, SORTABLE, 'createdAt'),
      }),
      this.db.batchFile.count({ where }),
    ]);
    return { rows, total };
  }

  async get(id: string) {
    return this.db.batchFile.findFirst({ where: await this.where({ id }), include: batchFileInclude });
  }

  /**
   * The per-record results of an inbound file the scope may read (null when it may not), paged
   * and sorted in the database; filter `result` (A or R) and `duplicate`.
   */
  async records(id: string, query: ListQuery) {
    const file = await this.db.batchFile.findFirst({ where: await this.where({ id }), select: { id: true } });
    if (!file) return null;
    const f = query.filter;
    const result = str(f.result);
    if (result && !['A', 'R'].includes(result))
      throw DomainError.validation([{ field: 'result', message: 'result must be A or R' }]);
    const duplicate = f.duplicate === true || f.duplicate === 'true' ? true : undefined;
    const where: Prisma.BatchFileRecordWhereInput = {
      batchFileRef: file.id,
      ...(result ? { result } : {}),
      ...(duplicate ? { duplicate } : {}),
    };
    const [rows, total] = await Promise.all([
      this.db.batchFileRecord.findMany({ where, ...paging(query, RECORD_SORTABLE, 'line', 'line') }),
      this.db.batchFileRecord.count({ where }),
    ]);
    return { rows, total };
  }
}

const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

/** A merchant's outbound files, written by the core once per batch and kind. */
export class MerchantBatchFileRepository {
  constructor(
    private readonly db: Db,
    private readonly merchant: { id: string; organizationId: string },
  ) {}

  exists(batchRef: string, kind: string) {
    return this.db.batchFile.findFirst({ where: { batchRef, kind, merchantRef: this.merchant.id } });
  }

  create(data: Omit<Prisma.BatchFileUncheckedCreateInput, 'organizationId' | 'merchantRef'>) {
    return this.db.batchFile.create({
      data: { ...data, organizationId: this.merchant.organizationId, merchantRef: this.merchant.id },
    });
  }

  /** The number the next file's X12 interchange carries (ISA13): one more than this merchant's count. */
  async nextControlNumber(): Promise<number> {
    return (await this.db.batchFile.count({ where: { merchantRef: this.merchant.id, kind: 'ERA_835' } })) + 1;
  }
}
