import type { Repositories, UnitOfWork } from '@conduit/db';
import { type DiskUpload, type FileVault, newId } from '@conduit/payments';
import {
  type AccountSession,
  type DownloadHandle,
  type GatewayEntry,
  GatewayError,
  type UploadHandle,
} from './account-session';
import type { InboundFiles } from './inbound-files';
import { type FolderName, isTemporaryName, resolvePath, targetOf, validFileName } from './jail-path';
import { accountAudit, type SignedInAccount } from './signed-in-account';
import { WriteReorder } from './write-reorder';

/** How far ahead of a gap an upload may run (OpenSSH: 64 requests of 32 KiB in flight). */
const MAX_AHEAD_BYTES = 16 * 1024 * 1024;
/** How much in-order data may wait for the disk before a write waits too. */
const MAX_QUEUED_BYTES = 4 * 1024 * 1024;

const FOLDER_OF: Record<FolderName, 'INBOUND' | 'OUTBOUND' | 'ARCHIVE'> = {
  inbound: 'INBOUND',
  outbound: 'OUTBOUND',
  archive: 'ARCHIVE',
};

export interface SessionDeps {
  uow: UnitOfWork;
  vault: FileVault;
  inbound: InboundFiles;
  maxFileBytes: number;
}

function folderEntry(name: string): GatewayEntry {
  return { name, isDirectory: true, size: 0, modifiedAt: new Date(0), writable: name === 'inbound' };
}

/**
 * A signed-in account's view of its tree (account-session.ts), backed by the gateway_files table
 * and sealed storage. Everything a client can name resolves inside the jail first; each change
 * is one database transaction with its audit entry.
 */
export class JailedSession implements AccountSession {
  private readonly open = new Set<UploadHandle>();

  constructor(
    private readonly deps: SessionDeps,
    private readonly account: SignedInAccount,
  ) {}

  get accountId() {
    return this.account.id;
  }
  get username() {
    return this.account.username;
  }
  get protocol() {
    return this.account.protocol;
  }

  private files(r: Repositories = this.deps.uow.read) {
    return r.gatewayFiles.forAccount(this.account.id);
  }

  private locate(path: string) {
    const absolute = resolvePath('/', path);
    if (!absolute) throw new GatewayError('UNSUPPORTED', 'That path is not allowed');
    return targetOf(absolute);
  }

  private async entryAt(path: string) {
    const target = this.locate(path);
    if (target.kind !== 'file') throw new GatewayError('NOT_FOUND', 'No such file');
    const entry = await this.files().get(FOLDER_OF[target.folder], target.name);
    if (!entry) throw new GatewayError('NOT_FOUND', 'No such file');
    return { target, entry };
  }

  async stat(path: string): Promise<GatewayEntry> {
    const target = this.locate(path);
    if (target.kind === 'root') return folderEntry('/');
    if (target.kind === 'folder') return folderEntry(target.folder);
    if (target.kind === 'none') throw new GatewayError('NOT_FOUND', 'No such file or directory');
    const { entry } = await this.entryAt(path);
    return {
      name: entry.name,
      isDirectory: false,
      size: Number(entry.size),
      modifiedAt: entry.createdAt,
      writable: target.folder === 'inbound',
    };
  }

  async list(path: string): Promise<GatewayEntry[]> {
    const target = this.locate(path);
    if (target.kind === 'root') return ['inbound', 'outbound', 'archive'].map(folderEntry);
    if (target.kind !== 'folder') throw new GatewayError('NOT_FOUND', 'No such directory');
    const rows = await this.files().list(FOLDER_OF[target.folder]);
    return rows.map((e) => ({
      name: e.name,
      isDirectory: false,
      size: Number(e.size),
      modifiedAt: e.createdAt,
      writable: target.folder === 'inbound',
    }));
  }

  async openUpload(path: string): Promise<UploadHandle> {
    const target = this.locate(path);
    if (target.kind !== 'file' || target.folder !== 'inbound')
      throw new GatewayError('PERMISSION_DENIED', 'Files can be uploaded to /inbound only');
    if (!validFileName(target.name))
      throw new GatewayError('UNSUPPORTED', 'File names may hold letters, digits, spaces and ._-()+,=@~');
    const used = await this.files().usedBytes();
    if (used >= this.account.quotaBytes)
      throw new GatewayError('QUOTA_EXCEEDED', 'This account has used its storage quota');
    const upload = await this.deps.vault.beginUpload(this.deps.uow.read);
    const handle = this.uploadHandle(target.name, upload, used);
    this.open.add(handle);
    return handle;
  }

