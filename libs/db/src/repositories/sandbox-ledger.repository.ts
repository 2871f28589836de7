import type { Db } from '../client';

export interface SandboxLedgerRow {
  id: string;
  merchantId: string;
  afterBatchId: string | null;
  event: object;
}

/**
 * The sandbox processor's own book of network events it owes merchants (libs/processor
 * `SandboxLedger`). It stands in for a real processor's systems, so it is not tenant data of
 * Conduit's: it is keyed by the processor-side MerchantID.
 */
export class SandboxLedgerRepository {
  constructor(private readonly db: Db) {}

  async record(rows: SandboxLedgerRow[]) {
    await this.db.sandboxNetworkEvent.createMany({
      data: rows.map((r) => ({
        id: r.id,
        merchantId: r.merchantId,
        kind: (r.event as { kind: string }).kind,
        reference: (r.event as { reference: string }).reference,
        afterBatchId: r.afterBatchId,
        detail: r.event,
      })),
      skipDuplicates: true,
    });
  }

  async pending(merchantId: string, batchId: string): Promise<SandboxLedgerRow[]> {
    const rows = await this.db.sandboxNetworkEvent.findMany({
      where: {
        merchantId,
        deliveredAt: null,
        OR: [{ afterBatchId: null }, { afterBatchId: { not: batchId } }],
      },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: 10_000,
    });
    return rows.map((r) => ({
      id: r.id,
      merchantId: r.merchantId,
      afterBatchId: r.afterBatchId,
      event: r.detail as object,
    }));
  }

  async markDelivered(ids: string[]) {
    await this.db.sandboxNetworkEvent.updateMany({
      where: { id: { in: ids } },
      data: { deliveredAt: new Date() },
    });
  }
}
