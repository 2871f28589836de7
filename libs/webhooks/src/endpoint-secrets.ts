import type { DataKeys } from '@conduit/payments';

/** Everything secret about an endpoint: one AES-256-GCM blob, bound to the endpoint's id. */
export interface EndpointSecrets {
  signingSecret: string;
  previousSigningSecret?: string | null;
  basicPassword?: string | null;
  oauthClientSecret?: string | null;
  clientKeyPem?: string | null;
  clientKeyPassphrase?: string | null;
}

const context = (endpointId: string) => `whe:${endpointId}`;

export function sealSecrets(
  dataKeys: DataKeys,
  key: { id: string; key: Buffer },
  endpointId: string,
  secrets: EndpointSecrets,
): Uint8Array<ArrayBuffer> {
  return dataKeys.encrypt(key, JSON.stringify(secrets), context(endpointId)) as Uint8Array<ArrayBuffer>;
}

export function openSecrets(
  dataKeys: DataKeys,
  row: {
    id: string;
    secretsCiphertext: Uint8Array;
    dataKey: { id: string; wrappedKey: Uint8Array; masterVersion: number };
  },
): EndpointSecrets {
  return JSON.parse(dataKeys.decrypt(row.dataKey, row.secretsCiphertext, context(row.id))) as EndpointSecrets;
}

/** The secrets that sign now: the current one, and the previous one during its grace period. */
export function signingSecrets(
  secrets: EndpointSecrets,
  previousValidUntil: Date | null,
  now = new Date(),
): string[] {
  const previous =
    secrets.previousSigningSecret && previousValidUntil && previousValidUntil > now
      ? [secrets.previousSigningSecret]
      : [];
  return [secrets.signingSecret, ...previous];
}
