import type { EndpointClient } from './endpoint-clients';
import { signingSecrets } from './endpoint-secrets';
import { post, type PostResult } from './http-post';
import { OAuthTokenError, type OAuthClient, type OAuthTokens } from './oauth-tokens';
import { renderPayload, webhookHeaders, type WebhookFormat } from './core';

/** The exact request Conduit posts (also what the samples wizard shows). */
export interface WebhookRequest {
  method: 'POST';
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface SendOutcome {
  request: WebhookRequest;
  result: PostResult;
}

/** `webhook-id`: stable for one event to one endpoint (the delivery's id). */
export function webhookIdOf(deliveryId: string): string {
  return `msg_${deliveryId.replace(/-/g, '')}`;
}

const REDACTED = '[redacted]';

/** The request with its Authorization header hidden, for people to look at. */
export function shownRequest(request: WebhookRequest): WebhookRequest {
  const headers = { ...request.headers };
  if (headers.authorization) headers.authorization = `${headers.authorization.split(' ')[0]} ${REDACTED}`;
  return { ...request, headers };
}

function oauthClient(c: EndpointClient): OAuthClient {
  const r = c.row;
  return {
    tokenUrl: r.oauthTokenUrl ?? '',
    clientId: r.oauthClientId ?? '',
    clientSecret: c.secrets.oauthClientSecret ?? '',
    scope: r.oauthScope,
    audience: r.oauthAudience,
  };
}

/**
 * Renders, signs, authenticates and posts one event (webhooks.md "Delivery"): a post with no
 * status (timeout, reset) is tried once more at once; an OAuth2 401 refreshes the token once.
 */
export class WebhookSender {
  constructor(
    private readonly tokens: OAuthTokens,
    private readonly timeoutMs: number,
    private readonly userAgent: string,
  ) {}

  build(
    c: EndpointClient,
    msgId: string,
    fields: Record<string, string | boolean>,
    format?: WebhookFormat,
  ): WebhookRequest {
    const { body, contentType } = renderPayload(format ?? c.row.format, fields);
    const headers: Record<string, string> = {
      'content-type': contentType,
      'user-agent': this.userAgent,
      ...webhookHeaders({
        msgId,
        timestampSec: Math.floor(Date.now() / 1000),
        body,
        secrets: signingSecrets(c.secrets, c.row.previousSecretValidUntil),
      }),
    };
    if (c.row.authType === 'BASIC') {
      const user = `${c.row.basicUsername ?? ''}:${c.secrets.basicPassword ?? ''}`;
      headers.authorization = `Basic ${Buffer.from(user).toString('base64')}`;
    }
    return { method: 'POST', url: c.row.url, headers, body };
  }

  async send(c: EndpointClient, request: WebhookRequest): Promise<SendOutcome> {
    const started = performance.now();
    const oauth = c.row.authType === 'OAUTH2' && c.tokenTarget ? oauthClient(c) : null;
    const tokenTarget = c.tokenTarget;
    try {
      let token: string | null = null;
      if (oauth && tokenTarget) {
        token = await this.tokens.token(c.row.id, oauth, tokenTarget, c.seal);
        request.headers.authorization = `Bearer ${token}`;
      }
      let result = await this.twice(c, request);
      if (oauth && tokenTarget && token && result.status === 401) {
        // Every post that got a 401 for this token shares one refresh.
        token = await this.tokens.refresh(c.row.id, oauth, tokenTarget, c.seal, token);
        request.headers.authorization = `Bearer ${token}`;
        result = await this.twice(c, request);
      }
      return { request, result: { ...result, durationMs: Math.round(performance.now() - started) } };
    } catch (err) {
      if (!(err instanceof OAuthTokenError)) throw err;
      return {
        request,
        result: {
          status: null,
          reasonPhrase: null,
          headers: {},
          body: '',
          durationMs: Math.round(performance.now() - started),
          error: `OAuth2: ${err.message}`,
          errorClass: 'oauth',
        },
      };
    }
  }

  /** One post, and at once a second when no status came back (not after an SSRF refusal). */
  private async twice(c: EndpointClient, request: WebhookRequest): Promise<PostResult> {
    const first = await post(c.target, request.headers, request.body, this.timeoutMs);
    if (first.status !== null || first.errorClass === 'ssrf') return first;
    return post(c.target, request.headers, request.body, this.timeoutMs);
  }
}
