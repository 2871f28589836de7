import type { Db } from '../client';
import type { Prisma } from '../generated/client';

type NewPaymentMethod = Omit<Prisma.PaymentMethodUncheckedCreateInput, 'organizationId' | 'merchantRef'>;

/**
 * The card vault's rows (ciphertext only) of ONE merchant: a stored card belongs to the merchant
 * that saved it, so it is obtained for that merchant and never found from another.
 */
export class PaymentMethodRepository {
  constructor(
    private readonly db: Db,
    private readonly merchant: { id: string; organizationId: string },
  ) {}

  insert(data: NewPaymentMethod) {
    return this.db.paymentMethod.create({
      data: { ...data, organizationId: this.merchant.organizationId, merchantRef: this.merchant.id },
    });
  }

  get(id: string) {
    return this.db.paymentMethod.findFirst({
      where: { id, merchantRef: this.merchant.id },
      include: { dataKey: true },
    });
  }

  /** Several of this merchant's cards in one query (an import page names them once each). */
  getMany(ids: string[]) {
    if (!ids.length) return Promise.resolve([]);
    return this.db.paymentMethod.findMany({
      where: { id: { in: ids }, merchantRef: this.merchant.id },
      include: { dataKey: true },
    });
  }
}

export class DataKeyRepository {
  constructor(private readonly db: Db) {}

  /** The newest data key wrapped under `masterVersion`, if any (one key serves many cards). */
  current(masterVersion: number) {
    return this.db.dataKey.findFirst({
      where: { masterVersion, retiredAt: null },
      orderBy: { createdAt: 'desc' },
    });
  }

  get(id: string) {
    return this.db.dataKey.findUnique({ where: { id } });
  }

  insert(data: { id: string; wrappedKey: Uint8Array<ArrayBuffer>; masterVersion: number }) {
    return this.db.dataKey.create({ data });
  }
}
