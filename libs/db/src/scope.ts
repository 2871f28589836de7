import type { TenantScope } from '@conduit/domain';
import type { Prisma } from './generated/client';

/*
 * The one definition of which merchants a scope reaches. Every tenant query in this library builds
 * its filter from these, so "may read" and "may transact on" are written once (tenancy.md):
 * - read: merchants the organization owns, and those that granted it access (any grant scope);
 * - transact: owned ones, and those granted with scope `payments`;
 * both narrowed to `merchantRefs` when the scope carries them.
 */

function narrowed(scope: TenantScope): Prisma.MerchantWhereInput {
  return scope.kind === 'organization' && scope.merchantRefs ? { id: { in: [...scope.merchantRefs] } } : {};
}

function reach(scope: TenantScope, grantScope?: 'payments'): Prisma.MerchantWhereInput {
  if (scope.kind === 'platform') return {};
  const grant = {
    partnerOrganizationId: scope.organizationId,
    revokedAt: null,
    ...(grantScope ? { scope: grantScope } : {}),
  };
  return {
    AND: [{ OR: [{ organizationId: scope.organizationId }, { grants: { some: grant } }] }, narrowed(scope)],
  };
}

/** Merchants a scope may read. */
export function readableMerchants(scope: TenantScope): Prisma.MerchantWhereInput {
  return reach(scope);
}

/** Merchants a scope may take payments for. */
export function transactableMerchants(scope: TenantScope): Prisma.MerchantWhereInput {
  return reach(scope, 'payments');
}

/** Rows owned by the scope's organization (all of them for platform scope). */
export function owned(scope: TenantScope): { organizationId?: string } {
  return scope.kind === 'platform' ? {} : { organizationId: scope.organizationId };
}

/** Owned rows that belong to one merchant (tokens, endpoints), narrowed like the merchants. */
export function ownedAtMerchants(scope: TenantScope): {
  organizationId?: string;
  merchantRef?: { in: string[] };
} {
  if (scope.kind === 'platform') return {};
  return {
    organizationId: scope.organizationId,
    ...(scope.merchantRefs ? { merchantRef: { in: [...scope.merchantRefs] } } : {}),
  };
}

/** Rows of merchants the scope may read (transactions and what hangs off them). */
export function ofReadableMerchants(scope: TenantScope): { merchant?: Prisma.MerchantWhereInput } {
  return scope.kind === 'platform' ? {} : { merchant: readableMerchants(scope) };
}
