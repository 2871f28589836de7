import { describe, expect, it } from 'vitest';
import { nextStatus } from './delivery.service';
import { signingSecrets } from './endpoint-secrets';
import { resolveEndpoint } from './endpoint-input';
import { cacheSeconds } from './oauth-tokens';
import { shownRequest, webhookIdOf } from './webhook-sender';

describe('delivery rules (webhooks.md "Delivery")', () => {
  it('retries until the last attempt, then posting error', () => {
    expect(nextStatus(true, 1, 5)).toBe('COMPLETE');
    expect(nextStatus(false, 1, 5)).toBe('PENDING_POSTING_RETRY');
    expect(nextStatus(false, 4, 5)).toBe('PENDING_POSTING_RETRY');
    expect(nextStatus(false, 5, 5)).toBe('POSTING_ERROR');
    expect(nextStatus(true, 5, 5)).toBe('COMPLETE');
  });

  it('keeps an OAuth2 token until shortly before it expires', () => {
    expect(cacheSeconds(3600)).toBe(3540);
    expect(cacheSeconds(300)).toBe(270);
    expect(cacheSeconds(30)).toBe(25);
    expect(cacheSeconds(3)).toBe(1);
  });

  it('signs with the previous secret only during its grace period', () => {
    const s = { signingSecret: 'whsec_new', previousSigningSecret: 'whsec_old' };
    const now = new Date('2026-11-24T00:00:00Z');
    expect(signingSecrets(s, new Date('2026-11-24T01:00:00Z'), now)).toEqual(['whsec_new', 'whsec_old']);
    expect(signingSecrets(s, new Date('2026-11-23T23:00:00Z'), now)).toEqual(['whsec_new']);
    expect(signingSecrets(s, null, now)).toEqual(['whsec_new']);
  });

  it('derives the webhook-id from the delivery id and hides credentials from people', () => {
    expect(webhookIdOf('0ca7530a-8608-4b46-8fff-132ab7f04491')).toBe('msg_0ca7530a86084b468fff132ab7f04491');
    const shown = shownRequest({
      method: 'POST',
      url: 'u',
      body: 'b',
      headers: { authorization: 'Bearer abc' },
    });
    expect(shown.headers.authorization).toBe('Bearer [redacted]');
  });
});

describe('endpoint input', () => {
  const o = { allowHttp: true, allowPrivateTargets: true };
  const base = { url: 'http://127.0.0.1:9/hook' };

  it('fills defaults for a new endpoint', async () => {
    expect(await resolveEndpoint(base, null, o)).toMatchObject({
      format: 'JSON',
      authType: 'NONE',
      events: [],
      enabled: true,
      sendPaymentNotifications: true,
    });
  });

  it('keeps a secret left out, clears one sent empty, and requires what the auth type needs', async () => {
    const basic = await resolveEndpoint(
      { ...base, authType: 'BASIC', basicUsername: 'u', basicPassword: 'p' },
      null,
      o,
    );
    const kept = await resolveEndpoint({ format: 'XML' }, basic, o);
    expect(kept.secrets.basicPassword).toBe('p');
    await expect(resolveEndpoint({ basicPassword: '' }, basic, o)).rejects.toMatchObject({
      details: { fieldErrors: [{ field: 'basicPassword' }] },
    });
    const none = await resolveEndpoint({ authType: 'NONE', basicPassword: null }, basic, o);
    expect(none.secrets.basicPassword).toBeNull();
  });

  it('refuses private targets unless allowed, and plain http unless allowed', async () => {
    await expect(resolveEndpoint(base, null, { ...o, allowPrivateTargets: false })).rejects.toMatchObject({
      details: { fieldErrors: [{ field: 'url' }] },
    });
    await expect(resolveEndpoint(base, null, { ...o, allowHttp: false })).rejects.toMatchObject({
      details: { fieldErrors: [{ field: 'url', message: expect.stringMatching(/https/) }] },
    });
  });
});
