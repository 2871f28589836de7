import { describe, expect, it } from 'vitest';
import { SSO_ABANDONED_CLAIM_MS } from '@conduit/db';
import { parsePageForm } from './sso-page.service';
import { statusOf } from './sso.service';

const now = new Date('2026-01-01T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);

describe('statusOf', () => {
  it('expires unclaimed and abandoned tokens past expiry, never one a submission holds', () => {
    const expired = { status: 'NEW' as const, expiresAt: ago(1000) };
    expect(statusOf({ ...expired, claimedAt: null }, now)).toBe('EXPIRED');
    expect(statusOf({ ...expired, claimedAt: ago(5000) }, now)).toBe('NEW');
    expect(statusOf({ ...expired, claimedAt: ago(SSO_ABANDONED_CLAIM_MS + 1) }, now)).toBe('EXPIRED');
    expect(statusOf({ status: 'NEW', expiresAt: ago(-1000), claimedAt: ago(3_600_000) }, now)).toBe('NEW');
    expect(statusOf({ status: 'COMPLETE', expiresAt: ago(1000), claimedAt: null }, now)).toBe('COMPLETE');
  });
});

describe('parsePageForm', () => {
  it('takes each field once as text, and names a repeated or non-text field', () => {
    const { form, errors } = parsePageForm({
      cardNumber: ['4111111111111111', '5500000000000004'],
      cardExpiration: '12/30',
      amount: { nested: 1 },
      other: 'ignored',
    });
    expect(form).toEqual({ cardExpiration: '12/30' });
    expect(errors.map((e) => e.field)).toEqual(['amount', 'cardNumber']);
    expect(JSON.stringify(errors)).not.toContain('4111');
    expect(parsePageForm(undefined)).toEqual({ form: {}, errors: [] });
  });
});
