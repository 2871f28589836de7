import { DomainError, ErrorCode } from '../errors/domain-error';
import { can, Permission, Role } from './roles';

/** Who is acting: a console user. Platform admins have no organization and see every tenant. */
export interface Actor {
  userId: string;
  email: string;
  role: Role;
  organizationId: string | null;
  ip: string | null;
}

/**
 * The tenant scope every repository query takes. It is a type, not an optional argument, so a
 * query that reads tenant data cannot be written without deciding whose data it reads.
 */
export type TenantScope =
  | { readonly kind: 'platform' }
  | {
      readonly kind: 'organization';
      readonly organizationId: string;
      /**
       * When present, only these of the organization's readable merchants (internal ids): an API
       * principal narrowed by its credential's restriction and by merchants' IP allowlists.
       */
      readonly merchantRefs?: readonly string[];
    };

export const PLATFORM_SCOPE: TenantScope = Object.freeze({ kind: 'platform' });

export function organizationScope(organizationId: string): TenantScope {
  return { kind: 'organization', organizationId };
}

export function scopeOf(actor: Actor): TenantScope {
  if (actor.role === Role.PLATFORM_ADMIN) return PLATFORM_SCOPE;
  if (!actor.organizationId) throw new DomainError(ErrorCode.FORBIDDEN, 'User has no organization');
  return organizationScope(actor.organizationId);
}

export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) {
    throw new DomainError(ErrorCode.FORBIDDEN, `Role ${actor.role} may not ${permission.replace(':', ' ')}`);
  }
}

/**
 * The organization a new object belongs to: a tenant user's own; a platform admin must name one.
 */
export function owningOrganization(actor: Actor, requested: string | undefined | null): string {
  if (actor.role === Role.PLATFORM_ADMIN) {
    if (!requested)
      throw DomainError.validation([{ field: 'organizationId', message: 'organizationId is required' }]);
    return requested;
  }
  return actor.organizationId as string;
}
