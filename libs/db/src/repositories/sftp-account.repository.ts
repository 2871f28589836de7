import type { TenantScope } from '@conduit/domain';
import type { Db } from '../client';
import type { Prisma } from '../generated/client';
import { bool, type ListQuery, paging, str, strList } from '../list-query';

/**
 * Keys added together are listed in the order given: each gets its own instant (a millisecond
 * apart), since rows made in one statement share `now()` and their random ids order nothing.
 */
function inOrder<T extends object>(keys: T[]): (T & { createdAt: Date })[] {
  const at = Date.now();
  return keys.map((k, i) => ({ ...k, createdAt: new Date(at + i) }));
}

const SORTABLE = ['username', 'enabled', 'lastLoginAt', 'createdAt', 'updatedAt', 'id'] as const;
const withKeys = {
  publicKeys: { orderBy: [{ createdAt: 'asc' as const }, { id: 'asc' as const }] },
} satisfies Prisma.SftpAccountInclude;
type AccountWithKeys = Prisma.SftpAccountGetPayload<{ include: typeof withKeys }>;
/** An account as the service reads it: its keys and its merchants' 13-digit MerchantIDs. */
export type SftpAccountRow = AccountWithKeys & { merchantIds: string[] };

export interface SftpPublicKeyWrite {
  algorithm: string;
  bits: number;
  fingerprint: string;
  comment: string;
  publicKey: string;
  weak: boolean;
}

export interface SftpAccountWrite {
  merchantRefs: string[];
  passwordHash: string | null;
  enabled: boolean;
  quotaBytes: bigint;
  clientPgpPublicKey: string | null;
  clientPgpFingerprint: string | null;
}

/** What the file gateway needs to sign an account in (the username is the login). */
export interface SftpLogin {
  id: string;
  organizationId: string;
  username: string;
  passwordHash: string | null;
  enabled: boolean;
  merchantRefs: string[];
  quotaBytes: bigint;
  clientPgpPublicKey: string | null;
  publicKeys: { algorithm: string; publicKey: string }[];
}

/**
 * The accounts a scope reaches: the organization's, and for a merchant-narrowed scope only those
 * all of whose merchants it may read (an account of merchants A and B sees B's files, so a user
 * restricted to A must not manage it or see its uploads). `<@` is PostgreSQL's array containment,
 * which Prisma's list filters cannot say.
 */
