import type { Db } from '../client';

export type GatewayFolder = 'INBOUND' | 'OUTBOUND' | 'ARCHIVE';

export interface GatewayFileEntry {
  id: string;
  name: string;
  folder: string;
  size: bigint;
  fileRef: string;
  batchFileRef: string | null;
  createdAt: Date;
}

const ENTRY = {
  id: true,
  name: true,
  folder: true,
  size: true,
  fileRef: true,
  batchFileRef: true,
  createdAt: true,
} as const;

/**
 * One SFTP account's jailed tree (batch-files.md). It is obtained for the account a session
 * signed in as, so no path a client sends can reach another account's rows.
 */
export class AccountFileRepository {
  constructor(
    private readonly db: Db,
    private readonly accountRef: string,
  ) {}

  list(folder: GatewayFolder): Promise<GatewayFileEntry[]> {
    return this.db.gatewayFile.findMany({
      where: { accountRef: this.accountRef, folder },
      select: ENTRY,
      orderBy: { name: 'asc' },
    });
  }

  get(folder: GatewayFolder, name: string): Promise<GatewayFileEntry | null> {
    return this.db.gatewayFile.findUnique({
      where: { accountRef_folder_name: { accountRef: this.accountRef, folder, name } },
      select: ENTRY,
    });
  }

  /** Replaces a same-named entry (an upload over an earlier one); answers the one replaced. */
  async put(entry: {
    id: string;
    folder: GatewayFolder;
    name: string;
    size: number;
    fileRef: string;
    batchFileRef?: string | null;
  }): Promise<GatewayFileEntry | null> {
    const previous = await this.get(entry.folder, entry.name);
    if (previous) await this.db.gatewayFile.delete({ where: { id: previous.id } });
    await this.db.gatewayFile.create({
      data: { ...entry, size: BigInt(entry.size), accountRef: this.accountRef },
    });
    return previous;
  }

  async remove(id: string): Promise<void> {
    await this.db.gatewayFile.deleteMany({ where: { id, accountRef: this.accountRef } });
  }

  async rename(id: string, name: string, batchFileRef: string | null): Promise<void> {
    await this.db.gatewayFile.updateMany({
      where: { id, accountRef: this.accountRef },
      data: { name, ...(batchFileRef ? { batchFileRef } : {}) },
    });
  }

  /** Bytes the account's uploads hold (inbound and archive count toward its quota). */
  async usedBytes(): Promise<number> {
    const sum = await this.db.gatewayFile.aggregate({
      where: { accountRef: this.accountRef, folder: { in: ['INBOUND', 'ARCHIVE'] } },
      _sum: { size: true },
    });
    return Number(sum._sum.size ?? 0n);
  }
}

/** What the core does to accounts' trees when files are made or processed. */
export class GatewayFileRepository {
  constructor(private readonly db: Db) {}

  forAccount(accountRef: string): AccountFileRepository {
    return new AccountFileRepository(this.db, accountRef);
  }

  /** The enabled accounts scoped to a merchant: its posting files go to each one's /outbound. */
  async accountsOfMerchant(merchantRef: string) {
    return this.db.sftpAccount.findMany({
      where: { merchantRefs: { has: merchantRef }, enabled: true },
      select: { id: true, clientPgpPublicKey: true },
    });
  }

  accountsByIds(ids: string[]) {
    return this.db.sftpAccount.findMany({
      where: { id: { in: ids } },
      select: { id: true, clientPgpPublicKey: true },
    });
  }

  /** The upload behind an inbound batch file moves to /archive (replacing an older same name). */
  async archive(batchFileRef: string): Promise<void> {
    const entry = await this.db.gatewayFile.findFirst({ where: { batchFileRef, folder: 'INBOUND' } });
    if (!entry) return;
    await this.db.gatewayFile.deleteMany({
      where: { accountRef: entry.accountRef, folder: 'ARCHIVE', name: entry.name },
    });
    await this.db.gatewayFile.update({ where: { id: entry.id }, data: { folder: 'ARCHIVE' } });
  }

  /** Whether anything still names a stored file (another entry, a batch file). */
  async fileInUse(fileRef: string): Promise<boolean> {
    const [entries, batchFiles] = await Promise.all([
      this.db.gatewayFile.count({ where: { fileRef } }),
      this.db.batchFile.count({ where: { fileRef } }),
    ]);
    return entries + batchFiles > 0;
  }
}
