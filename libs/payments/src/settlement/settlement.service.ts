import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  type Actor,
  assertCan,
  BatchTotals,
  businessDateOf,
  depositDate,
  DomainError,
  ErrorCode,
  nextCutoffAfter,
  parseCutoff,
  Permission,
  scopeOf,
  TenderType,
} from '@conduit/domain';
import { type AuditEntry, type MerchantRow, UnitOfWork } from '@conduit/db';
import type { ProcessorConnector } from '@conduit/processor';
import { OutboxSignal } from '@conduit/queues';
import { newId, toWireId } from '../ids';
import { PROCESSOR } from '../processor.token';
import { applyNetworkEvents } from './network-events';
import { settledItemOf, settlementRequestOf } from './settlement-items';
import { SystemPrincipal, systemAudit } from './system-principal';

/** Transactions per page of a close: bounded memory, few round trips. */
export const SETTLEMENT_PAGE_SIZE = 2000;

export type CloseTrigger =
  | { kind: 'cutoff'; cutoffAt: Date }
  | { kind: 'settle-now'; audit: Omit<AuditEntry, 'action' | 'resource' | 'resourceId' | 'organizationId'> };

export interface CloseResult {
  /** The batch that closed, or null when there was nothing to settle (or it closed already). */
  batchRef: string | null;
  settlementBatchId: string | null;
  /** This cut-off had already been closed: a replayed job, or a second worker. */
  alreadyClosed: boolean;
}

/**
 * Closes a merchant's open batch (settlement.md), the same way for the clock and for
 * settle-now: one database transaction under the merchant's settlement lock, guarded by the
 * batch's state, so it happens exactly once whatever the number of workers, and a crash at any
 * point leaves no half batch (docs/settlement.md).
 */
@Injectable()
export class SettlementService {
  /** Transactions per page; tests lower it to cross page boundaries with few rows. */
  pageSize = SETTLEMENT_PAGE_SIZE;

  constructor(
    private readonly uow: UnitOfWork,
    @Inject(PROCESSOR) private readonly processor: ProcessorConnector,
    @Optional() private readonly outbox?: OutboxSignal,
  ) {}

  /**
   * The merchant's open batch, created in its own committed transaction when missing, so that
   * its SettlementBatchID is stable across a close that crashes and runs again.
   */
  async ensureOpen(merchant: MerchantRow, now = new Date()) {
    return this.uow.run(async (r) => {
      const s = r.atMerchant(merchant).settlement;
      await s.lock();
      const open = await s.openBatch();
      if (open) return open;
      const id = newId();
      return s.createOpen({
        id,
        batchId: toWireId(id),
        cutoffAt: nextCutoffAfter(merchant.timeZone, parseCutoff(merchant.settlementCutoff), now),
        timeZone: merchant.timeZone,
      });
    });
  }

  /**
   * `POST /admin/api/merchants/{id}/settle-now` (settlement.md): practice and platform admins,
   * sandbox merchants only; closes the open batch at once, exactly as a cut-off would.
   */
  async settleNow(actor: Actor, merchantId: string, now = new Date()): Promise<CloseResult> {
    assertCan(actor, Permission.SETTLEMENTS_SETTLE_NOW);
    const merchant = await this.uow.read.merchants.getOwned(scopeOf(actor), merchantId);
    if (!merchant) throw DomainError.notFound('Merchant');
    if (merchant.processor !== 'SANDBOX')
      throw new DomainError(
        ErrorCode.ILLEGAL_STATE,
        `Merchant ${merchant.merchantId} settles through ${merchant.processor}; only sandbox merchants can be settled on demand`,
      );
    return this.close(
      merchant,
      {
        kind: 'settle-now',
        audit: { actorType: 'user', actorId: actor.userId, actorLabel: actor.email, ip: actor.ip },
      },
      now,
    );
  }

  /** Batches whose deposit date has passed in the merchant's zone become DEPOSITED. */
  async markDeposited(now = new Date()): Promise<number> {
    // Any zone's today is at most one day ahead of UTC's.
    const tomorrowUtc = new Date(now.getTime() + 24 * 3600 * 1000).toISOString().slice(0, 10);
    const due = await this.uow.read.settlementSchedule.depositDue(tomorrowUtc, 1000);
    let moved = 0;
    for (const b of due) {
      if (!b.depositDate || businessDateOf(b.timeZone, now) <= b.depositDate) continue;
      const merchant = await this.uow.read.settlementSchedule.merchant(b.merchantRef);
      if (!merchant) continue;
      moved += await this.uow.run(async (r) => {
        const { count } = await r.atMerchant(merchant).settlement.markDeposited(b.id);
        if (count)
          await r.audit.record(
            systemAudit(SystemPrincipal.Settlement, {
              organizationId: merchant.organizationId,
              action: 'settlement.deposited',
              resource: 'settlement',
              resourceId: toWireId(b.id),
              changes: { depositDate: b.depositDate },
            }),
          );
        return count;
      });
    }
    return moved;
  }

