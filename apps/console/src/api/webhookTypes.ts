/** Admin API shapes for webhooks (docs/webhooks.md); aliases of the generated types (./types.ts). */
import type { components } from './generated/admin-api';

type S = components['schemas'];

export type WebhookEndpoint = S['WebhookEndpoint'];
export type WebhookFormat = WebhookEndpoint['format'];
export type WebhookAuthType = WebhookEndpoint['authType'];
export type WorkflowStatus = S['WorkflowStatus'];
export type WebhookEndpointWithSecret = S['WebhookEndpointWithSecret'];
export type EndpointHealth = S['EndpointHealth'];
export type SampleResult = S['SampleResult'];
export type DeliveryAttempt = S['DeliveryAttempt'];
export type WebhookDeliveryRecord = S['WebhookDeliveryRecord'];

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
