import type { TenantScope } from '@conduit/domain';
import type { Db } from '../client';
import type { Prisma } from '../generated/client';
import { readableMerchants } from './merchant.repository';

/** The card vault's rows; ciphertext only. Reads are tenant-scoped like transactions. */
export class PaymentMethodRepository {
  constructor(private readonly db: Db) {}

  insert(data: Prisma.PaymentMethodUncheckedCreateInput) {
    return this.db.paymentMethod.create({ data });
  }

  get(scope: TenantScope, id: string) {
    const readable = scope.kind === 'platform' ? {} : { merchant: readableMerchants(scope) };
    return this.db.paymentMethod.findFirst({
      where: { AND: [readable, { id }] },
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

  /** Key rotation: every data key not yet wrapped under `version`. */
  wrappedUnder(notVersion: number) {
    return this.db.dataKey.findMany({ where: { masterVersion: { not: notVersion } } });
  }

  rewrap(id: string, wrappedKey: Uint8Array<ArrayBuffer>, masterVersion: number) {
    return this.db.dataKey.update({ where: { id }, data: { wrappedKey, masterVersion } });
  }
}
