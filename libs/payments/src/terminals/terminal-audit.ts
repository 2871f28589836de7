import type { PaymentPrincipal } from '@conduit/domain';
import type { AuditEntry } from '@conduit/db';

/** Who asked (a vendor's credential), or the terminal itself, or the timeout sweep. */
export type TerminalActor = PaymentPrincipal | { kind: 'SYSTEM'; identifier: 'system:terminal-timeouts' };

export function terminalAudit(
  who: TerminalActor,
  organizationId: string,
  action: string,
  resourceId: string,
  changes: Record<string, unknown> = {},
): AuditEntry {
  const actorType =
    who.kind === 'STAFF'
      ? 'user'
      : who.kind === 'TERMINAL'
        ? 'terminal'
        : who.kind === 'SYSTEM' || who.kind === 'PLAN'
          ? 'system'
          : 'credential';
  const actorId =
    who.kind === 'STAFF'
      ? who.userId
      : who.kind === 'TERMINAL'
        ? who.terminalRef
        : who.kind === 'SYSTEM'
          ? null
          : who.credentialId;
  return {
    organizationId,
    actorType,
    actorId,
    actorLabel: who.identifier,
    action,
    resource: 'terminal-action',
    resourceId,
    ip: who.kind === 'SYSTEM' ? null : who.ip,
    changes: JSON.parse(JSON.stringify(changes)),
  };
}
