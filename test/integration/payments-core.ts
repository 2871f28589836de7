import type { Redis } from 'ioredis';
import type { CredentialPrincipal } from '@conduit/domain';
import type { UnitOfWork } from '@conduit/db';
import { SandboxProcessor } from '@conduit/processor';
import {
  DataKeys,
  type FileVault,
  GatewayFilesService,
  PaymentsService,
  SftpAccountsService,
  VaultService,
} from '@conduit/payments';
import { CredentialAuthService } from '@conduit/tenancy';
import { makeCredential, makeMerchant, makeOrganization } from '@conduit/testing';
import type { DbClient } from '@conduit/db';
import { PrimaryPayments } from '../../libs/payments/src/primary-payments';
import { SecondaryPayments } from '../../libs/payments/src/secondary-payments';
import { testThrottle } from './helpers';

/** The payments core as the api wires it, on the sandbox processor, under `masterKeys`. */
export function paymentsCore(
  uow: UnitOfWork,
  redis: Redis,
  masterKeys: string,
  sandbox: SandboxProcessor = new SandboxProcessor(),
) {
  const access = new CredentialAuthService(uow, testThrottle(redis));
  const dataKeys = new DataKeys({ vaultMasterKeys: masterKeys } as never);
  const vault = new VaultService(uow, dataKeys);
  const payments = new PaymentsService(
    uow,
    access,
    new PrimaryPayments(uow, vault, sandbox),
    new SecondaryPayments(uow, sandbox),
  );
  return { access, dataKeys, vault, payments, sandbox };
}

/** A practice with one merchant, outlet 001/001 and an account credential signed in. */
export async function practiceWithOutlet(
  db: DbClient,
  access: CredentialAuthService,
): Promise<{ merchantId: string; principal: CredentialPrincipal }> {
  const org = await makeOrganization(db);
  const m = await makeMerchant(db, org.id);
  await db.outlet.create({
    data: { organizationId: org.id, merchantRef: m.id, storeId: '001', terminalId: '001' },
  });
  const cred = await makeCredential(db, org.id, 'ACCOUNT', 'pw');
  return {
    merchantId: m.merchantId,
    principal: await access.authenticate('ACCOUNT', cred.identifier, 'pw', null),
  };
}

/** The SFTP accounts service, as the core wires it. */
export function sftpAccountsOf(uow: UnitOfWork, dataKeys: DataKeys) {
  return new SftpAccountsService(uow, dataKeys, { fileGateway: { defaultQuotaBytes: 1 << 30 } } as never);
}

/** What the gateway's accounts see, as the core wires it (the accounts' OpenPGP keys included). */
export function gatewayFilesOf(uow: UnitOfWork, dataKeys: DataKeys, vault: FileVault) {
  return new GatewayFilesService(vault, sftpAccountsOf(uow, dataKeys));
}
