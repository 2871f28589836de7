import { Injectable, Optional } from '@nestjs/common';
import { assertMove, TransactionStatus } from '@conduit/domain';
import { UnitOfWork } from '@conduit/db';
import { OutboxSignal } from '@conduit/queues';
import { EventType, webhookPayload } from '../events';
import { newId } from '../ids';
import { viewOf } from '../transaction-view';
import { SystemPrincipal, systemAudit } from './system-principal';

export const AUTHORIZATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
const PAGE = 500;

/**
 * Authorizations not captured within 7 days become X (payments.md), releasing the hold. Each
 * expiry is a state change like any other: the primary is locked at its merchant, the move is
 * checked, and the change, its `Voided` event (the hold is released; the status says X) and an
 * audit entry by `system:scheduler` commit together. A capture racing the expiry waits for the
 * lock and then finds the authorization cancelled, or wins and the expiry skips it.
 */
@Injectable()
export class AuthorizationExpiryService {
  constructor(
    private readonly uow: UnitOfWork,
    @Optional() private readonly outbox?: OutboxSignal,
  ) {}

  async expire(olderThanMs = AUTHORIZATION_LIFETIME_MS, now = new Date()): Promise<number> {
    const before = new Date(now.getTime() - olderThanMs);
    let expired = 0;
    for (;;) {
      const due = await this.uow.read.housekeeping.expiredAuthorizations(before, PAGE);
      for (const t of due) if (await this.expireOne(t, now)) expired++;
      if (due.length < PAGE) break;
    }
    if (expired) this.outbox?.wake();
    return expired;
  }

  private expireOne(t: { id: string; merchantRef: string; organizationId: string }, now: Date) {
    return this.uow.run(async (r) => {
      const at = r.atMerchant({ id: t.merchantRef, organizationId: t.organizationId });
      const primary = await at.transactions.primaryForUpdate(t.id);
      if (!primary || primary.status !== TransactionStatus.Authorized) return false;
      assertMove(TransactionStatus.Authorized, TransactionStatus.Cancelled);
      const updated = await at.transactions.update(t.id, {
        status: TransactionStatus.Cancelled,
        updatedAt: now,
      });
      const eventId = newId();
      await at.transactions.addEvent(t.id, {
        id: eventId,
        eventType: EventType.Voided,
        payload: webhookPayload(eventId, EventType.Voided, viewOf(updated)),
      });
      await r.audit.record(
        systemAudit(SystemPrincipal.Scheduler, {
          organizationId: t.organizationId,
          action: 'transaction.expire-authorization',
          resource: 'transaction',
          resourceId: t.id,
          changes: { from: 'A', to: 'X' },
        }),
      );
      return true;
    });
  }
}
