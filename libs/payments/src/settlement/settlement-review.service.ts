import { Injectable } from '@nestjs/common';
import { type Actor, assertCan, can, DomainError, Permission, scopeOf } from '@conduit/domain';
import { type ListQuery, UnitOfWork } from '@conduit/db';
import { csvMoney, csvRow } from '@conduit/wire';
import { fromWireId } from '../ids';
import { FileVault } from './file-vault';
import { batchFileRecord, batchRecord, itemRecord } from './settlement-views';

const EXPORT_PAGE = 1000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

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
const DAY_COLUMNS = [
  'date',
  'batchCount',
  'grossSales',
  'refunds',
  'returns',
  'chargebacks',
  'reversals',
  'fees',
  'net',
  'depositsExpected',
  'depositsDeposited',
] as const;

type Day = {
  date: string;
  batchCount: number;
  grossCents: number;
  refundCents: number;
  returnCents: number;
  chargebackCents: number;
  reversalCents: number;
  feeCents: number;
  netCents: number;
  depositsExpectedCents: number;
  depositsDepositedCents: number;
};

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

function emptyDay(date: string): Day {
  return {
    date,
    batchCount: 0,
    grossCents: 0,
    refundCents: 0,
    returnCents: 0,
    chargebackCents: 0,
    reversalCents: 0,
    feeCents: 0,
    netCents: 0,
    depositsExpectedCents: 0,
    depositsDepositedCents: 0,
  };
}

function dateRange(filter: Record<string, unknown>): { from: string; to: string } {
  const today = new Date().toISOString().slice(0, 10);
  const from =
    typeof filter.from === 'string'
      ? filter.from
      : new Date(Date.now() - 29 * DAY_MS).toISOString().slice(0, 10);
  const to = typeof filter.to === 'string' ? filter.to : today;
  const errors = [];
  if (!DATE.test(from) || Number.isNaN(Date.parse(from)))
    errors.push({ field: 'from', message: 'from must be YYYY-MM-DD' });
  if (!DATE.test(to) || Number.isNaN(Date.parse(to)))
    errors.push({ field: 'to', message: 'to must be YYYY-MM-DD' });
  if (!errors.length && from > to) errors.push({ field: 'to', message: 'to must not be before from' });
  if (!errors.length && (Date.parse(to) - Date.parse(from)) / DAY_MS > 366)
    errors.push({ field: 'to', message: 'a reconciliation covers at most 366 days' });
  if (errors.length) throw DomainError.validation(errors);
  return { from, to };
}

function merchantFilter(value: unknown): string[] | undefined {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' && value ? [value] : undefined;
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
    let after: { cutoffAt: Date; id: string } | null = null;
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
      const last = page[page.length - 1];
      after = { cutoffAt: last.cutoffAt, id: last.id };
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
  async reconciliation(actor: Actor, filter: Record<string, unknown>) {
    const { from, to } = dateRange(filter);
    const groups = await this.repos(actor).settlements.daily(from, to, merchantFilter(filter.merchantId));
    const days = new Map<string, Day>();
    for (let t = Date.parse(from); t <= Date.parse(to); t += DAY_MS) {
      const date = new Date(t).toISOString().slice(0, 10);
      days.set(date, emptyDay(date));
    }
    for (const g of groups) {
      const day = days.get(g.businessDate ?? '');
      if (!day) continue;
      const s = g._sum;
      const deposit = Number(s.depositCents ?? 0n);
      day.batchCount += g._count._all;
      day.grossCents += Number(s.saleCents ?? 0n);
      day.refundCents += Number(s.refundCents ?? 0n);
      day.returnCents += Number(s.returnCents ?? 0n);
      day.chargebackCents += Number(s.chargebackCents ?? 0n);
      day.reversalCents += Number(s.reversalCents ?? 0n);
      day.feeCents += Number(s.feeCents ?? 0n);
      day.netCents += Number(s.netCents ?? 0n);
      if (g.status === 'DEPOSITED') day.depositsDepositedCents += deposit;
      else day.depositsExpectedCents += deposit;
    }
    const rows = [...days.values()];
    const totals = rows.reduce(
      (t, d) => {
        for (const k of Object.keys(t) as (keyof Omit<Day, 'date'>)[]) t[k] += d[k];
        return t;
      },
      (({ date: _date, ...zero }) => zero)(emptyDay('')),
    );
    return { from, to, totals, days: rows };
  }

  async *reconciliationCsv(actor: Actor, filter: Record<string, unknown>): AsyncIterable<string> {
    const { days } = await this.reconciliation(actor, filter);
    yield csvRow([...DAY_COLUMNS]);
    for (const d of days)
      yield csvRow([
        d.date,
        d.batchCount,
        csvMoney(d.grossCents),
        csvMoney(-d.refundCents),
        csvMoney(-d.returnCents),
        csvMoney(-d.chargebackCents),
        csvMoney(d.reversalCents),
        csvMoney(-d.feeCents),
        csvMoney(d.netCents),
        csvMoney(d.depositsExpectedCents),
        csvMoney(d.depositsDepositedCents),
      ]);
  }

  /** The finance dashboard: the next deposit, open disputes, the last batch. */
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

  /** A posting file's name and its decrypted bytes as a stream. */
  async download(actor: Actor, wireId: string) {
    const row = await this.repos(actor).batchFiles.get(fromWireId(wireId, 'Batch file'));
    if (!row?.fileRef) throw DomainError.notFound('Batch file');
    return { name: row.name, kind: row.kind, content: this.vault.read(this.uow.read, row.fileRef) };
  }
}