  private uploadHandle(name: string, upload: DiskUpload, used: number): UploadHandle {
    const reorder = new WriteReorder(MAX_AHEAD_BYTES);
    const { maxFileBytes } = this.deps;
    const quota = this.account.quotaBytes;
    let writing: Promise<void> = Promise.resolve();
    let queued = 0;
    let failed: GatewayError | null = null;
    let ended = false;
    const handle: UploadHandle = {
      write: async (offset, data) => {
        if (failed) throw failed;
        const end = offset + data.length;
        if (end > maxFileBytes)
          throw (failed = new GatewayError('TOO_LARGE', `Files are limited to ${maxFileBytes} bytes`));
        if (used + end > quota)
          throw (failed = new GatewayError('QUOTA_EXCEEDED', 'This upload would exceed the account quota'));
        let ready: Buffer[];
        try {
          ready = reorder.accept(offset, data);
        } catch (err) {
          throw new GatewayError('UNSUPPORTED', `Write refused: ${(err as Error).message}`);
        }
        if (!ready.length) return;
        // Disk writes run in order behind the protocol: a write is answered once it is queued
        // (the client keeps its pipeline full), and waits only when too much is queued. A storage
        // failure fails the next write or the close, so nothing broken is ever kept.
        for (const part of ready) queued += part.length;
        writing = writing.then(async () => {
          if (failed) return;
          for (const part of ready) {
            await upload.write(part);
            queued -= part.length;
          }
        });
        writing = writing.catch(() => {
          failed ??= new GatewayError('FAILURE', 'Storage failed');
        });
        if (queued > MAX_QUEUED_BYTES) await writing;
        if (failed) throw failed;
      },
      close: async () => {
        if (ended) return;
        ended = true;
        this.open.delete(handle);
        try {
          await writing;
          if (failed) throw failed;
          if (reorder.hasGap) throw new GatewayError('FAILURE', 'The upload has a gap; it was not kept');
          await upload.finish();
        } catch (err) {
          await upload.discard();
          await this.audit('file.upload-interrupted', null, { name });
          throw err instanceof GatewayError ? err : new GatewayError('FAILURE', 'Storage failed');
        }
        await this.commitUpload(name, upload);
      },
      abort: async () => {
        if (ended) return;
        ended = true;
        this.open.delete(handle);
        await writing.catch(() => undefined);
        await upload.discard();
        await this.audit('file.upload-interrupted', null, { name, bytes: reorder.contiguous });
      },
    };
    return handle;
  }

  /** The finished upload becomes visible (and, unless temporary, queued) in one transaction. */
  private async commitUpload(name: string, upload: DiskUpload) {
    const orphans: string[] = [];
    const batchFileId = await this.deps.uow.run(async (r) => {
      const stored = await this.deps.vault.register(r, upload);
      const batch = isTemporaryName(name)
        ? null
        : await this.deps.inbound.receive(r, {
            account: this.account,
            name,
            fileRef: stored.fileRef,
            size: stored.size,
          });
      const id = newId();
      const replaced = await this.files(r).put({
        id,
        folder: 'INBOUND',
        name,
        size: stored.size,
        fileRef: stored.fileRef,
        batchFileRef: batch?.batchFileId ?? null,
      });
      if (replaced && !(await r.gatewayFiles.fileInUse(replaced.fileRef))) orphans.push(replaced.fileRef);
      await r.audit.record(
        accountAudit(this.account, 'file.upload', id, {
          name,
          size: stored.size,
          sha256: stored.sha256,
          batchFileId: batch?.batchFileId ?? null,
        }),
      );
      return batch?.batchFileId ?? null;
    });
    await this.dropOrphans(orphans);
    if (batchFileId) await this.deps.inbound.enqueue(batchFileId);
  }

  private async dropOrphans(fileRefs: string[]) {
    for (const fileRef of fileRefs)
      await this.deps.uow.run((r) => this.deps.vault.remove(r, fileRef)).catch(() => undefined);
  }

  async openDownload(path: string): Promise<DownloadHandle> {
    const { target, entry } = await this.entryAt(path);
    const range = await this.deps.vault.openRange(this.deps.uow.read, entry.fileRef);
    await this.audit('file.download', entry.id, {
      folder: target.folder,
      name: entry.name,
      size: range.size,
    });
    return {
      size: range.size,
      read: async (offset, length) => {
        try {
          return await range.read(offset, length);
        } catch {
          throw new GatewayError('FAILURE', 'The stored file failed its integrity check');
        }
      },
      close: () => range.close(),
    };
  }

  async remove(path: string): Promise<void> {
    const { target, entry } = await this.entryAt(path);
    if (target.folder === 'archive') throw new GatewayError('PERMISSION_DENIED', '/archive is read-only');
    const orphan = await this.deps.uow.run(async (r) => {
      await this.files(r).remove(entry.id);
      await r.audit.record(
        accountAudit(this.account, 'file.delete', entry.id, { folder: target.folder, name: entry.name }),
      );
      return (await r.gatewayFiles.fileInUse(entry.fileRef)) ? null : entry.fileRef;
    });
    if (orphan) await this.dropOrphans([orphan]);
  }

  async rename(from: string, to: string): Promise<void> {
    const { target, entry } = await this.entryAt(from);
    const dest = this.locate(to);
    if (target.folder !== 'inbound' || dest.kind !== 'file' || dest.folder !== 'inbound')
      throw new GatewayError('PERMISSION_DENIED', 'Files can be renamed within /inbound only');
    if (!validFileName(dest.name)) throw new GatewayError('UNSUPPORTED', 'That file name is not allowed');
    if (await this.files().get('INBOUND', dest.name))
      throw new GatewayError('EXISTS', 'A file of that name exists');
    const batchFileId = await this.deps.uow.run(async (r) => {
      // Renamed from a temporary name to a final one: the upload is complete now.
      const batch =
        !entry.batchFileRef && !isTemporaryName(dest.name)
          ? await this.deps.inbound.receive(r, {
              account: this.account,
              name: dest.name,
              fileRef: entry.fileRef,
              size: Number(entry.size),
            })
          : null;
      await this.files(r).rename(entry.id, dest.name, batch?.batchFileId ?? null);
      await r.audit.record(
        accountAudit(this.account, 'file.rename', entry.id, {
          from: entry.name,
          to: dest.name,
          batchFileId: batch?.batchFileId ?? null,
        }),
      );
      return batch?.batchFileId ?? null;
    });
    if (batchFileId) await this.deps.inbound.enqueue(batchFileId);
  }

  async end(): Promise<void> {
    for (const handle of [...this.open]) await handle.abort().catch(() => undefined);
  }

  private audit(action: string, resourceId: string | null, changes: Record<string, string | number | null>) {
    return this.deps.uow.read.audit.record(accountAudit(this.account, action, resourceId, changes));
  }
}
