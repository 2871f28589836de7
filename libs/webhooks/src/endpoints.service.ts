import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CONDUIT_CONFIG, type ConduitConfig } from '@conduit/config';
import { type Actor, assertCan, DomainError, owningOrganization, Permission, scopeOf } from '@conduit/domain';
import { type ListQuery, type Repositories, UnitOfWork, type WebhookEndpointRow } from '@conduit/db';
import { DataKeys } from '@conduit/payments';
import { auditOf } from '@conduit/tenancy';
import { type EndpointInput, type EndpointState, resolveEndpoint } from './endpoint-input';
import { openSecrets, sealSecrets } from './endpoint-secrets';
import { endpointView } from './endpoint-view';
import { newSigningSecret } from './core';

/** What the audit log may say about an endpoint change: no secret values, only that one changed. */
function auditChanges(input: EndpointInput) {
  const secret = ['basicPassword', 'oauthClientSecret', 'clientKeyPem', 'clientKeyPassphrase'] as const;
  const changes: Record<string, unknown> = { ...input };
  for (const k of secret) if (k in changes) changes[k] = changes[k] ? '[changed]' : '[cleared]';
  return changes;
}

/** Practice admins configure webhook endpoints (webhooks.md "Endpoints"); finance reads them. */
@Injectable()
export class WebhookEndpointsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly dataKeys: DataKeys,
    @Inject(CONDUIT_CONFIG) private readonly config: ConduitConfig,
  ) {}

  async list(actor: Actor, query: ListQuery) {
    assertCan(actor, Permission.WEBHOOKS_READ);
    const { rows, total } = await this.uow.read.forScope(scopeOf(actor)).webhookEndpoints.list(query);
    return { rows: rows.map((r) => endpointView(r, openSecrets(this.dataKeys, r))), total };
  }

  /** The row, or a 404 for another tenant's (or no) endpoint. */
  async row(actor: Actor, id: string): Promise<WebhookEndpointRow> {
    const row = await this.uow.read.forScope(scopeOf(actor)).webhookEndpoints.get(id);
    if (!row) throw DomainError.notFound('Webhook endpoint');
    return row;
  }

  async get(actor: Actor, id: string) {
    assertCan(actor, Permission.WEBHOOKS_READ);
    const row = await this.row(actor, id);
    return endpointView(row, openSecrets(this.dataKeys, row));
  }

  private state(row: WebhookEndpointRow): EndpointState {
    return {
      url: row.url,
      format: row.format,
      events: row.events,
      sendPaymentNotifications: row.sendPaymentNotifications,
      sendPaymentPlanNotifications: row.sendPaymentPlanNotifications,
      authType: row.authType,
      basicUsername: row.basicUsername,
      oauthTokenUrl: row.oauthTokenUrl,
      oauthClientId: row.oauthClientId,
      oauthScope: row.oauthScope,
      oauthAudience: row.oauthAudience,
      clientCertificatePem: row.clientCertificatePem,
      clientCertificateExpiresAt: row.clientCertificateExpiresAt,
      caBundlePem: row.caBundlePem,
      enabled: row.enabled,
      secrets: openSecrets(this.dataKeys, row),
    };
  }

  private async write(r: Repositories, id: string, s: EndpointState) {
    const key = await this.dataKeys.current(r);
    const { secrets, ...fields } = s;
    return { ...fields, dataKeyId: key.id, secretsCiphertext: sealSecrets(this.dataKeys, key, id, secrets) };
  }

  private vetOptions() {
    const w = this.config.webhooks;
    return { allowHttp: w.allowHttp, allowPrivateTargets: w.allowPrivateTargets };
  }

  /** Answers the endpoint with its signing secret: the only time the secret is shown. */
  async create(actor: Actor, input: EndpointInput) {
    assertCan(actor, Permission.WEBHOOKS_WRITE);
    const organizationId = owningOrganization(actor, input.organizationId);
    if (!input.merchantId)
      throw DomainError.validation([{ field: 'merchantId', message: 'merchantId is required' }]);
    const s = await resolveEndpoint(input, null, this.vetOptions());
    s.secrets.signingSecret = newSigningSecret();
    const id = randomUUID();
    return this.uow.run(async (r) => {
      const [merchant] = await r.merchants.findOwnedMany(organizationId, [input.merchantId as string]);
      if (!merchant)
        throw DomainError.validation([
          { field: 'merchantId', message: 'merchantId names no merchant of yours' },
        ]);
      const row = await r.forScope(scopeOf(actor)).webhookEndpoints.create({
        id,
        organizationId,
        merchantRef: merchant.id,
        ...(await this.write(r, id, s)),
      });
      await r.audit.record(
        auditOf(actor, organizationId, 'create', 'webhook-endpoints', id, auditChanges(input)),
      );
      return { ...endpointView(row, s.secrets), signingSecret: s.secrets.signingSecret };
    });
  }

  async update(actor: Actor, id: string, input: EndpointInput) {
    assertCan(actor, Permission.WEBHOOKS_WRITE);
    const existing = await this.row(actor, id);
    const s = await resolveEndpoint(input, this.state(existing), this.vetOptions());
    return this.uow.run(async (r) => {
      let merchantRef = existing.merchantRef;
      if (input.merchantId && input.merchantId !== existing.merchant.merchantId) {
        const [m] = await r.merchants.findOwnedMany(existing.organizationId, [input.merchantId]);
        if (!m)
          throw DomainError.validation([
            { field: 'merchantId', message: 'merchantId names no merchant of yours' },
          ]);
        merchantRef = m.id;
      }
      const row = await r
        .forScope(scopeOf(actor))
        .webhookEndpoints.update(id, { merchantRef, ...(await this.write(r, id, s)) });
      await r.audit.record(
        auditOf(actor, existing.organizationId, 'update', 'webhook-endpoints', id, auditChanges(input)),
      );
      return endpointView(row, s.secrets);
    });
  }

  async remove(actor: Actor, id: string) {
    assertCan(actor, Permission.WEBHOOKS_WRITE);
    const existing = await this.row(actor, id);
    await this.uow.run(async (r) => {
      await r.forScope(scopeOf(actor)).webhookEndpoints.remove(id);
      await r.audit.record(auditOf(actor, existing.organizationId, 'delete', 'webhook-endpoints', id));
    });
    return endpointView(existing, openSecrets(this.dataKeys, existing));
  }

  /** A new signing secret; the old one keeps signing beside it for the configured grace period. */
  async rotateSecret(actor: Actor, id: string) {
    assertCan(actor, Permission.WEBHOOKS_WRITE);
    const existing = await this.row(actor, id);
    const s = this.state(existing);
    s.secrets.previousSigningSecret = s.secrets.signingSecret;
    s.secrets.signingSecret = newSigningSecret();
    const grace = this.config.webhooks.secretRotationGraceMs;
    return this.uow.run(async (r) => {
      const row = await r.forScope(scopeOf(actor)).webhookEndpoints.update(id, {
        ...(await this.write(r, id, s)),
        previousSecretValidUntil: grace > 0 ? new Date(Date.now() + grace) : null,
      });
      await r.audit.record(auditOf(actor, existing.organizationId, 'rotate', 'webhook-endpoints', id));
      return { ...endpointView(row, s.secrets), signingSecret: s.secrets.signingSecret };
    });
  }
}
