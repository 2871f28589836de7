import { Inject, Injectable } from '@nestjs/common';
import { CONDUIT_CONFIG, type ConduitConfig } from '@conduit/config';
import { generatePgpKeyPair, hashSecret } from '@conduit/crypto';
import { type ListQuery, type Repositories, type SftpAccountRow, UnitOfWork } from '@conduit/db';
import {
  type Actor,
  assertCan,
  DomainError,
  type FieldError,
  owningOrganization,
  Permission,
  scopeOf,
} from '@conduit/domain';
import { auditOf } from '@conduit/tenancy';
import { DataKeys } from '../data-keys.service';
import { newId } from '../ids';
import type { ParsedSshPublicKey } from './ssh-public-keys';

/**
 * A create or update of an SFTP account, already parsed at the edge (types, formats, key lines
 * and the OpenPGP key checked there). On update every field is optional: absent means unchanged.
 */
export interface SftpAccountCommand {
  organizationId?: string;
  username?: string;
  /** 13-digit MerchantIDs of the organization, the whole set. */
  merchantIds?: string[];
  /** A new password; null removes it (keys must remain). Never stored or logged in clear. */
  password?: string | null;
  /** The whole set of sign-in keys: new parsed lines, and ids of existing keys to keep. */
  publicKeys?: (ParsedSshPublicKey | { keepId: string })[];
  enabled?: boolean;
  quotaBytes?: number;
  /** The account's own OpenPGP public key (outbound files are encrypted to it); null removes it. */
  pgpPublicKey?: { armored: string; fingerprint: string } | null;
}

