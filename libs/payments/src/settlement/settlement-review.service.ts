import { Injectable } from '@nestjs/common';
import { type Actor, assertCan, can, DomainError, Permission, scopeOf } from '@conduit/domain';
import { type ListQuery, UnitOfWork } from '@conduit/db';
import { csvMoney, csvRow } from '@conduit/wire';
import { fromWireId } from '../ids';
import { FileVault } from './file-vault';
import { batchFileLineRecord, batchFileRecord, batchRecord, itemRecord } from './settlement-views';

const EXPORT_PAGE = 1000;

const BATCH_COLUMNS = [
  'businessDate',
  'settlementBatchId',
  'merchantId',
  'merchantName',
  'status',
  'closedAt',
  'itemCount',
  'errorCount',
  'saleCount',
  'sales',
  'refundCount',
  'refunds',
  'returnCount',
  'returns',
  'chargebackCount',
  'chargebacks',
  'reversalCount',
  'reversals',
  'fees',
  'net',
  'deposit',
  'depositDate',
  'depositStatus',
] as const;
const ITEM_COLUMNS = [
  'transactionId',
  'primaryTransactionId',
  'kind',
  'tender',
  'cardBrand',
  'cardLast4',
  'accountLast4',
  'amount',
  'fee',
  'outcome',
  'status',
  'merchantId',
  'storeId',
  'terminalId',
  'patientId',
  'capturedAt',
] as const;
function emptyBreakdown() {
  return {
    saleCount: 0,
    saleCents: 0,
    refundCount: 0,
    refundCents: 0,
    returnCount: 0,
    returnCents: 0,
    chargebackCount: 0,
    chargebackCents: 0,
    reversalCount: 0,
    reversalCents: 0,
    feeCents: 0,
    netCents: 0,
  };
}

/**
 * What finance reads after the money moved (docs/settlement.md): batches, their items, the
 * reconciliation summary, posting files. Read-only and tenant-scoped; exports stream in keyset
 * pages with no row cap.
 */
