import type { TenantScope } from '@conduit/domain';
import type { Db } from '../client';
import { ofReadableMerchants } from '../scope';

export type CheckImageSideName = 'FRONT' | 'BACK';

export interface NewCheckImage {
  id: string;
  transactionRef: string;
  side: CheckImageSideName;
  fileRef: string;
  contentType: string;
  size: number;
  sha256: string;
}

const SELECT = { side: true, contentType: true, size: true, fileRef: true, createdAt: true } as const;

/**
 * A deposit's check images at one merchant the caller already transacts on (the payment core's
 * write, in the same database transaction as the eCheck's row).
 */
export class MerchantCheckImageRepository {
  constructor(
    private readonly db: Db,
    private readonly merchant: { id: string; organizationId: string },
  ) {}

  async add(image: NewCheckImage) {
    await this.db.checkImage.create({
      data: { ...image, organizationId: this.merchant.organizationId, merchantRef: this.merchant.id },
    });
  }
}

/**
 * Check images of transactions a scope may read: the same reach as the transactions themselves
 * (whoever may read a transaction may see its images).
 */
export class CheckImageRepository {
  constructor(
    private readonly db: Db,
    private readonly scope: TenantScope,
  ) {}

  private where(transactionRef: string) {
    return { transactionRef, transaction: ofReadableMerchants(this.scope) };
  }

  forTransaction(transactionRef: string) {
    return this.db.checkImage.findMany({
      where: this.where(transactionRef),
      select: SELECT,
      orderBy: { side: 'desc' }, // FRONT before BACK
    });
  }

  get(transactionRef: string, side: CheckImageSideName) {
    return this.db.checkImage.findFirst({ where: { ...this.where(transactionRef), side }, select: SELECT });
  }
}
