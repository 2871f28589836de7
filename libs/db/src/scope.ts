import type { TenantScope } from '@conduit/domain';

/** Rows owned by the scope's organization (all of them for platform scope). */
export function owned(scope: TenantScope): { organizationId?: string } {
  return scope.kind === 'platform' ? {} : { organizationId: scope.organizationId };
}
