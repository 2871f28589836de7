import type { BatchPrincipal } from '@conduit/domain';

/**
 * The principal an import file pays as: its SFTP/FTPS account, restricted to the account's
 * merchants. It never authenticates through the API's credential checks (the gateway signed the
 * account in), and IP allowlists do not apply to it (see docs/batch-import.md).
 */
export function batchPrincipal(
  account: { id: string; organizationId: string; username: string },
  merchants: { merchantId: string }[],
): BatchPrincipal {
  return {
    kind: 'BATCH',
    credentialId: null,
    accountId: account.id,
    identifier: accountLabel(account),
    organizationId: account.organizationId,
    merchantIds: merchants.map((m) => m.merchantId),
    ip: null,
  };
}

/** How the account appears in audit entries and logs. */
export const accountLabel = (account: { username: string }) => `sftp:${account.username}`;
