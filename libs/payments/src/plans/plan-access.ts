import {
  type Actor,
  assertCan,
  type PaymentPrincipal,
  Permission,
  scopeOf,
  type TenantScope,
} from '@conduit/domain';
import type { AuditEntry } from '@conduit/db';
import type { CredentialAuthService } from '@conduit/tenancy';
import { auditOf } from '@conduit/tenancy';

/**
 * Who acts on a plan, whatever the door: an API credential (REST, NVP, SOAP), a console user, or
 * a hosted page's token. It answers the scope plans are read through, whether the caller may
 * act at a plan's merchant, and the audit identity of what it does.
 */
export interface PlanAccess {
  scope: TenantScope;
  mayAct(plan: { merchantRef: string; organizationId: string }): boolean;
  audit(
    organizationId: string,
    action: string,
    resourceId: string,
    changes: Record<string, unknown>,
  ): AuditEntry;
}

/** An API principal: it reads and acts where it may pay (its reach: restriction, allowlists). */
export async function accessOfPrincipal(
  access: CredentialAuthService,
  principal: PaymentPrincipal,
): Promise<PlanAccess> {
  const reach = await access.reach(principal);
  return {
    scope: reach.scope,
    mayAct: (p) => reach.mayTransact(p.merchantRef),
    audit: (organizationId, action, resourceId, changes) => ({
      organizationId,
      actorType: principal.kind === 'STAFF' ? 'user' : principal.kind === 'PLAN' ? 'system' : 'credential',
      actorId: principal.kind === 'STAFF' ? principal.userId : principal.credentialId,
      actorLabel: principal.identifier,
      action,
      resource: 'payment-plan',
      resourceId,
      ip: principal.ip,
      changes: JSON.parse(JSON.stringify(changes)),
    }),
  };
}

/**
 * A console user (admin-api.md): everyone who may read plans reads their organization's (a
 * platform admin, all); practice admins act on their own organization's merchants' plans.
 */
export function accessOfActor(actor: Actor, need: 'read' | 'manage'): PlanAccess {
  assertCan(actor, need === 'manage' ? Permission.PAYMENT_PLANS_MANAGE : Permission.PAYMENT_PLANS_READ);
  const scope = scopeOf(actor);
  return {
    scope,
    mayAct: (p) =>
      need === 'manage' && (scope.kind === 'platform' || p.organizationId === actor.organizationId),
    audit: (organizationId, action, resourceId, changes) =>
      auditOf(actor, organizationId, action, 'payment-plan', resourceId, changes),
  };
}
