import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { CONDUIT_CONFIG, type ConduitConfig } from '@conduit/config';
import { type Actor, assertCan, DomainError, Permission, scopeOf } from '@conduit/domain';
import { UnitOfWork } from '@conduit/db';
import { DataKeys, wireDate } from '@conduit/payments';
import { REDIS } from '@conduit/queues';
import { destroyClient, EndpointClients } from './endpoint-clients';
import { WEBHOOK_EVENT_TYPES } from './endpoint-input';
import { WebhookEndpointsService } from './endpoints.service';
import { OAuthTokens } from './oauth-tokens';
import { shownRequest, WebhookSender } from './webhook-sender';
import type { WebhookFormat } from './core';

const ACTIONS: Record<string, string> = { Voided: 'Void', Refunded: 'SimpleRefund' };

/** A sample event of a type: the payload shape of a real one, with sandbox test values. */
export function samplePayload(eventType: string, merchantId: string): Record<string, string | boolean> {
  const declined = eventType === 'Declined';
  return {
    EventID: randomUUID(),
    EventType: eventType,
    ResponseDateTime: wireDate(new Date()),
    PaymentTransactionID: randomBytes(16).toString('hex'),
    TransactionAction: ACTIONS[eventType] ?? 'Sale',
    TransactionType: 'CreditCard',
    RequestAmount: '10.00',
    Amount: declined ? '0.00' : '10.00',
    IsPartiallyApproved: false,
    CurrentTransactionStatusCode: declined ? 'D' : 'A',
    ResponseCode: declined ? '005' : '000',
    ResponseMessage: declined ? 'Declined' : 'Approved',
    ...(declined ? {} : { AuthorizationCode: '123456' }),
    CardType: 'Visa',
    CardLastFourDigits: '************1111',
    ExpDate: '12/30',
    CardHolderName: 'Sample Patient',
    Outlet: `${merchantId}-001-001`,
    MerchantID: merchantId,
    StoreID: '001',
    TerminalID: '001',
    PatientID: 'SAMPLE-1',
    WorkflowStatus: 'PENDING',
  };
}

/** The samples wizard and the endpoint health view (admin-api.md `webhook-endpoints`). */
@Injectable()
export class WebhookSamplesService {
  private readonly clients: EndpointClients;
  private readonly sender: WebhookSender;

  constructor(
    private readonly endpoints: WebhookEndpointsService,
    private readonly uow: UnitOfWork,
    dataKeys: DataKeys,
    @Inject(CONDUIT_CONFIG) config: ConduitConfig,
    @Inject(REDIS) redis: Redis,
  ) {
    this.clients = new EndpointClients(dataKeys, config.webhooks.allowPrivateTargets);
    this.sender = new WebhookSender(
      new OAuthTokens(redis, config.webhooks.timeoutMs),
      config.webhooks.timeoutMs,
      `Conduit-Webhooks/${config.version}`,
    );
  }

  /** Posts a sample now and answers the exact request (Authorization hidden) and response. */
  async test(actor: Actor, id: string, input: { eventType?: string; format?: string }) {
    assertCan(actor, Permission.WEBHOOKS_WRITE);
    const eventType = input.eventType ?? 'Approved';
    if (!(WEBHOOK_EVENT_TYPES as readonly string[]).includes(eventType))
      throw DomainError.validation([
        { field: 'eventType', message: `eventType must be one of ${WEBHOOK_EVENT_TYPES.join(', ')}` },
      ]);
    if (input.format !== undefined && !['JSON', 'XML', 'NVP'].includes(input.format))
      throw DomainError.validation([{ field: 'format', message: 'format must be JSON, XML or NVP' }]);
    const row = await this.endpoints.row(actor, id);
    const client = this.clients.build(row);
    try {
      const msgId = `msg_sample_${randomBytes(12).toString('hex')}`;
      const request = this.sender.build(
        client,
        msgId,
        samplePayload(eventType, row.merchant.merchantId),
        input.format as WebhookFormat | undefined,
      );
      const { result } = await this.sender.send(client, request);
      const answered = result.status !== null;
      return {
        request: shownRequest(request),
        response: answered
          ? {
              status: result.status,
              reasonPhrase: result.reasonPhrase,
              headers: result.headers,
              body: result.body,
            }
          : null,
        error: result.error,
        durationMs: result.durationMs,
        success: answered && (result.status as number) >= 200 && (result.status as number) < 300,
      };
    } finally {
      destroyClient(client);
    }
  }

  /** Success rate and last failure over the last 7 days; deliveries waiting now. */
  async health(actor: Actor, id: string) {
    assertCan(actor, Permission.WEBHOOKS_READ);
    await this.endpoints.row(actor, id);
    const since = new Date(Date.now() - 7 * 24 * 3600 * 1000);
    const h = await this.uow.read.forScope(scopeOf(actor)).webhookDeliveries.health(id, since);
    const attempts = h.attempts.reduce((n, a) => n + a._count._all, 0);
    const succeeded = h.attempts.find((a) => a.errorClass === null)?._count._all ?? 0;
    const waiting = (s: string) => h.statuses.find((x) => x.workflowStatus === s)?._count._all ?? 0;
    return {
      endpointId: id,
      since,
      attempts,
      succeeded,
      failed: attempts - succeeded,
      successRate: attempts ? succeeded / attempts : null,
      lastSuccessAt: h.lastSuccess?.startedAt ?? null,
      lastFailureAt: h.lastFailure?.startedAt ?? null,
      lastFailureMessage: h.lastFailure?.postingMessage ?? null,
      pending: waiting('PENDING'),
      pendingPostingRetry: waiting('PENDING_POSTING_RETRY'),
      postingErrors: waiting('POSTING_ERROR'),
    };
  }
}
