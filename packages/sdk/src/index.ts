export { Conduit, type ConduitOptions } from './client.js';
export { ConduitError, type ConduitErrorCode, type FieldError } from './errors.js';
export type { RequestOptions } from './transport.js';
export type { PagedList } from './pages.js';
export type { SsoOutcome, WaitOptions } from './resources/sso.js';
export type { NvpFields, NvpOptions, NvpResponse } from './nvp.js';
export {
  parseWebhookBody,
  verifyWebhook,
  webhookFormat,
  type VerifyOptions,
  type WebhookHeaders,
} from './webhooks.js';
export type { WebhookEvent, WebhookEventShape, WebhookEventType, WebhookFormat } from './webhook-event.js';
export { parseSwipe, SwipeCollector, type Swipe } from './swipe.js';
export { parseHostedPageReturn, type HostedPageReturn } from './hosted-page.js';
export type * from './types.js';
/** Everything the REST OpenAPI document describes, for types the resources do not name. */
export type { components, operations, paths } from './generated/rest-api.js';
