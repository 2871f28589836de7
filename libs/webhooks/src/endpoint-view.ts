import type { WebhookEndpointRow } from '@conduit/db';
import type { EndpointSecrets } from './endpoint-secrets';

/** The admin API's endpoint record: secrets never, only whether each is set (docs/webhooks.md). */
export function endpointView(row: WebhookEndpointRow, secrets: EndpointSecrets) {
  return {
    id: row.id,
    organizationId: row.organizationId,
    merchantId: row.merchant.merchantId,
    url: row.url,
    format: row.format,
    events: row.events,
    sendPaymentNotifications: row.sendPaymentNotifications,
    sendPaymentPlanNotifications: row.sendPaymentPlanNotifications,
    authType: row.authType,
    basicUsername: row.basicUsername,
    hasBasicPassword: Boolean(secrets.basicPassword),
    oauthTokenUrl: row.oauthTokenUrl,
    oauthClientId: row.oauthClientId,
    hasOauthClientSecret: Boolean(secrets.oauthClientSecret),
    oauthScope: row.oauthScope,
    oauthAudience: row.oauthAudience,
    clientCertificatePem: row.clientCertificatePem,
    clientCertificateExpiresAt: row.clientCertificateExpiresAt,
    hasClientKey: Boolean(secrets.clientKeyPem),
    hasClientKeyPassphrase: Boolean(secrets.clientKeyPassphrase),
    caBundlePem: row.caBundlePem,
    previousSecretValidUntil: row.previousSecretValidUntil,
    enabled: row.enabled,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