export async function sftpAccountsWithin(db: Db, scope: TenantScope): Promise<Prisma.SftpAccountWhereInput> {
  if (scope.kind === 'platform') return {};
  if (!scope.merchantRefs) return { organizationId: scope.organizationId };
  const refs = [...scope.merchantRefs];
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM sftp_accounts
    WHERE organization_id = ${scope.organizationId}::uuid AND merchant_refs <@ ${refs}::uuid[]`;
  return { organizationId: scope.organizationId, id: { in: rows.map((r) => r.id) } };
}

/** SFTP/FTPS accounts (batch-files.md): organization configuration, like API credentials. */
export class SftpAccountRepository {
  constructor(
    private readonly db: Db,
    private readonly scope: TenantScope,
  ) {}

  private async where(extra: Prisma.SftpAccountWhereInput): Promise<Prisma.SftpAccountWhereInput> {
    return { AND: [await sftpAccountsWithin(this.db, this.scope), extra] };
  }

  /** Adds the MerchantIDs behind merchant_refs, one query for a whole page. */
  private async withMerchantIds(rows: AccountWithKeys[]): Promise<SftpAccountRow[]> {
    const refs = [...new Set(rows.flatMap((r) => r.merchantRefs))];
    const merchants = refs.length
      ? await this.db.merchant.findMany({
          where: { id: { in: refs } },
          select: { id: true, merchantId: true },
        })
      : [];
    const idOf = new Map(merchants.map((m) => [m.id, m.merchantId]));
    return rows.map((r) => ({
      ...r,
      merchantIds: r.merchantRefs
        .map((ref) => idOf.get(ref))
        .filter((m): m is string => !!m)
        .sort(),
    }));
  }

  /** Filters: `q` (username contains), `merchantId` (one or several), `enabled`, `id` (getMany). */
  async list(query: ListQuery) {
    const f = query.filter;
    const q = str(f.q);
    const merchantIds = strList(f.merchantId);
    let merchantRefs: string[] | undefined;
    if (merchantIds) {
      const found = await this.db.merchant.findMany({
        where: { merchantId: { in: merchantIds } },
        select: { id: true },
      });
      merchantRefs = found.map((m) => m.id);
    }
    const where = await this.where({
      ...(q ? { username: { contains: q, mode: 'insensitive' } } : {}),
      ...(bool(f.enabled) !== undefined ? { enabled: bool(f.enabled) } : {}),
      ...(strList(f.id) ? { id: { in: strList(f.id) } } : {}),
      ...(merchantRefs ? { merchantRefs: { hasSome: merchantRefs } } : {}),
    });
    const [rows, total] = await Promise.all([
      this.db.sftpAccount.findMany({ where, include: withKeys, ...paging(query, SORTABLE, 'username') }),
      this.db.sftpAccount.count({ where }),
    ]);
    return { rows: await this.withMerchantIds(rows), total };
  }

  async get(id: string): Promise<SftpAccountRow | null> {
    const row = await this.db.sftpAccount.findFirst({ where: await this.where({ id }), include: withKeys });
    return row ? (await this.withMerchantIds([row]))[0] : null;
  }

  /** Bytes an account holds against its quota: what it uploaded and what was archived. */
  async usedBytes(accountIds: string[]): Promise<Map<string, number>> {
    if (!accountIds.length) return new Map();
    const sums = await this.db.gatewayFile.groupBy({
      by: ['accountRef'],
      where: {
        accountRef: { in: accountIds },
        folder: { in: ['INBOUND', 'ARCHIVE'] },
        account: await this.where({}),
      },
      _sum: { size: true },
    });
    return new Map(sums.map((s) => [s.accountRef, Number(s._sum.size ?? 0n)]));
  }

  /** Usernames are unique on the whole platform (they are the login), so this looks everywhere. */
  usernameTaken(username: string) {
    return this.db.sftpAccount.count({ where: { username } }).then((n) => n > 0);
  }

  /** The organization is the scope's own; a platform scope must name it (the service checks it). */
  async create(
    data: SftpAccountWrite & {
      id: string;
      organizationId: string;
      username: string;
      pgpPublicKey: string;
      pgpFingerprint: string;
      pgpPrivateKeySealed: string;
      publicKeys: (SftpPublicKeyWrite & { id: string })[];
    },
  ) {
    const { publicKeys, ...account } = data;
    const organizationId = this.scope.kind === 'platform' ? data.organizationId : this.scope.organizationId;
    const row = await this.db.sftpAccount.create({
      data: { ...account, organizationId, publicKeys: { create: inOrder(publicKeys) } },
      include: withKeys,
    });
    return (await this.withMerchantIds([row]))[0];
  }

  /**
   * Changes an account reached by the scope. `publicKeys`, when given, is the whole new set: keys
   * already present (same fingerprint) keep their id and date, the rest are removed or added.
   */
  async update(
    id: string,
    data: Partial<SftpAccountWrite>,
    publicKeys?: (SftpPublicKeyWrite & { id: string })[],
  ): Promise<SftpAccountRow | null> {
    const existing = await this.db.sftpAccount.findFirst({
      where: await this.where({ id }),
      include: withKeys,
    });
    if (!existing) return null;
    const keep = new Set(publicKeys?.map((k) => k.fingerprint));
    const have = new Set(existing.publicKeys.map((k) => k.fingerprint));
    const row = await this.db.sftpAccount.update({
      where: { id },
      data: {
        ...data,
        ...(publicKeys
          ? {
              publicKeys: {
                deleteMany: { fingerprint: { notIn: [...keep] } },
                create: inOrder(publicKeys.filter((k) => !have.has(k.fingerprint))),
              },
            }
          : {}),
      },
      include: withKeys,
    });
    return (await this.withMerchantIds([row]))[0];
  }

  /** Removes an account, its keys and its gateway entries (stored files stay with their batch files). */
  async delete(id: string): Promise<SftpAccountRow | null> {
    const existing = await this.get(id);
    if (!existing) return null;
    await this.db.sftpAccount.delete({ where: { id } });
    return existing;
  }

  /** Whether batch files name the account (they keep it: deleting it would orphan their history). */
  hasBatchFiles(id: string) {
    return this.db.batchFile.count({ where: { accountRef: id } }).then((n) => n > 0);
  }
}

/**
 * Sign-in for the file gateway, before any tenant is known: the username is the login, as an
 * API credential's identifier is. Nothing here reads another tenant's data on a caller's behalf.
 */
export class SftpLoginRepository {
  constructor(private readonly db: Db) {}

  async findForLogin(username: string): Promise<SftpLogin | null> {
    const a = await this.db.sftpAccount.findUnique({
      where: { username },
      select: {
        id: true,
        organizationId: true,
        username: true,
        passwordHash: true,
        enabled: true,
        merchantRefs: true,
        quotaBytes: true,
        clientPgpPublicKey: true,
        publicKeys: { select: { algorithm: true, publicKey: true } },
      },
    });
    return a;
  }

  async touchLogin(id: string, at = new Date()): Promise<void> {
    await this.db.sftpAccount.updateMany({ where: { id }, data: { lastLoginAt: at } });
  }

  /** The sealed private key of Conduit's OpenPGP pair for an account (the worker decrypts uploads). */
  async sealedPgpPrivateKey(id: string): Promise<string | null> {
    const a = await this.db.sftpAccount.findUnique({ where: { id }, select: { pgpPrivateKeySealed: true } });
    return a?.pgpPrivateKeySealed ?? null;
  }
}
