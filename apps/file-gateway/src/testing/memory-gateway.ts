import { timingSafeEqual } from 'node:crypto';
import {
  type AccountSession,
  type DownloadHandle,
  type GatewayEntry,
  GatewayError,
  type GatewayLogin,
  type LoginAttempt,
  type UploadHandle,
} from '../gateway/account-session';
import { FOLDERS, type FolderName, resolvePath, targetOf, validFileName } from '../gateway/jail-path';

/**
 * An in-memory stand-in for the gateway core, for the protocol servers' own tests: one jailed
 * tree per account, the same folder rules, uploads visible only on close. The real core (database,
 * sealed storage, audit) is tested with the same clients end to end.
 */
export interface MemoryAccount {
  username: string;
  password?: string;
  /** SSH wire blobs (ssh2 `parseKey(...).getPublicSSH()`) the account signs in with. */
  publicKeys?: Buffer[];
}

export class MemoryGateway implements GatewayLogin {
  readonly trees = new Map<string, Map<FolderName, Map<string, { data: Buffer; at: Date }>>>();
  readonly events: string[] = [];
  readonly banned = new Set<string>();
  maxFileBytes = 100 * 1024 * 1024;

  constructor(private readonly accounts: MemoryAccount[]) {
    for (const a of accounts)
      this.trees.set(a.username, new Map(FOLDERS.map((f) => [f, new Map()] as const)));
  }

  async isBanned(ip: string) {
    return this.banned.has(ip);
  }

  async password(attempt: LoginAttempt, password: string) {
    const account = this.accounts.find((a) => a.username === attempt.username);
    const ok =
      !!account?.password &&
      account.password.length === password.length &&
      timingSafeEqual(Buffer.from(account.password), Buffer.from(password));
    this.events.push(`login ${attempt.protocol} ${attempt.username} ${ok ? 'ok' : 'failed'}`);
    return ok ? this.session(attempt) : null;
  }

  async publicKey(attempt: LoginAttempt, key: { algorithm: string; data: Buffer }, signed: boolean) {
    const account = this.accounts.find((a) => a.username === attempt.username);
    const accepted = !!account?.publicKeys?.some((k) => k.equals(key.data));
    if (signed) this.events.push(`login key ${attempt.username} ${accepted ? 'ok' : 'failed'}`);
    return { accepted, session: accepted && signed ? this.session(attempt) : null };
  }

  file(username: string, folder: FolderName, name: string): Buffer | undefined {
    return this.trees.get(username)?.get(folder)?.get(name)?.data;
  }

  put(username: string, folder: FolderName, name: string, data: Buffer) {
    this.trees.get(username)!.get(folder)!.set(name, { data, at: new Date() });
  }

  private session(attempt: LoginAttempt): AccountSession {
    const tree = this.trees.get(attempt.username)!;
    const events = this.events;
    const maxFileBytes = () => this.maxFileBytes;
    const open = new Set<UploadHandle>();
    const locate = (path: string) => {
      const abs = resolvePath('/', path);
      if (!abs) throw new GatewayError('UNSUPPORTED', 'Bad path');
      return targetOf(abs);
    };
    const fileAt = (path: string) => {
      const t = locate(path);
      if (t.kind !== 'file') throw new GatewayError('NOT_FOUND', 'No such file');
      const entry = tree.get(t.folder)!.get(t.name);
      if (!entry) throw new GatewayError('NOT_FOUND', 'No such file');
      return { ...t, entry };
    };
    const dir = (name: string, writable: boolean): GatewayEntry => ({
      name,
      isDirectory: true,
      size: 0,
      modifiedAt: new Date(0),
      writable,
    });
    return {
      accountId: attempt.username,
      username: attempt.username,
      protocol: attempt.protocol,
      async stat(path) {
        const t = locate(path);
        if (t.kind === 'root') return dir('/', false);
        if (t.kind === 'folder') return dir(t.folder, t.folder === 'inbound');
        const { name, folder, entry } = fileAt(path);
        return {
          name,
          isDirectory: false,
          size: entry.data.length,
          modifiedAt: entry.at,
          writable: folder === 'inbound',
        };
      },
      async list(path) {
        const t = locate(path);
        if (t.kind === 'root') return FOLDERS.map((f) => dir(f, f === 'inbound'));
        if (t.kind !== 'folder') throw new GatewayError('NOT_FOUND', 'No such directory');
        return [...tree.get(t.folder)!].map(([name, e]) => ({
          name,
          isDirectory: false,
          size: e.data.length,
          modifiedAt: e.at,
          writable: t.folder === 'inbound',
        }));
      },
      async openUpload(path) {
        const t = locate(path);
        if (t.kind !== 'file' || t.folder !== 'inbound')
          throw new GatewayError('PERMISSION_DENIED', 'Upload to /inbound only');
        if (!validFileName(t.name)) throw new GatewayError('UNSUPPORTED', 'Bad file name');
        const parts = new Map<number, Buffer>();
        let size = 0;
        const handle: UploadHandle = {
          async write(offset, data) {
            if (offset + data.length > maxFileBytes()) throw new GatewayError('TOO_LARGE', 'File too large');
            parts.set(offset, Buffer.from(data));
            size = Math.max(size, offset + data.length);
          },
          async close() {
            open.delete(handle);
            const out = Buffer.alloc(size);
            for (const [offset, data] of parts) data.copy(out, offset);
            tree.get('inbound')!.set(t.name, { data: out, at: new Date() });
            events.push(`upload ${attempt.username} ${t.name} ${size}`);
          },
          async abort() {
            open.delete(handle);
            events.push(`aborted ${attempt.username} ${t.name}`);
          },
        };
        open.add(handle);
        return handle;
      },
      async openDownload(path): Promise<DownloadHandle> {
        const { name, entry } = fileAt(path);
        events.push(`download ${attempt.username} ${name}`);
        return {
          size: entry.data.length,
          async read(offset, length) {
            return entry.data.subarray(offset, offset + length);
          },
          async close() {},
        };
      },
      async remove(path) {
        const { folder, name } = fileAt(path);
        if (folder === 'archive') throw new GatewayError('PERMISSION_DENIED', '/archive is read-only');
        tree.get(folder)!.delete(name);
        events.push(`delete ${attempt.username} ${name}`);
      },
      async rename(from, to) {
        const src = fileAt(from);
        const dst = locate(to);
        if (src.folder !== 'inbound' || dst.kind !== 'file' || dst.folder !== 'inbound')
          throw new GatewayError('PERMISSION_DENIED', 'Rename within /inbound only');
        if (tree.get('inbound')!.has(dst.name)) throw new GatewayError('EXISTS', 'Target exists');
        tree.get('inbound')!.delete(src.name);
        tree.get('inbound')!.set(dst.name, src.entry);
        events.push(`rename ${attempt.username} ${src.name} ${dst.name}`);
      },
      async end() {
        for (const h of [...open]) await h.abort();
      },
    };
  }
}