/** An SFTP account as the admin API answers it: no password hash, no private key. */
export function sftpAccountView(a: SftpAccountRow, usedBytes = 0) {
  return {
    id: a.id,
    organizationId: a.organizationId,
    username: a.username,
    merchantIds: a.merchantIds,
    enabled: a.enabled,
    hasPassword: a.passwordHash !== null,
    publicKeys: a.publicKeys.map((k) => ({
      id: k.id,
      algorithm: k.algorithm,
      bits: k.bits,
      fingerprint: k.fingerprint,
      comment: k.comment,
      weak: k.weak,
      createdAt: k.createdAt,
    })),
    quotaBytes: Number(a.quotaBytes),
    usedBytes,
    pgpPublicKey: a.clientPgpPublicKey,
    pgpPublicKeyFingerprint: a.clientPgpFingerprint,
    conduitPgpPublicKey: a.pgpPublicKey,
    conduitPgpFingerprint: a.pgpFingerprint,
    lastLoginAt: a.lastLoginAt,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}
export type SftpAccountView = ReturnType<typeof sftpAccountView>;

/** What an account's sealed OpenPGP private key is bound to (the seed seals the demo one the same way). */
export const sftpPgpContext = (accountId: string) => `sftp-pgp:${accountId}`;
const isUniqueViolation = (e: unknown) => (e as { code?: string } | null)?.code === 'P2002';

/**
 * SFTP/FTPS accounts of the file gateway (batch-files.md §Accounts): practice and platform
 * administrators configure them, finance reads them, partners see none. Every change is audited.
 */
@Injectable()
export class SftpAccountsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly dataKeys: DataKeys,
    @Inject(CONDUIT_CONFIG) private readonly config: ConduitConfig,
  ) {}

  /** For the edge: a role that may not configure gets its 403 before the body is judged. */
  assertMayManage(actor: Actor): void {
    assertCan(actor, Permission.SFTP_ACCOUNTS_MANAGE);
  }

  async list(actor: Actor, query: ListQuery) {
    assertCan(actor, Permission.SFTP_ACCOUNTS_READ);
    const repo = this.uow.read.forScope(scopeOf(actor)).sftpAccounts;
    const { rows, total } = await repo.list(query);
    const used = await repo.usedBytes(rows.map((r) => r.id));
    return { rows: rows.map((r) => sftpAccountView(r, used.get(r.id) ?? 0)), total };
  }

  async get(actor: Actor, id: string) {
    assertCan(actor, Permission.SFTP_ACCOUNTS_READ);
    return this.view(this.uow.read, actor, await this.find(this.uow.read, actor, id));
  }

  async create(actor: Actor, cmd: SftpAccountCommand) {
    assertCan(actor, Permission.SFTP_ACCOUNTS_MANAGE);
    const organizationId = owningOrganization(actor, cmd.organizationId);
    const errors: FieldError[] = [];
    if (!cmd.username) errors.push({ field: 'username', message: 'username is required' });
    if (!cmd.merchantIds?.length)
      errors.push({ field: 'merchantIds', message: 'merchantIds must name at least one merchant' });
    const newKeys = (cmd.publicKeys ?? []).filter((k): k is ParsedSshPublicKey => !('keepId' in k));
    if (newKeys.length !== (cmd.publicKeys ?? []).length)
      errors.push({ field: 'publicKeys', message: 'publicKeys of a new account are key lines only' });
    if (!cmd.password && !newKeys.length)
      errors.push({ field: 'password', message: 'an account needs a password or at least one public key' });
    if (errors.length) throw DomainError.validation(errors);
    const username = cmd.username as string;
    const id = newId();
    // Made before the transaction: key generation is CPU work that holds no lock.
    const [pair, passwordHash] = await Promise.all([
      generatePgpKeyPair(`Conduit <${username}>`),
      cmd.password ? hashSecret(cmd.password) : Promise.resolve(null),
    ]);
    return this.uniqueUsername(username, () =>
      this.uow.run(async (r) => {
        const org = await r.organizations.get(scopeOf(actor), organizationId);
        if (!org)
          throw DomainError.validation([
            { field: 'organizationId', message: 'organizationId names no organization' },
          ]);
        if (await r.forScope(scopeOf(actor)).sftpAccounts.usernameTaken(username))
          throw DomainError.conflict(`An SFTP account named ${username} already exists`);
        const merchantRefs = await this.merchantRefs(r, organizationId, cmd.merchantIds ?? []);
        const account = await r.forScope(scopeOf(actor)).sftpAccounts.create({
          id,
          organizationId,
          username,
          merchantRefs,
          passwordHash,
          enabled: cmd.enabled ?? true,
          quotaBytes: BigInt(cmd.quotaBytes ?? this.config.fileGateway.defaultQuotaBytes),
          clientPgpPublicKey: cmd.pgpPublicKey?.armored ?? null,
          clientPgpFingerprint: cmd.pgpPublicKey?.fingerprint ?? null,
          pgpPublicKey: pair.publicKey,
          pgpFingerprint: pair.fingerprint,
          pgpPrivateKeySealed: await this.seal(r, id, pair.privateKey),
          publicKeys: newKeys.map((k) => ({ ...k, id: newId() })),
        });
        await r.audit.record(
          auditOf(actor, organizationId, 'create', 'sftp-accounts', id, {
            username,
            merchantIds: account.merchantIds,
            enabled: account.enabled,
            quotaBytes: Number(account.quotaBytes),
            password: cmd.password ? 'set' : undefined,
            publicKeys: newKeys.map((k) => k.fingerprint),
            clientPgpFingerprint: cmd.pgpPublicKey?.fingerprint,
            conduitPgpFingerprint: pair.fingerprint,
          }),
        );
        return this.view(r, actor, account);
      }),
    );
  }

  async update(actor: Actor, id: string, cmd: SftpAccountCommand) {
    assertCan(actor, Permission.SFTP_ACCOUNTS_MANAGE);
    const passwordHash = cmd.password ? await hashSecret(cmd.password) : cmd.password;
    return this.uow.run(async (r) => {
      const existing = await this.find(r, actor, id);
      const errors: FieldError[] = [];
      if (cmd.username !== undefined && cmd.username !== existing.username)
        errors.push({ field: 'username', message: 'username cannot be changed; create a new account' });
      if (cmd.merchantIds && !cmd.merchantIds.length)
        errors.push({ field: 'merchantIds', message: 'merchantIds must name at least one merchant' });
      let keys: ParsedSshPublicKey[] | undefined;
      if (cmd.publicKeys) {
        keys = [];
        for (const [i, k] of cmd.publicKeys.entries()) {
          if (!('keepId' in k)) keys.push(k);
          else {
            const kept = existing.publicKeys.find((e) => e.id === k.keepId);
            if (kept) keys.push({ ...kept, algorithm: kept.algorithm as ParsedSshPublicKey['algorithm'] });
            else
              errors.push({
                field: `publicKeys[${i}]`,
                message: `publicKeys[${i}] names no key of this account`,
              });
          }
        }
      }
      const hasPassword = passwordHash === undefined ? existing.passwordHash !== null : passwordHash !== null;
      if (!hasPassword && !(keys ?? existing.publicKeys).length)
        errors.push({ field: 'password', message: 'an account needs a password or at least one public key' });
      if (errors.length) throw DomainError.validation(errors);
      const merchantRefs = cmd.merchantIds
        ? await this.merchantRefs(r, existing.organizationId, cmd.merchantIds)
        : undefined;
      const repo = r.forScope(scopeOf(actor)).sftpAccounts;
      const account = await repo.update(
        id,
        {
          merchantRefs,
          passwordHash,
          enabled: cmd.enabled,
          quotaBytes: cmd.quotaBytes === undefined ? undefined : BigInt(cmd.quotaBytes),
          ...(cmd.pgpPublicKey !== undefined
            ? {
                clientPgpPublicKey: cmd.pgpPublicKey?.armored ?? null,
                clientPgpFingerprint: cmd.pgpPublicKey?.fingerprint ?? null,
              }
            : {}),
        },
        keys?.map((k) => ({ ...k, id: newId() })),
      );
      if (!account) throw DomainError.notFound('SFTP account');
      const action =
        cmd.enabled === false && existing.enabled
          ? 'disable'
          : cmd.enabled && !existing.enabled
            ? 'enable'
            : 'update';
      await r.audit.record(
        auditOf(actor, existing.organizationId, action, 'sftp-accounts', id, {
          username: existing.username,
          merchantIds: cmd.merchantIds,
          enabled: cmd.enabled,
          quotaBytes: cmd.quotaBytes,
          password: passwordHash === undefined ? undefined : passwordHash ? 'changed' : 'removed',
          publicKeys: keys?.map((k) => k.fingerprint),
          clientPgpFingerprint:
            cmd.pgpPublicKey === undefined ? undefined : (cmd.pgpPublicKey?.fingerprint ?? null),
        }),
      );
      return this.view(r, actor, account);
    });
  }

  /**
   * Removes an account with its keys and gateway entries. One that has batch files keeps them as
   * history, so it cannot be deleted: disable it instead.
   */
  async remove(actor: Actor, id: string) {
    assertCan(actor, Permission.SFTP_ACCOUNTS_MANAGE);
    return this.uow.run(async (r) => {
      const repo = r.forScope(scopeOf(actor)).sftpAccounts;
      const existing = await this.find(r, actor, id);
      if (await repo.hasBatchFiles(id))
        throw DomainError.conflict('This SFTP account has batch files; disable it instead of deleting it');
      const view = await this.view(r, actor, existing);
      await repo.delete(id);
      await r.audit.record(
        auditOf(actor, existing.organizationId, 'delete', 'sftp-accounts', id, {
          username: existing.username,
        }),
      );
      return view;
    });
  }

  /**
   * The armored private key of Conduit's OpenPGP pair for an account (the worker decrypts `.pgp`
   * uploads with it). Keep it in memory only as long as the decryption takes.
   */
  async unsealPgpPrivateKey(
    r: Repositories,
    account: { id: string; pgpPrivateKeySealed?: string },
  ): Promise<string> {
    const sealed = account.pgpPrivateKeySealed ?? (await r.sftpLogins.sealedPgpPrivateKey(account.id));
    const at = sealed?.indexOf(':') ?? -1;
    if (!sealed || at < 0) throw new Error(`SFTP account ${account.id} has no sealed OpenPGP key`);
    const dataKey = await r.dataKeys.get(sealed.slice(0, at));
    if (!dataKey) throw new Error(`SFTP account ${account.id}: the data key of its OpenPGP key is missing`);
    return this.dataKeys.decrypt(
      dataKey,
      Buffer.from(sealed.slice(at + 1), 'base64'),
      sftpPgpContext(account.id),
    );
  }

  /** `<dataKeyId>:<base64>`: AES-256-GCM under the current data key, bound to the account id. */
  private async seal(r: Repositories, accountId: string, privateKey: string): Promise<string> {
    const key = await this.dataKeys.current(r);
    return `${key.id}:${Buffer.from(this.dataKeys.encrypt(key, privateKey, sftpPgpContext(accountId))).toString('base64')}`;
  }

  private async find(r: Repositories, actor: Actor, id: string) {
    const account = await r.forScope(scopeOf(actor)).sftpAccounts.get(id);
    if (!account) throw DomainError.notFound('SFTP account');
    return account;
  }

  private async view(r: Repositories, actor: Actor, account: SftpAccountRow) {
    const used = await r.forScope(scopeOf(actor)).sftpAccounts.usedBytes([account.id]);
    return sftpAccountView(account, used.get(account.id) ?? 0);
  }

  /** Only the organization's own merchants; any other (another tenant's too) is a field error. */
  private async merchantRefs(r: Repositories, organizationId: string, merchantIds: string[]) {
    const found = await r.merchants.findOwnedMany(organizationId, merchantIds);
    const missing = merchantIds.filter((m) => !found.some((f) => f.merchantId === m));
    if (missing.length)
      throw DomainError.validation([
        { field: 'merchantIds', message: `merchantIds names no merchant of yours: ${missing.join(', ')}` },
      ]);
    return merchantIds.map((m) => found.find((f) => f.merchantId === m)!.id);
  }

  /** Two creates racing for one name: the database's unique index decides, answered as a 409. */
  private async uniqueUsername<T>(username: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      if (isUniqueViolation(e))
        throw DomainError.conflict(`An SFTP account named ${username} already exists`);
      throw e;
    }
  }
}
