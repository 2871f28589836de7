import { randomUUID } from 'node:crypto';
import { type Actor, Role } from '@conduit/domain';
import { hashSecret } from '@conduit/crypto';
import type { DbClient } from '@conduit/db';

/** Small builders for integration tests: real rows, unique names, nothing mocked. */
export async function makeOrganization(
  db: DbClient,
  kind: 'PRACTICE' | 'PARTNER' = 'PRACTICE',
  ipAllowlist: string[] = [],
) {
  const slug = `org-${randomUUID().slice(0, 8)}`;
  return db.organization.create({ data: { name: `Org ${slug}`, slug, kind, ipAllowlist } });
}

let merchantSeq = 0;
export async function makeMerchant(
  db: DbClient,
  organizationId: string,
  extra: { ipAllowlist?: string[] } = {},
) {
  const merchantId = `9${String(Date.now()).slice(-8)}${String(++merchantSeq).padStart(4, '0')}`.slice(0, 13);
  return db.merchant.create({
    data: { organizationId, merchantId, name: `Merchant ${merchantId}`, ...extra },
  });
}

export async function makeCredential(
  db: DbClient,
  organizationId: string,
  kind: 'ACCOUNT' | 'API_KEY',
  secret: string,
) {
  const identifier =
    kind === 'ACCOUNT' ? `acct-${randomUUID().slice(0, 8)}@x` : `ak_test_${randomUUID().slice(0, 12)}`;
  return db.apiCredential.create({
    data: { organizationId, kind, identifier, secretHash: await hashSecret(secret) },
  });
}

export function actor(role: Role, organizationId: string | null, userId: string = randomUUID()): Actor {
  return { userId, email: `${role.toLowerCase()}@test`, role, organizationId, ip: '127.0.0.1' };
}

export { Role };
