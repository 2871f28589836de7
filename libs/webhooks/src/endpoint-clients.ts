import type http from 'node:http';
import ipaddr from 'ipaddr.js';
import type { WebhookEndpointRow } from '@conduit/db';
import type { DataKeys } from '@conduit/payments';
import { createAgent, type PostTarget } from './http-post';
import { type EndpointSecrets, openSecrets } from './endpoint-secrets';
import type { TokenSeal } from './oauth-tokens';
import { classifyAddress, isAllowedAddress, pinnedLookup, SsrfRefusal } from './core';

/** Node connects to an IP-literal host without calling `lookup`: vet those here. */
function literalRefusal(url: URL, allowPrivateTargets: boolean): string | undefined {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!ipaddr.isValid(host)) return undefined;
  if (isAllowedAddress(host, { allowPrivateTargets })) return undefined;
  return new SsrfRefusal(host, host, classifyAddress(host)).message;
}

/** An endpoint ready to post to: decrypted secrets and keep-alive agents with the pinned lookup. */
export interface EndpointClient {
  row: WebhookEndpointRow;
  secrets: EndpointSecrets;
  target: PostTarget;
  /** The OAuth2 token endpoint, when the endpoint uses OAuth2. */
  tokenTarget: PostTarget | null;
  seal: TokenSeal;
}

interface Entry {
  client: EndpointClient;
  loadedAt: number;
}

/**
 * Per-process cache of endpoint clients. A row is re-read after `maxAgeMs`; agents are rebuilt
 * only when the endpoint changed (its `updatedAt`), so keep-alive connections survive re-reads.
 */
export class EndpointClients {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly dataKeys: DataKeys,
    private readonly allowPrivateTargets: boolean,
    private readonly maxAgeMs = 2000,
  ) {}

  async get(
    id: string,
    load: (id: string) => Promise<WebhookEndpointRow | null>,
  ): Promise<EndpointClient | null> {
    const entry = this.entries.get(id);
    if (entry && Date.now() - entry.loadedAt < this.maxAgeMs) return entry.client;
    const row = await load(id);
    if (!row) {
      this.drop(id);
      return null;
    }
    if (entry && entry.client.row.updatedAt.getTime() === row.updatedAt.getTime()) {
      entry.client.row = row;
      entry.loadedAt = Date.now();
      return entry.client;
    }
    this.drop(id);
    const client = this.build(row);
    this.entries.set(id, { client, loadedAt: Date.now() });
    return client;
  }

  /** A one-off client (samples, and endpoints being saved): the caller destroys its agents. */
  build(row: WebhookEndpointRow, secrets: EndpointSecrets = openSecrets(this.dataKeys, row)): EndpointClient {
    const lookup = pinnedLookup({ allowPrivateTargets: this.allowPrivateTargets });
    const tls = {
      cert: row.clientCertificatePem ?? undefined,
      key: secrets.clientKeyPem ?? undefined,
      passphrase: secrets.clientKeyPassphrase ?? undefined,
      ca: row.caBundlePem ?? undefined,
    };
    const url = new URL(row.url);
    const tokenUrl = row.authType === 'OAUTH2' && row.oauthTokenUrl ? new URL(row.oauthTokenUrl) : null;
    const key = this.dataKeys.key(row.dataKey);
    const context = `oauth:${row.id}`;
    return {
      row,
      secrets,
      target: {
        url,
        agent: createAgent(url, lookup, tls),
        refusal: literalRefusal(url, this.allowPrivateTargets),
      },
      tokenTarget: tokenUrl
        ? {
            url: tokenUrl,
            agent: createAgent(tokenUrl, lookup, tls),
            refusal: literalRefusal(tokenUrl, this.allowPrivateTargets),
          }
        : null,
      seal: {
        seal: (token) =>
          Buffer.from(this.dataKeys.encrypt({ id: row.dataKeyId, key }, token, context)).toString('base64'),
        open: (sealed) => this.dataKeys.decrypt(row.dataKey, Buffer.from(sealed, 'base64'), context),
      },
    };
  }

  private drop(id: string) {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    // Posts in flight may still use these agents: let them finish first.
    setTimeout(() => destroyClient(entry.client), 60_000).unref();
  }

  close() {
    for (const entry of this.entries.values()) destroyClient(entry.client);
    this.entries.clear();
  }
}

export function destroyClient(client: EndpointClient) {
  for (const agent of [client.target.agent, client.tokenTarget?.agent])
    (agent as http.Agent | undefined)?.destroy();
}
