import { Injectable } from '@nestjs/common';
import { type Actor, assertCan, DomainError, Permission, scopeOf } from '@conduit/domain';
import { type ListQuery, UnitOfWork, type WebhookDeliveryRow } from '@conduit/db';
import { toWireId } from '@conduit/payments';
import { auditOf } from '@conduit/tenancy';
import { webhookIdOf } from './webhook-sender';

/** The admin API's delivery record (docs/webhooks.md). */
export function deliveryView(d: WebhookDeliveryRow) {
  return {
    id: d.id,
    webhookId: webhookIdOf(d.id),
    endpointId: d.endpointId,
    endpointUrl: d.endpoint.url,
    merchantId: d.endpoint.merchant.merchantId,
    eventId: d.eventId,
    eventType: d.eventType,
    transactionId: d.transactionId ? toWireId(d.transactionId) : null,
    workflowStatus: d.workflowStatus,
    attemptCount: d.attemptsLog.length,
    attempts: d.attemptsLog.map((a) => ({
      number: a.number,
      startedAt: a.startedAt,
      durationMs: a.durationMs,
      httpStatus: a.httpStatus,
      postingMessage: a.postingMessage,
      errorClass: a.errorClass,
    })),
    postingMessage: d.postingMessage,
    lastHttpStatus: d.lastHttpStatus,
    nextAttemptAt:
      d.workflowStatus === 'COMPLETE' || d.workflowStatus === 'POSTING_ERROR' ? null : d.nextAttemptAt,
    completedAt: d.completedAt,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
}

/** Finance staff and admins review deliveries and resend them (webhooks.md "Delivery"). */
@Injectable()
export class WebhookDeliveriesService {
  constructor(private readonly uow: UnitOfWork) {}

  async list(actor: Actor, query: ListQuery) {
    assertCan(actor, Permission.WEBHOOKS_READ);
    const { rows, total } = await this.uow.read.forScope(scopeOf(actor)).webhookDeliveries.list(query);
    return { rows: rows.map(deliveryView), total };
  }

  async get(actor: Actor, id: string) {
    assertCan(actor, Permission.WEBHOOKS_READ);
    const row = await this.uow.read.forScope(scopeOf(actor)).webhookDeliveries.get(id);
    if (!row) throw DomainError.notFound('Webhook delivery');
    return deliveryView(row);
  }

  /** A fresh series of attempts with the same `webhook-id`; a worker's dispatcher leases it within a second. */
  async resend(actor: Actor, id: string) {
    assertCan(actor, Permission.WEBHOOKS_RESEND);
    const row = await this.uow.read.forScope(scopeOf(actor)).webhookDeliveries.get(id);
    if (!row) throw DomainError.notFound('Webhook delivery');
    await this.uow.run(async (r) => {
      if (!(await r.forScope(scopeOf(actor)).webhookDeliveries.restartOne(id)))
        throw DomainError.conflict('This delivery is still being attempted; wait for it to finish');
      await r.audit.record(auditOf(actor, row.organizationId, 'resend', 'webhook-deliveries', id));
    });
    return this.get(actor, id);
  }

  /** Resends every delivery in posting error that matches the filter. */
  async resendMatching(actor: Actor, filter: Record<string, unknown>) {
    assertCan(actor, Permission.WEBHOOKS_RESEND);
    const resent = await this.uow.run(async (r) => {
      const count = await r.forScope(scopeOf(actor)).webhookDeliveries.restartFailedMatching(filter);
      await r.audit.record(
        auditOf(actor, actor.organizationId, 'resend', 'webhook-deliveries', null, { filter, resent: count }),
      );
      return count;
    });
    return { resent };
  }
}