  async close(merchant: MerchantRow, trigger: CloseTrigger, now = new Date()): Promise<CloseResult> {
    await this.ensureOpen(merchant, now);
    const cutoffAt = trigger.kind === 'cutoff' ? trigger.cutoffAt : now;
    const outcome = await this.uow.run(
      async (r) => {
        const at = r.atMerchant(merchant);
        const s = at.settlement;
        await s.lock();
        const open = await s.openBatch();
        if (!open) throw new Error('open batch vanished under the settlement lock');
        if (trigger.kind === 'cutoff' && (await s.closedAt(cutoffAt))) {
          // Closed already; an open batch still dated at or before it waits for the next one
          // (so the sweep does not keep finding it overdue).
          if (open.cutoffAt <= cutoffAt)
            await s.moveCutoff(
              open.id,
              nextCutoffAfter(merchant.timeZone, parseCutoff(merchant.settlementCutoff), cutoffAt),
              merchant.timeZone,
            );
          return { batchRef: null, acknowledge: [] as string[], alreadyClosed: true };
        }
        const totals = new BatchTotals();
        const tenders = new Set<'card' | 'echeck'>();
        const count = (item: {
          kind: string;
          tender: string;
          brand: string | null;
          amountCents: number;
          feeCents: number;
          settled: boolean;
        }) => {
          if (!item.settled) return;
          totals.add({
            kind: item.kind as never,
            tender: item.tender as never,
            brand: item.brand,
            amountCents: item.amountCents,
            feeCents: item.feeCents,
          });
          tenders.add(item.tender === TenderType.ECheck ? 'echeck' : 'card');
        };
        const events = await this.processor.networkEvents({
          merchantId: merchant.merchantId,
          batchId: open.batchId,
        });
        const applied = await applyNetworkEvents(r, at, open, events, now);
        await s.applyItems(open, applied.items, now);
        applied.items.forEach(count);
        let errorCount = 0;
        let after: string | null = null;
        for (;;) {
          const page = await s.settleablePage(cutoffAt, after, this.pageSize);
          if (!page.length) break;
          const outcomes = await this.processor.settle({
            merchantId: merchant.merchantId,
            batchId: open.batchId,
            items: page.map(settlementRequestOf),
          });
          const byId = new Map(outcomes.map((o) => [o.transactionId, o]));
          const writes = page.map((t) => {
            const o = byId.get(t.id);
            if (!o) throw new Error('The processor left an item without an outcome');
            return settledItemOf(t, o, open, now);
          });
          await s.applyItems(open, writes, now);
          for (const w of writes) {
            if (!w.settled) errorCount++;
            count(w);
          }
          const last = page[page.length - 1];
          after = last.id;
          if (page.length < this.pageSize) break;
        }
        const result = totals.result();
        if (result.itemCount === 0 && errorCount === 0) {
          // No activity: no batch today; the open batch waits for the next cut-off.
          await s.moveCutoff(
            open.id,
            nextCutoffAfter(merchant.timeZone, parseCutoff(merchant.settlementCutoff), cutoffAt),
            merchant.timeZone,
          );
          return { batchRef: null, acknowledge: applied.acknowledge, alreadyClosed: false };
        }
        const businessDate = businessDateOf(merchant.timeZone, cutoffAt);
        const deposit =
          [...tenders]
            .map((t) => depositDate(businessDate, t))
            .sort()
            .pop() ?? depositDate(businessDate, 'card');
        await s.close(open.id, {
          status: errorCount ? 'PARTIALLY_SETTLED' : 'SETTLED',
          businessDate,
          closedAt: now,
          cutoffAt,
          itemCount: result.itemCount + errorCount,
          errorCount,
          saleCount: result.saleCount,
          saleCents: result.saleCents,
          refundCount: result.refundCount,
          refundCents: result.refundCents,
          returnCount: result.returnCount,
          returnCents: result.returnCents,
          chargebackCount: result.chargebackCount,
          chargebackCents: result.chargebackCents,
          reversalCount: result.reversalCount,
          reversalCents: result.reversalCents,
          grossCents: result.grossCents,
          feeCents: result.feeCents,
          netCents: result.netCents,
          depositCents: result.netCents,
          depositDate: deposit,
          breakdown: result.breakdown as never,
        });
        const nextId = newId();
        await s.createOpen({
          id: nextId,
          batchId: toWireId(nextId),
          cutoffAt: nextCutoffAfter(merchant.timeZone, parseCutoff(merchant.settlementCutoff), cutoffAt),
          timeZone: merchant.timeZone,
        });
        const changes = { businessDate, itemCount: result.itemCount, errorCount, netCents: result.netCents };
        const entry = {
          organizationId: merchant.organizationId,
          action: 'settlement.close',
          resource: 'settlement',
          resourceId: open.batchId,
          changes,
        };
        await r.audit.record(
          trigger.kind === 'settle-now'
            ? { ...trigger.audit, ...entry, action: 'settlement.settle-now' }
            : systemAudit(SystemPrincipal.Settlement, entry),
        );
        return { batchRef: open.id, acknowledge: applied.acknowledge, alreadyClosed: false };
      },
      // A close of a large batch takes seconds: the interactive transaction must outlive it.
      { timeoutMs: 10 * 60 * 1000 },
    );
    if (outcome.acknowledge.length) await this.processor.acknowledgeNetworkEvents(outcome.acknowledge);
    this.outbox?.wake();
    return {
      batchRef: outcome.batchRef,
      settlementBatchId: outcome.batchRef ? toWireId(outcome.batchRef) : null,
      alreadyClosed: outcome.alreadyClosed,
    };
  }
}
