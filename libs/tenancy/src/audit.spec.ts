import { describe, expect, it } from 'vitest';
import { Role } from '@conduit/domain';
import { auditOf, redactChanges } from './audit';
import { cleanAllowlist } from './cidr-list';

describe('audit change records', () => {
  it('redacts secrets and drops undefined values', () => {
    const out = redactChanges({
      name: 'x',
      password: 'p',
      basicPassword: 'b',
      clientSecret: 's',
      signingKey: 'k',
      skip: undefined,
    });
    expect(out).toEqual({
      name: 'x',
      password: '[REDACTED]',
      basicPassword: '[REDACTED]',
      clientSecret: '[REDACTED]',
      signingKey: '[REDACTED]',
    });
  });

  it('keeps merchantIds lists readable', () => {
    expect(redactChanges({ merchantIds: ['6011000551245'] })).toEqual({ merchantIds: ['6011000551245'] });
  });

  it('records who acted, from where', () => {
    const entry = auditOf(
      { userId: 'u1', email: 'a@b', role: Role.PRACTICE_ADMIN, organizationId: 'o1', ip: '192.0.2.1' },
      'o1',
      'update',
      'merchants',
      'm1',
      {
        password: 'x',
      },
    );
    expect(entry).toMatchObject({
      actorId: 'u1',
      actorLabel: 'a@b',
      ip: '192.0.2.1',
      action: 'update',
      changes: { password: '[REDACTED]' },
    });
  });
});

describe('allowlist cleaning', () => {
  it('canonicalises and de-duplicates', () => {
    expect(cleanAllowlist(['10.0.0.0/8', ' 10.0.0.0/8', '2001:DB8::/32'])).toEqual([
      '10.0.0.0/8',
      '2001:db8::/32',
    ]);
  });

  it('names each bad entry', () => {
    expect(() => cleanAllowlist(['10.0.0.0/8', 'nope', '1.2.3.4/40'])).toThrowError(/"nope".*"1.2.3.4\/40"/);
  });

  it('leaves an absent list absent', () => {
    expect(cleanAllowlist(undefined)).toBeUndefined();
  });
});
