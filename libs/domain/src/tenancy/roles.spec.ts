import { describe, expect, it } from 'vitest';
import { DomainError, ErrorCode } from '../errors/domain-error';
import { assertCan, owningOrganization, scopeOf, type Actor } from './actor';
import { isValidTimeZone } from '../settlement/calendar';
import { can, Permission, Role } from './roles';

const actor = (role: Role, organizationId: string | null = 'org-1'): Actor => ({
  userId: 'u',
  email: 'e',
  role,
  organizationId,
  ip: null,
});

describe('role permissions (tenancy.md)', () => {
  it('lets practice admins configure, but not create organizations', () => {
    expect(can(Role.PRACTICE_ADMIN, Permission.MERCHANTS_WRITE)).toBe(true);
    expect(can(Role.PRACTICE_ADMIN, Permission.CREDENTIALS_WRITE)).toBe(true);
    expect(can(Role.PRACTICE_ADMIN, Permission.ORGANIZATIONS_CREATE)).toBe(false);
  });

  it('keeps finance read-only', () => {
    expect(can(Role.FINANCE, Permission.MERCHANTS_READ)).toBe(true);
    expect(can(Role.FINANCE, Permission.TRANSACTIONS_READ)).toBe(true);
    for (const p of [
      Permission.MERCHANTS_WRITE,
      Permission.USERS_READ,
      Permission.CREDENTIALS_READ,
      Permission.AUDIT_READ,
    ]) {
      expect(can(Role.FINANCE, p)).toBe(false);
    }
  });

  it('lets finance review and resend webhooks, and only practice admins configure them', () => {
    expect(can(Role.FINANCE, Permission.WEBHOOKS_READ)).toBe(true);
    expect(can(Role.FINANCE, Permission.WEBHOOKS_RESEND)).toBe(true);
    expect(can(Role.FINANCE, Permission.WEBHOOKS_WRITE)).toBe(false);
    expect(can(Role.PRACTICE_ADMIN, Permission.WEBHOOKS_WRITE)).toBe(true);
    for (const p of [Permission.WEBHOOKS_READ, Permission.WEBHOOKS_WRITE, Permission.WEBHOOKS_RESEND])
      expect(can(Role.PARTNER_DEVELOPER, p)).toBe(false);
  });

  it('lets practice administrators take payments, not finance or partner developers', () => {
    expect(can(Role.PRACTICE_ADMIN, Permission.PAYMENTS_TAKE)).toBe(true);
    expect(can(Role.FINANCE, Permission.PAYMENTS_TAKE)).toBe(false);
    expect(can(Role.PARTNER_DEVELOPER, Permission.PAYMENTS_TAKE)).toBe(false);
  });

  it('lets partner developers manage their own credentials only', () => {
    expect(can(Role.PARTNER_DEVELOPER, Permission.CREDENTIALS_WRITE)).toBe(true);
    expect(can(Role.PARTNER_DEVELOPER, Permission.MERCHANTS_WRITE)).toBe(false);
    expect(can(Role.PARTNER_DEVELOPER, Permission.USERS_WRITE)).toBe(false);
  });

  it('lets admins configure SFTP accounts, finance read them, and partners neither', () => {
    for (const role of [Role.PRACTICE_ADMIN, Role.PLATFORM_ADMIN]) {
      expect(can(role, Permission.SFTP_ACCOUNTS_READ)).toBe(true);
      expect(can(role, Permission.SFTP_ACCOUNTS_MANAGE)).toBe(true);
    }
    expect(can(Role.FINANCE, Permission.SFTP_ACCOUNTS_READ)).toBe(true);
    expect(can(Role.FINANCE, Permission.SFTP_ACCOUNTS_MANAGE)).toBe(false);
    expect(can(Role.PARTNER_DEVELOPER, Permission.SFTP_ACCOUNTS_READ)).toBe(false);
    expect(can(Role.PARTNER_DEVELOPER, Permission.SFTP_ACCOUNTS_MANAGE)).toBe(false);
  });

  it('gives platform admins every permission', () => {
    for (const p of Object.values(Permission)) expect(can(Role.PLATFORM_ADMIN, p)).toBe(true);
  });

  it('refuses with a FORBIDDEN domain error', () => {
    expect(() => assertCan(actor(Role.FINANCE), Permission.USERS_WRITE)).toThrowError(
      expect.objectContaining({ code: ErrorCode.FORBIDDEN }) as unknown as Error,
    );
  });
});

describe('tenant scope', () => {
  it('is the platform for platform admins and the organization otherwise', () => {
    expect(scopeOf(actor(Role.PLATFORM_ADMIN, null))).toEqual({ kind: 'platform' });
    expect(scopeOf(actor(Role.FINANCE, 'org-9'))).toEqual({ kind: 'organization', organizationId: 'org-9' });
  });

  it('refuses a tenant user without an organization', () => {
    expect(() => scopeOf(actor(Role.FINANCE, null))).toThrow(DomainError);
  });

  it('ignores a requested organization unless the actor is a platform admin', () => {
    expect(owningOrganization(actor(Role.PRACTICE_ADMIN, 'mine'), 'theirs')).toBe('mine');
    expect(owningOrganization(actor(Role.PLATFORM_ADMIN, null), 'theirs')).toBe('theirs');
    expect(() => owningOrganization(actor(Role.PLATFORM_ADMIN, null), undefined)).toThrow(
      /organizationId is required/,
    );
  });
});

describe('identifiers', () => {
  it('accepts IANA time zones only', () => {
    expect(isValidTimeZone('America/Chicago')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});
