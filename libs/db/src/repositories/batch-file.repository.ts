import { DomainError, type TenantScope } from '@conduit/domain';
import type { Db } from '../client';
import type { Prisma } from '../generated/client';
import { type ListQuery, paging, str, strList } from '../list-query';
import { ofReadableMerchants } from '../scope';

const SORTABLE = ['createdAt', 'name', 'businessDate', 'recordCount', 'id'] as const;
export const batchFileInclude = {
  merchant: { select: { merchantId: true, name: true } },
  batch: { select: { batchId: true } },
  file: { select: { size: true } },
} as const;
export type BatchFileRow = Prisma.BatchFileGetPayload<{ include: typeof batchFileInclude }>;

/** Batch files of the merchants a scope may read. */
export class BatchFileRepository {
  constructor(
    private readonly db: Db,
    private readonly scope: TenantScope,
  ) {}

  private where(extra: Prisma.BatchFileWhereInput): Prisma.BatchFileWhereInput {
    return { AND: [ofReadableMerchants(this.scope), extra] };
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
    const where = this.where({
      ...(direction ? { direction } : {}),
      ...(kind ? { kind } : {}),
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

  get(id: string) {
    return this.db.batchFile.findFirst({ where: this.where({ id }), include: batchFileInclude });
  }
}

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
