import type { AuditEntry } from '@conduit/db';

/**
 * Work that no person or credential starts runs as one of these, and is audited under its
 * name: `system:settlement` closed this batch, `system:processor-events` applied that
 * chargeback, `system:scheduler` expired those authorizations.
 */
export enum SystemPrincipal {
  Settlement = 'system:settlement',
  ProcessorEvents = 'system:processor-events',
  Scheduler = 'system:scheduler',
  /** Payment import files from the SFTP/FTPS gateway, run for the account that uploaded them. */
  BatchFiles = 'system:batch-files',
  /** Payment plans' scheduled charges, retries and re-presentments. */
  PaymentPlans = 'system:payment-plans',
}

export function systemAudit(
  principal: SystemPrincipal,
  entry: Omit<AuditEntry, 'actorType' | 'actorId' | 'actorLabel' | 'ip'>,
): AuditEntry {
  return { ...entry, actorType: 'system', actorId: principal, actorLabel: principal, ip: null };
}
