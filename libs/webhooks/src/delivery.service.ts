import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import { CONDUIT_CONFIG, type ConduitConfig } from '@conduit/config';
import { type AttemptRecord, type LeasedDelivery, UnitOfWork } from '@conduit/db';
import { inStoredTrace, metrics, safeLabel } from '@conduit/observability';
import { DataKeys } from '@conduit/payments';
import { REDIS } from '@conduit/queues';
import { Coalescer } from './coalescer';
import { EndpointClients } from './endpoint-clients';
import { type PostResult, postingMessage } from './http-post';
import { OAuthTokens } from './oauth-tokens';
import { WebhookSender, webhookIdOf } from './webhook-sender';

export type DeliveryStatus = 'COMPLETE' | 'PENDING_POSTING_RETRY' | 'POSTING_ERROR';

/** What follows an attempt: success, another attempt later, or posting error (webhooks.md). */
export function nextStatus(success: boolean, attemptNumber: number, maxAttempts: number): DeliveryStatus {
  if (success) return 'COMPLETE';
  return attemptNumber >= maxAttempts ? 'POSTING_ERROR' : 'PENDING_POSTING_RETRY';
}

export interface DeliveryOutcome {
  deliveryId: string;
  status: DeliveryStatus;
  httpStatus: number | null;
}

/**
 * Leases owed deliveries in batches, and posts each leased one: post, then record the attempt and
 * its new workflow status. The worker's dispatcher decides when to lease (decision 0043).
 */
@Injectable()
export class WebhookDeliveryService implements OnApplicationShutdown {
  private readonly clients: EndpointClients;
  private readonly sender: WebhookSender;
  private readonly settings: ConduitConfig['webhooks'];
  private readonly leaseMs: number;
  private readonly records: Coalescer<AttemptRecord, undefined>;

  constructor(
    private readonly uow: UnitOfWork,
    dataKeys: DataKeys,
    @Inject(CONDUIT_CONFIG) config: ConduitConfig,
    @Inject(REDIS) redis: Redis,
  ) {
    this.settings = config.webhooks;
    // Long enough for a token fetch and two posts; a crashed worker's lease lapses after it.
    this.leaseMs = 3 * config.webhooks.timeoutMs + 5000;
    const engine = uow.read.webhookEngine;
    // Two record statements in flight at most: the attempts finished meanwhile go in the next one
    // (decision 0038), so a drain records many deliveries a statement.
    this.records = new Coalescer(
      async (list) => {
        await engine.recordMany(list);
        return list.map(() => undefined);
      },
      200,
      2,
    );
    this.clients = new EndpointClients(dataKeys, config.webhooks.allowPrivateTargets);
    this.sender = new WebhookSender(
      new OAuthTokens(redis, config.webhooks.timeoutMs),
      config.webhooks.timeoutMs,
      `Conduit-Webhooks/${config.version}`,
    );
  }

  /** Up to `limit` deliveries owed an attempt now, leased to this worker for one post each. */
  leaseDue(limit: number): Promise<LeasedDelivery[]> {
    return this.uow.read.webhookEngine.leaseDue(limit, this.leaseMs);
  }

  /** One post of a delivery this worker leased, and its attempt record. */
  async deliver(d: LeasedDelivery): Promise<DeliveryOutcome> {
    const startedAt = new Date();
    const started = performance.now();
    // The post continues the trace of the request that made the event (decision 0036).
    const result = await inStoredTrace(d.traceContext, 'webhook.deliver', async (span) => {
      span?.setAttributes({
        'conduit.webhook.event_type': d.eventType,
        'conduit.webhook.attempt': d.attempts + 1,
      });
      let posted: PostResult;
      try {
        posted = await this.post(d);
      } catch (err) {
        posted = failure(`could not post: ${(err as Error).message}`, 'config');
      }
      span?.setAttribute('conduit.webhook.http_status', posted.status ?? 0);
      return posted;
    });
    const attemptNumber = d.attempts + 1;
    const success = result.status !== null && result.status >= 200 && result.status < 300;
    metrics()?.webhookAttempts.inc({
      result: success ? 'success' : 'failure',
      error_class: safeLabel(result.errorClass),
    });
    const status = nextStatus(success, attemptNumber, this.settings.maxAttempts);
    await this.records.call({
      deliveryId: d.id,
      attemptId: randomUUID(),
      startedAt,
      durationMs: result.durationMs,
      httpStatus: result.status,
      postingMessage: postingMessage(result),
      errorClass: result.errorClass,
      workflowStatus: status,
      nextAttemptAt:
        status === 'PENDING_POSTING_RETRY' ? new Date(Date.now() + this.settings.retryIntervalMs) : null,
    });
    metrics()?.webhookPostDuration.observe(
      { result: success ? 'success' : 'failure' },
      (performance.now() - started) / 1000,
    );
    return { deliveryId: d.id, status, httpStatus: result.status };
  }

  private async post(d: LeasedDelivery): Promise<PostResult> {
    const client = await this.clients.get(d.endpointId, (id) =>
      this.uow.read.webhookEngine.endpointForDelivery(id),
    );
    if (!client) return failure('the endpoint no longer exists', 'config');
    if (!client.row.enabled) return failure('the endpoint is disabled', 'config');
    const fields = { ...d.payload, WorkflowStatus: d.workflowStatus };
    const request = this.sender.build(client, webhookIdOf(d.id), fields);
    return (await this.sender.send(client, request)).result;
  }

  onApplicationShutdown() {
    this.clients.close();
  }
}

function failure(error: string, errorClass: PostResult['errorClass']): PostResult {
  return { status: null, reasonPhrase: null, headers: {}, body: '', durationMs: 0, error, errorClass };
}
