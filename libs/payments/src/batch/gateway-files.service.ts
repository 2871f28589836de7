import { Injectable } from '@nestjs/common';
import type { Repositories } from '@conduit/db';
import { decryptPgpStream, encryptPgpStream, PgpError } from '@conduit/crypto';
import { NotAnImportFile } from '@conduit/wire';
import { newId } from '../ids';
import { FileVault } from '../settlement/file-vault';
import { SftpAccountsService } from './sftp-accounts.service';

export interface OutboundFile {
  name: string;
  /** The stored file (plaintext sealed at rest); encrypted again to an account's own OpenPGP key. */
  fileRef: string;
  size: number;
  batchFileRef: string;
}

/**
 * What the gateway's accounts see of Conduit's files: outbound acknowledgements and posting
 * files, inbound uploads and their move to /archive (batch-files.md). Every method writes inside
 * the caller's transaction, so a file appears exactly when the state that made it commits.
 */
@Injectable()
export class GatewayFilesService {
  constructor(
    private readonly vault: FileVault,
    private readonly accounts: SftpAccountsService,
  ) {}

  /** A merchant's file (a posting file) into /outbound of every enabled account scoped to it. */
  async publishForMerchant(r: Repositories, merchantRef: string, file: OutboundFile): Promise<number> {
    const accounts = await r.gatewayFiles.accountsOfMerchant(merchantRef);
    for (const account of accounts) await this.place(r, account, file);
    return accounts.length;
  }

  /** Puts a file into /outbound of each account, replacing one of the same name. */
  async placeOutbound(r: Repositories, file: OutboundFile & { accountRefs: string[] }): Promise<void> {
    for (const account of await r.gatewayFiles.accountsByIds(file.accountRefs))
      await this.place(r, account, file);
  }

  /**
   * One account's copy: the same stored file, or — when the account registered its own OpenPGP
   * key — `NAME.pgp`, a stored file of the plaintext encrypted to that key (batch-files.md).
   */
  private async place(
    r: Repositories,
    account: { id: string; clientPgpPublicKey: string | null },
    file: OutboundFile,
  ) {
    let { name, fileRef, size } = file;
    if (account.clientPgpPublicKey) {
      const sealed = await this.vault.store(
        r,
        encryptPgpStream(this.vault.read(r, file.fileRef), account.clientPgpPublicKey, {
          filename: file.name,
        }),
      );
      ({ fileRef, size } = sealed);
      name = `${file.name}.pgp`;
    }
    await r.gatewayFiles.forAccount(account.id).put({
      id: newId(),
      folder: 'OUTBOUND',
      name,
      size,
      fileRef,
      batchFileRef: file.batchFileRef,
    });
  }

  /** Moves the uploaded file behind an inbound batch file from /inbound to /archive. */
  async archiveInbound(r: Repositories, batchFileRef: string): Promise<void> {
    await r.gatewayFiles.archive(batchFileRef);
  }

  /**
   * The plaintext of an inbound upload. `NAME.pgp` is decrypted with Conduit's OpenPGP key of the
   * account that sent it; one that cannot be (not for that key, altered, cut short) is not an
   * import file at all, and is refused whole with its reason. Decrypted output is provisional
   * until the iteration ends without an error (pgp-streams.ts): the import reads the whole file
   * once to judge it before it charges anything.
   */
  async *inboundContent(
    r: Repositories,
    inbound: { fileRef: string | null; name?: string; accountRef?: string | null },
  ): AsyncIterable<Buffer> {
    if (!inbound.fileRef) throw new Error('Inbound file has no content');
    const stored = this.vault.read(r, inbound.fileRef);
    if (!inbound.accountRef || !/\.pgp$/i.test(inbound.name ?? '')) {
      yield* stored;
      return;
    }
    const key = await this.accounts.unsealPgpPrivateKey(r, { id: inbound.accountRef });
    try {
      yield* decryptPgpStream(stored, key);
    } catch (err) {
      if (err instanceof PgpError)
        throw new NotAnImportFile(`it is an OpenPGP file that cannot be read: ${err.message}`);
      throw err;
    }
  }
}
