import type { AuditEntry } from '@conduit/db';

/** The account a session signed in as, with where it came from (every audit entry says so). */
export interface SignedInAccount {
  id: string;
  organizationId: string;
  username: string;
  quotaBytes: number;
  ip: string;
  protocol: 'SFTP' | 'FTPS';
}

/** An audit entry made by an SFTP/FTPS account (login, upload, download, delete…). */
export function accountAudit(
  account: Pick<SignedInAccount, 'id' | 'organizationId' | 'username' | 'ip' | 'protocol'>,
  action: string,
  resourceId: string | null,
  changes: Record<string, string | number | boolean | null> = {},
): AuditEntry {
  return {
    organizationId: account.organizationId,
    actorType: 'sftp-account',
    actorId: account.id,
    actorLabel: account.username,
    action,
    resource: 'sftp-file',
    resourceId,
    ip: account.ip,
    changes: { protocol: account.protocol, ...changes },
  };
}
