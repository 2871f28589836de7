import type { Actor } from '@conduit/domain';
import type { AuditEntry } from '@conduit/db';

const SECRET_FIELD = /password|secret|token|key(?!s)|passphrase/i;

/** Removes secret values from a change record before it is written to the audit log. */
export function redactChanges(changes: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined) continue;
    out[k] = SECRET_FIELD.test(k) ? '[REDACTED]' : v instanceof Date ? v.toISOString() : v;
  }
  return out;
}

export function auditOf(
  actor: Actor,
  organizationId: string | null,
  action: string,
  resource: string,
  resourceId: string | null,
  changes: Record<string, unknown> = {},
): AuditEntry {
  return {
    organizationId,
    actorType: 'user',
    actorId: actor.userId,
    actorLabel: actor.email,
    action,
    resource,
    resourceId,
    ip: actor.ip,
    changes: JSON.parse(JSON.stringify(redactChanges(changes))),
  };
}
