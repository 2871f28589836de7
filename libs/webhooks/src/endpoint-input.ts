import { DomainError, type FieldError } from '@conduit/domain';
import type { EndpointSecrets } from './endpoint-secrets';
import {
  CertificateProblem,
  checkUrlShape,
  SsrfRefusal,
  validateCaBundle,
  validateClientCertificate,
  vetUrl,
} from './core';

export const WEBHOOK_EVENT_TYPES = [
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

/** The admin API's writable fields (docs/webhooks.md); secrets: absent = keep, null or "" = clear. */
export interface EndpointInput {
  merchantId?: string;
  url?: string;
  format?: 'JSON' | 'XML' | 'NVP';
  events?: string[];
  sendPaymentNotifications?: boolean;
  sendPaymentPlanNotifications?: boolean;
  authType?: 'NONE' | 'BASIC' | 'OAUTH2';
  basicUsername?: string | null;
  basicPassword?: string | null;
  oauthTokenUrl?: string | null;
  oauthClientId?: string | null;
  oauthClientSecret?: string | null;
  oauthScope?: string | null;
  oauthAudience?: string | null;
  clientCertificatePem?: string | null;
  clientKeyPem?: string | null;
  clientKeyPassphrase?: string | null;
  caBundlePem?: string | null;
  enabled?: boolean;
  organizationId?: string;
}

/** The endpoint as stored after applying an input to what exists. */
export interface EndpointState {
  url: string;
  format: 'JSON' | 'XML' | 'NVP';
  events: string[];
  sendPaymentNotifications: boolean;
  sendPaymentPlanNotifications: boolean;
  authType: 'NONE' | 'BASIC' | 'OAUTH2';
  basicUsername: string | null;
  oauthTokenUrl: string | null;
  oauthClientId: string | null;
  oauthScope: string | null;
  oauthAudience: string | null;
  clientCertificatePem: string | null;
  clientCertificateExpiresAt: Date | null;
  caBundlePem: string | null;
  enabled: boolean;
  secrets: EndpointSecrets;
}

const blank = (v: string | null | undefined) => v === null || v === undefined || v.trim() === '';
/** absent keeps `current`; null or blank clears; otherwise the new value. */
function merge(next: string | null | undefined, current: string | null | undefined): string | null {
  if (next === undefined) return current ?? null;
  return blank(next) ? null : (next as string);
}

export interface VetOptions {
  allowHttp: boolean;
  allowPrivateTargets: boolean;
}

async function vet(field: string, url: string, o: VetOptions, errors: FieldError[]) {
  try {
    checkUrlShape(url, { allowHttp: o.allowHttp });
    await vetUrl(url, o);
  } catch (err) {
    const reason =
      err instanceof SsrfRefusal ? `${err.message} (refused: SSRF rules)` : (err as Error).message;
    errors.push({ field, message: `${field}: ${reason}` });
  }
}

/**
 * Applies an input to the current endpoint (or defaults for a new one) and validates the result:
 * URLs vetted (shape and SSRF), auth fields complete, certificate matches its key and is in date.
 */
export async function resolveEndpoint(
  input: EndpointInput,
  current: EndpointState | null,
  o: VetOptions,
): Promise<EndpointState> {
  const errors: FieldError[] = [];
  const c = current;
  const s: EndpointState = {
    url: input.url ?? c?.url ?? '',
    format: input.format ?? c?.format ?? 'JSON',
    events: input.events ?? c?.events ?? [],
    sendPaymentNotifications: input.sendPaymentNotifications ?? c?.sendPaymentNotifications ?? true,
    sendPaymentPlanNotifications:
      input.sendPaymentPlanNotifications ?? c?.sendPaymentPlanNotifications ?? true,
    authType: input.authType ?? c?.authType ?? 'NONE',
    basicUsername: merge(input.basicUsername, c?.basicUsername),
    oauthTokenUrl: merge(input.oauthTokenUrl, c?.oauthTokenUrl),
    oauthClientId: merge(input.oauthClientId, c?.oauthClientId),
    oauthScope: merge(input.oauthScope, c?.oauthScope),
    oauthAudience: merge(input.oauthAudience, c?.oauthAudience),
    clientCertificatePem: merge(input.clientCertificatePem, c?.clientCertificatePem),
    clientCertificateExpiresAt: c?.clientCertificateExpiresAt ?? null,
    caBundlePem: merge(input.caBundlePem, c?.caBundlePem),
    enabled: input.enabled ?? c?.enabled ?? true,
    secrets: {
      signingSecret: c?.secrets.signingSecret ?? '',
      previousSigningSecret: c?.secrets.previousSigningSecret ?? null,
      basicPassword: merge(input.basicPassword, c?.secrets.basicPassword),
      oauthClientSecret: merge(input.oauthClientSecret, c?.secrets.oauthClientSecret),
      clientKeyPem: merge(input.clientKeyPem, c?.secrets.clientKeyPem),
      clientKeyPassphrase: merge(input.clientKeyPassphrase, c?.secrets.clientKeyPassphrase),
    },
  };
  if (!s.url) errors.push({ field: 'url', message: 'url is required' });
  else if (input.url !== undefined || !c) await vet('url', s.url, o, errors);
  const unknown = s.events.filter((e) => !(WEBHOOK_EVENT_TYPES as readonly string[]).includes(e));
  if (unknown.length)
    errors.push({
      field: 'events',
      message: `events: unknown ${unknown.join(', ')} (known: ${WEBHOOK_EVENT_TYPES.join(', ')})`,
    });
  if (s.authType === 'BASIC') {
    if (blank(s.basicUsername))
      errors.push({ field: 'basicUsername', message: 'basicUsername is required for BASIC' });
    if (blank(s.secrets.basicPassword))
      errors.push({ field: 'basicPassword', message: 'basicPassword is required for BASIC' });
  }
  if (s.authType === 'OAUTH2') {
    if (blank(s.oauthTokenUrl))
      errors.push({ field: 'oauthTokenUrl', message: 'oauthTokenUrl is required for OAUTH2' });
    else if (input.oauthTokenUrl !== undefined || c?.authType !== 'OAUTH2')
      await vet('oauthTokenUrl', s.oauthTokenUrl as string, o, errors);
    if (blank(s.oauthClientId))
      errors.push({ field: 'oauthClientId', message: 'oauthClientId is required for OAUTH2' });
    if (blank(s.secrets.oauthClientSecret))
      errors.push({ field: 'oauthClientSecret', message: 'oauthClientSecret is required for OAUTH2' });
  }
  const certChanged =
    !c ||
    input.clientCertificatePem !== undefined ||
    input.clientKeyPem !== undefined ||
    input.clientKeyPassphrase !== undefined;
  if (certChanged) certificates(input, s, errors);
  if (errors.length) throw DomainError.validation(errors);
  return s;
}

function certificates(input: EndpointInput, s: EndpointState, errors: FieldError[]) {
  const cert = s.clientCertificatePem;
  const key = s.secrets.clientKeyPem;
  if (cert || key) {
    if (!cert)
      errors.push({
        field: 'clientCertificatePem',
        message: 'clientCertificatePem is required with clientKeyPem',
      });
    else if (!key)
      errors.push({ field: 'clientKeyPem', message: 'clientKeyPem is required with clientCertificatePem' });
    else
      try {
        const checked = validateClientCertificate({
          certificatePem: cert,
          keyPem: key,
          passphrase: s.secrets.clientKeyPassphrase ?? undefined,
        });
        s.clientCertificateExpiresAt = checked.expiresAt;
      } catch (err) {
        if (!(err instanceof CertificateProblem)) throw err;
        errors.push({ field: err.field, message: err.message });
      }
  } else {
    s.clientCertificateExpiresAt = null;
    s.secrets.clientKeyPassphrase = null;
  }
  if (s.caBundlePem && input.caBundlePem !== undefined)
    try {
      validateCaBundle(s.caBundlePem);
    } catch (err) {
      if (!(err instanceof CertificateProblem)) throw err;
      errors.push({ field: 'caBundlePem', message: err.message });
    }
}
