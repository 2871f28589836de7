import { describe, expect, it } from 'vitest';
import { DomainError, ErrorCode } from '../errors/domain-error';
import type { Actor } from './actor';
import { assertRiskChangeAllowed, DEFAULT_MERCHANT_RISK } from './merchant-risk';
import { can, Permission, Role } from './roles';

const actor = (role: Role): Actor => ({ userId: 'u', email: 'e', role, organizationId: 'org', ip: null });
const suspended = { ...DEFAULT_MERCHANT_RISK, status: 'SUSPENDED' as const };

function refusal(fn: () => void): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('merchant risk controls (decision 0020)', () => {
  it('belong to platform admins alone', () => {
    expect(can(Role.PLATFORM_ADMIN, Permission.MERCHANTS_RISK_WRITE)).toBe(true);
    for (const role of [Role.PRACTICE_ADMIN, Role.FINANCE, Role.PARTNER_DEVELOPER])
      expect(can(role, Permission.MERCHANTS_RISK_WRITE)).toBe(false);
  });

  it('refuses a practice admin who changes any of them, naming the fields', () => {
    const admin = actor(Role.PRACTICE_ADMIN);
    const e = refusal(() => assertRiskChangeAllowed(admin, suspended, { status: 'ACTIVE' }));
    expect(e.code).toBe(ErrorCode.FORBIDDEN);
    expect(e.message).toBe('Only a platform administrator may change status');
    expect(
      refusal(() =>
        assertRiskChangeAllowed(admin, DEFAULT_MERCHANT_RISK, {
          allowUnreferencedRefunds: true,
          maxTransactionCents: 10_000_000,
        }),
      ).message,
    ).toBe('Only a platform administrator may change allowUnreferencedRefunds, maxTransactionAmount');
  });

  it('lets a practice admin send them back unchanged, and a platform admin change them', () => {
    expect(() =>
      assertRiskChangeAllowed(actor(Role.PRACTICE_ADMIN), suspended, {
        status: 'SUSPENDED',
        allowUnreferencedRefunds: false,
        maxTransactionCents: DEFAULT_MERCHANT_RISK.maxTransactionCents,
      }),
    ).not.toThrow();
    expect(() =>
      assertRiskChangeAllowed(actor(Role.PLATFORM_ADMIN), suspended, {
        status: 'ACTIVE',
        allowUnreferencedRefunds: true,
        maxTransactionCents: 1,
      }),
    ).not.toThrow();
  });
});
