/** Admin API shapes for webhooks (docs/webhooks.md). */
export type WebhookFormat = 'JSON' | 'XML' | 'NVP';
export type WebhookAuthType = 'NONE' | 'BASIC' | 'OAUTH2';
export type WorkflowStatus = 'PENDING' | 'COMPLETE' | 'PENDING_POSTING_RETRY' | 'POSTING_ERROR';

export interface WebhookEndpoint {
  id: string;
  organizationId: string;
  merchantId: string;
  url: string;
  format: WebhookFormat;
  events: string[];
  sendPaymentNotifications: boolean;
  sendPaymentPlanNotifications: boolean;
  authType: WebhookAuthType;
  basicUsername: string | null;
  hasBasicPassword: boolean;
  oauthTokenUrl: string | null;
  oauthClientId: string | null;
  hasOauthClientSecret: boolean;
  oauthScope: string | null;
  oauthAudience: string | null;
  clientCertificatePem: string | null;
  clientCertificateExpiresAt: string | null;
  hasClientKey: boolean;
  hasClientKeyPassphrase: boolean;
  caBundlePem: string | null;
  previousSecretValidUntil: string | null;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface WebhookEndpointWithSecret extends WebhookEndpoint {
  signingSecret: string;
}

export interface EndpointHealth {
  endpointId: string;
  since: string;
  attempts: number;
  succeeded: number;
  failed: number;
  successRate: number | null;
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
  lastFailureMessage: string | null;
  pending: number;
  pendingPostingRetry: number;
  postingErrors: number;
}

export interface SampleResult {
  request: { method: string; url: string; headers: Record<string, string>; body: string };
  response: { status: number; reasonPhrase: string; headers: Record<string, string>; body: string } | null;
  error: string | null;
  durationMs: number;
  success: boolean;
}

export interface DeliveryAttempt {
  number: number;
  startedAt: string;
  durationMs: number;
  httpStatus: number | null;
  postingMessage: string | null;
  errorClass: string | null;
}

export interface WebhookDeliveryRecord {
  id: string;
  webhookId: string;
  endpointId: string;
  endpointUrl: string;
  merchantId: string;
  eventId: string;
  eventType: string;
  transactionId: string | null;
  workflowStatus: WorkflowStatus;
  attemptCount: number;
  attempts: DeliveryAttempt[];
  postingMessage: string | null;
  lastHttpStatus: number | null;
  nextAttemptAt: string | null;
  completedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export const EVENT_TYPES = [
  'Approved',
  'Declined',
  'Voided',
  'Refunded',
  'Returned',
  'Chargeback',
  'Settlement',
  'Error',
  'PaymentPlanCreated',
  'PaymentPlanUpdated',
] as const;
