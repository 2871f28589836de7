import { Injectable } from '@nestjs/common';
import type { Repositories } from '@conduit/db';
import { FileVault } from '../settlement/file-vault';

export interface OutboundFile {
  /** SFTP accounts whose /outbound gets the file. */
  accountRefs: string[];
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
  constructor(private readonly vault: FileVault) {}

  /** Puts a file into /outbound of each account, replacing one of the same name. */
  async placeOutbound(_r: Repositories, _file: OutboundFile): Promise<void> {
    // Implemented with the gateway's file table (this stub lets the import be built beside it).
  }

  /** Moves the uploaded file behind an inbound batch file from /inbound to /archive. */
  async archiveInbound(_r: Repositories, _batchFileRef: string): Promise<void> {}

  /** The plaintext of an inbound upload (a `.pgp` upload decrypted with the account's key). */
  inboundContent(r: Repositories, inbound: { fileRef: string | null }): AsyncIterable<Buffer> {
    if (!inbound.fileRef) throw new Error('Inbound file has no content');
    return this.vault.read(r, inbound.fileRef);
  }
}