@Injectable()
export class SettlementReviewService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly vault: FileVault,
  ) {}

  private repos(actor: Actor) {
    assertCan(actor, Permission.SETTLEMENTS_READ);
    return this.uow.read.forScope(scopeOf(actor));
  }

  async list(actor: Actor, query: ListQuery) {
    const repos = this.repos(actor);
    const { rows, total } = await repos.settlements.list(query);
    return { rows: await Promise.all(rows.map((r) => this.withPending(repos.settlements, r))), total };
  }

  async get(actor: Actor, wireId: string) {
    const repos = this.repos(actor);
    const row = await repos.settlements.get(fromWireId(wireId, 'Settlement batch'));
    if (!row) throw DomainError.notFound('Settlement batch');
    return this.withPending(repos.settlements, row);
  }

  /**
   * A closed batch as recorded; an open one with what it holds so far (sales and refunds
   * waiting for the cut-off, before fees, which the processor reports at the close).
   */
  private async withPending(
    settlements: ReturnType<UnitOfWork['read']['forScope']>['settlements'],
    row: Parameters<typeof batchRecord>[0],
  ) {
    const record = batchRecord(row);
    if (row.status !== 'OPEN') return record;
    const rows = new Map<
      string,
      ReturnType<typeof emptyBreakdown> & { tender: string; brand: string | null }
    >();
    const open = { saleCount: 0, saleCents: 0, refundCount: 0, refundCents: 0 };
    for (const g of await settlements.pending(row)) {
      const refund = g.action === 'SimpleRefund' || g.action === 'Refund';
      const brand = g.tender === 'eCheck' ? null : g.brand;
      const key = `${g.tender}|${brand ?? ''}`;
      const b = rows.get(key) ?? rows.set(key, { ...emptyBreakdown(), tender: g.tender, brand }).get(key)!;
      if (refund) {
        b.refundCount += g.count;
        b.refundCents += g.cents;
        open.refundCount += g.count;
        open.refundCents += g.cents;
      } else {
        b.saleCount += g.count;
        b.saleCents += g.cents;
        open.saleCount += g.count;
        open.saleCents += g.cents;
      }
      b.netCents = b.saleCents - b.refundCents;
    }
    const netCents = open.saleCents - open.refundCents;
    return {
      ...record,
      ...open,
      itemCount: open.saleCount + open.refundCount,
      grossCents: open.saleCents,
      netCents,
      depositCents: netCents,
      breakdown: [...rows.values()],
      pending: true,
    };
  }

  async items(actor: Actor, wireId: string, query: ListQuery) {
    const repos = this.repos(actor);
    const batch = await repos.settlements.get(fromWireId(wireId, 'Settlement batch'));
    if (!batch) throw DomainError.notFound('Settlement batch');
    const { rows, total } = await repos.settlements.items(batch.id, query);
    return { rows: rows.map(itemRecord), total };
  }

  async *listCsv(actor: Actor, filter: Record<string, unknown>): AsyncIterable<string> {
    const repos = this.repos(actor);
    yield csvRow([...BATCH_COLUMNS]);
    let after: string | null = null;
    for (;;) {
      const page = await repos.settlements.listAfter(filter, after, EXPORT_PAGE);
      let chunk = '';
      for (const row of page) {
        const b = batchRecord(row);
        chunk += csvRow([
          b.businessDate,
          b.settlementBatchId,
          b.merchantId,
          b.merchantName,
          b.status,
          b.closedAt,
          b.itemCount,
          b.errorCount,
          b.saleCount,
          csvMoney(b.saleCents),
          b.refundCount,
          csvMoney(-b.refundCents),
          b.returnCount,
          csvMoney(-b.returnCents),
          b.chargebackCount,
          csvMoney(-b.chargebackCents),
          b.reversalCount,
          csvMoney(b.reversalCents),
          csvMoney(-b.feeCents),
          csvMoney(b.netCents),
          csvMoney(b.depositCents),
          b.depositDate,
          b.depositStatus,
        ]);
      }
      if (chunk) yield chunk;
      if (page.length < EXPORT_PAGE) return;
      after = page[page.length - 1].id;
    }
  }

  async *itemsCsv(actor: Actor, wireId: string): AsyncIterable<string> {
    const repos = this.repos(actor);
    const batch = await repos.settlements.get(fromWireId(wireId, 'Settlement batch'));
    if (!batch) throw DomainError.notFound('Settlement batch');
    yield csvRow([...ITEM_COLUMNS]);
    let after: string | null = null;
    for (;;) {
      const page = await repos.settlements.itemsAfter(batch.id, after, EXPORT_PAGE);
      let chunk = '';
      for (const row of page) {
        const i = itemRecord(row);
        chunk += csvRow([
          i.transactionId,
          i.primaryTransactionId,
          i.kind,
          i.tender,
          i.cardBrand,
          i.cardLast4,
          i.accountLast4,
          csvMoney(i.amountCents),
          csvMoney(i.feeCents),
          i.outcome,
          i.status,
          i.merchantId,
          i.storeId,
          i.terminalId,
          i.patientId,
          i.capturedAt,
        ]);
      }
      if (chunk) yield chunk;
      if (page.length < EXPORT_PAGE) return;
      after = page[page.length - 1].transactionId;
    }
  }

  /** Per business date over the range, every day present (a day without batches is zeros). */
  async dashboard(actor: Actor) {
    const repos = this.repos(actor);
    const today = new Date().toISOString().slice(0, 10);
    const [nextDeposit, last, disputes] = await Promise.all([
      repos.settlements.nextDeposit(today),
      repos.settlements.lastClosed(),
      can(actor.role, Permission.DISPUTES_READ) ? repos.disputes.open() : Promise.resolve(null),
    ]);
    return { nextDeposit, openDisputes: disputes, lastBatch: last ? batchRecord(last) : null };
  }

  async batchFiles(actor: Actor, query: ListQuery) {
    const { rows, total } = await this.repos(actor).batchFiles.list(query);
    return { rows: rows.map(batchFileRecord), total };
  }

  async batchFile(actor: Actor, wireId: string) {
    const row = await this.repos(actor).batchFiles.get(fromWireId(wireId, 'Batch file'));
    if (!row) throw DomainError.notFound('Batch file');
    return batchFileRecord(row);
  }

  /** The per-record results of an inbound file (batch_file_records), paged. */
  async batchFileRecords(actor: Actor, wireId: string, query: ListQuery) {
    const page = await this.repos(actor).batchFiles.records(fromWireId(wireId, 'Batch file'), query);
    if (!page) throw DomainError.notFound('Batch file');
    return { rows: page.rows.map(batchFileLineRecord), total: page.total };
  }

  /** A posting file's name and its decrypted bytes as a stream. */
  async download(actor: Actor, wireId: string) {
    const row = await this.repos(actor).batchFiles.get(fromWireId(wireId, 'Batch file'));
    if (!row?.fileRef) throw DomainError.notFound('Batch file');
    return { name: row.name, kind: row.kind, content: this.vault.read(this.uow.read, row.fileRef) };
  }
}
