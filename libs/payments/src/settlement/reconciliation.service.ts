import { Injectable } from '@nestjs/common';
import { type Actor, assertCan, DomainError, Permission, scopeOf } from '@conduit/domain';
import { UnitOfWork } from '@conduit/db';
import { csvMoney, csvRow } from '@conduit/wire';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

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
 * The reconciliation summary (settlement.md): per business date over a range and merchant set,
 * gross, refunds, returns, chargebacks, reversals, fees, net, and deposits expected and
 * deposited, summed in the database from the closed batches.
 */
@Injectable()
export class ReconciliationService {
  constructor(private readonly uow: UnitOfWork) {}

  async reconciliation(actor: Actor, filter: Record<string, unknown>) {
    const { from, to } = dateRange(filter);
    const groups = await this.settlements(actor).daily(from, to, merchantFilter(filter.merchantId));
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

  private settlements(actor: Actor) {
    assertCan(actor, Permission.SETTLEMENTS_READ);
    return this.uow.read.forScope(scopeOf(actor)).settlements;
  }
}
