import type { Attributes, FileEntry, SFTPWrapper } from 'ssh2';
import {
  type AccountSession,
  type DownloadHandle,
  type GatewayEntry,
  GatewayError,
  type UploadHandle,
} from '../gateway/account-session';
import { loggable, resolvePath } from '../gateway/jail-path';
import { FlowGate } from './flow-gate';
import type { GatewayLogger } from './gateway-logger';
import { STATUS, statusFor } from './sftp-status';

/** SSH_FXF_* open flags (SFTP v3). */
const FLAG = { READ: 0x01, WRITE: 0x02, APPEND: 0x04, CREAT: 0x08, TRUNC: 0x10, EXCL: 0x20 };
const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;
/** OpenSSH's client accepts SFTP packets up to 256 KiB; a READ answer stays under that. */
const MAX_READ = 255 * 1024;
const NAMES_PER_READDIR = 64;

export interface SftpSessionOptions {
  sessionId: string;
  log: GatewayLogger;
  maxHandles: number;
  /** Bytes of unfinished writes, reads and queued answers one session may hold (FlowGate). */
  maxBufferedBytes: number;
  /** Called on every request (the server's idle timer). */
  onActivity?: () => void;
}

interface UploadState {
  kind: 'upload';
  path: string;
  upload: UploadHandle;
  pending: Set<Promise<void>>;
  /** The first write that failed: the upload is then aborted at CLOSE, never completed. */
  failure: unknown;
  size: number;
  bytes: number;
  startedAt: number;
}
interface DownloadState {
  kind: 'download';
  path: string;
  download: DownloadHandle;
}
interface DirState {
  kind: 'dir';
  path: string;
  entries: GatewayEntry[];
  next: number;
}
type HandleState = UploadState | DownloadState | DirState;

/**
 * One SFTP subsystem: the handle table and an answer to every v3 request, in terms of the
 * account's jailed session. Every client path goes through `resolvePath('/', …)` first (SFTP has
 * no working directory: clients send absolute paths or paths relative to the REALPATH of `.`,
 * which is `/`), so nothing here can name a path outside the account's tree.
 */
export class SftpSession {
  private readonly handles = new Map<number, HandleState>();
  private nextHandle = 1;
  private readonly gate: FlowGate;
  private ended: Promise<void> | undefined;

  constructor(
    private readonly sftp: SFTPWrapper,
    private readonly account: AccountSession,
    private readonly options: SftpSessionOptions,
  ) {
    this.gate = new FlowGate(sftp, options.maxBufferedBytes);
    this.attach();
  }

  /** The channel or connection ended: interrupted uploads are aborted, never completed. */
  end(): Promise<void> {
    this.ended ??= this.finish();
    return this.ended;
  }

  private async finish() {
    this.gate.stop();
    const open = [...this.handles.values()];
    this.handles.clear();
    for (const h of open) {
      try {
        if (h.kind === 'upload') {
          await Promise.allSettled(h.pending);
          await h.upload.abort();
          this.log('upload aborted', { path: h.path, bytes: h.bytes, reason: 'connection ended' });
        } else if (h.kind === 'download') {
          await h.download.close();
        }
      } catch (err) {
        this.options.log.error({ sessionId: this.options.sessionId, err }, 'sftp cleanup failed');
      }
    }
    await this.account.end();
  }

  private attach() {
    const s = this.sftp;
    const on = (event: string, handler: (reqid: number, ...args: never[]) => Promise<void> | void) =>
      s.on(event, (reqid: number, ...args: never[]) => {
        this.options.onActivity?.();
        if (this.ended) return s.status(reqid, STATUS.FAILURE, 'Session ended');
        Promise.resolve()
          .then(() => handler(reqid, ...args))
          .catch((err) => this.fail(reqid, event, err));
      });
    on('REALPATH', (id, path: string) => this.realpath(id, path));
    on('STAT', (id, path: string) => this.stat(id, path));
    on('LSTAT', (id, path: string) => this.stat(id, path));
    on('FSTAT', (id, handle: Buffer) => this.fstat(id, handle));
    on('OPENDIR', (id, path: string) => this.opendir(id, path));
    on('READDIR', (id, handle: Buffer) => this.readdir(id, handle));
    on('OPEN', (id, path: string, flags: number) => this.open(id, path, flags));
    on('READ', (id, handle: Buffer, offset: number, length: number) => this.read(id, handle, offset, length));
    on('WRITE', (id, handle: Buffer, offset: number, data: Buffer) => this.write(id, handle, offset, data));
    on('CLOSE', (id, handle: Buffer) => this.close(id, handle));
    on('REMOVE', (id, path: string) => this.remove(id, path));
    on('RENAME', (id, from: string, to: string) => this.rename(id, from, to));
    on('MKDIR', (id, path: string) => this.refuse(id, 'MKDIR', path, 'Folders cannot be created here'));
    on('RMDIR', (id, path: string) => this.refuse(id, 'RMDIR', path, 'Folders cannot be removed'));
    on('SYMLINK', (id, path: string) => this.refuse(id, 'SYMLINK', path, 'Symbolic links are not allowed'));
    on('READLINK', (id) => s.status(id, STATUS.OP_UNSUPPORTED, 'There are no symbolic links'));
    // `put -p`, WinSCP and FileZilla set times and modes after an upload; the gateway keeps its own.
    on('SETSTAT', (id) => s.status(id, STATUS.OK));
    on('FSETSTAT', (id) => s.status(id, STATUS.OK));
  }

  private fail(reqid: number, request: string, err: unknown) {
    const status = statusFor(err);
    if (!(err instanceof GatewayError))
      this.options.log.error({ sessionId: this.options.sessionId, request, err }, 'sftp request failed');
    else if (err.code === 'FAILURE')
      this.options.log.warn(
        { sessionId: this.options.sessionId, request, error: err.message },
        'sftp failure',
      );
    this.sftp.status(reqid, status.code, status.message);
  }

  private log(msg: string, fields: Record<string, unknown>) {
    const safe = Object.fromEntries(
      Object.entries(fields).map(([k, v]) => [k, typeof v === 'string' ? loggable(v) : v]),
    );
    this.options.log.info({ sessionId: this.options.sessionId, ...safe }, msg);
  }

  /** The jail path, or a NO_SUCH_FILE answer for a path no file can have (NUL, backslash). */
  private resolve(reqid: number, path: string): string | null {
    const abs = resolvePath('/', path);
    if (abs === null) this.sftp.status(reqid, STATUS.NO_SUCH_FILE, 'No such file');
    return abs;
  }

  private realpath(id: number, path: string) {
    const abs = this.resolve(id, path);
    if (abs === null) return;
    this.sftp.name(id, [{ filename: abs, longname: abs, attrs: {} as Attributes }]);
  }

  private async stat(id: number, path: string) {
    const abs = this.resolve(id, path);
    if (abs === null) return;
    this.sftp.attrs(id, attrsOf(await this.account.stat(abs)));
  }

  private fstat(id: number, handle: Buffer) {
    const h = this.handle(id, handle);
    if (!h) return;
    if (h.kind === 'upload') this.sftp.attrs(id, fileAttrs(h.size, true, new Date(h.startedAt)));
    else if (h.kind === 'download') this.sftp.attrs(id, fileAttrs(h.download.size, false, new Date()));
    else this.sftp.attrs(id, dirAttrs(h.path === '/inbound'));
  }

  private async opendir(id: number, path: string) {
    const abs = this.resolve(id, path);
    if (abs === null || !this.roomForHandle(id)) return;
    const entries = await this.account.list(abs);
    this.sftp.handle(id, this.add({ kind: 'dir', path: abs, entries, next: 0 }));
  }

  private readdir(id: number, handle: Buffer) {
    const h = this.handle(id, handle);
    if (!h) return;
    if (h.kind !== 'dir') return this.sftp.status(id, STATUS.FAILURE, 'Not a directory handle');
    if (h.next >= h.entries.length) return this.sftp.status(id, STATUS.EOF);
    const batch = h.entries.slice(h.next, h.next + NAMES_PER_READDIR);
    h.next += batch.length;
    this.sftp.name(id, batch.map(nameOf));
  }

  private async open(id: number, path: string, flags: number) {
    const abs = this.resolve(id, path);
    if (abs === null || !this.roomForHandle(id)) return;
    const reads = (flags & FLAG.READ) !== 0;
    const writes = (flags & FLAG.WRITE) !== 0;
    this.log('sftp open', { path: abs, mode: writes ? 'write' : 'read' });
    if (reads && writes)
      return this.sftp.status(id, STATUS.OP_UNSUPPORTED, 'Files open for reading or for writing, not both');
    if (!writes) {
      const download = await this.account.openDownload(abs);
      this.sftp.handle(id, this.add({ kind: 'download', path: abs, download }));
      return;
    }
    if (flags & FLAG.APPEND)
      return this.sftp.status(id, STATUS.OP_UNSUPPORTED, 'Appending is not supported; upload the whole file');
    // Only a whole new file can be uploaded: resuming (`reput`) or rewriting in place would mix
    // old and new content in a file the gateway processes.
    if (flags & FLAG.EXCL || !(flags & FLAG.TRUNC)) {
      const existing = await this.account.stat(abs).catch((err: unknown) => {
        if (err instanceof GatewayError && err.code === 'NOT_FOUND') return null;
        throw err;
      });
      if (existing?.isDirectory) return this.sftp.status(id, STATUS.FAILURE, 'Is a directory');
      if (existing && flags & FLAG.EXCL) return this.sftp.status(id, STATUS.FAILURE, 'File exists');
      if (existing)
        return this.sftp.status(
          id,
          STATUS.OP_UNSUPPORTED,
          'Resuming or overwriting in place is not supported; upload the whole file',
        );
      if (!(flags & FLAG.CREAT)) return this.sftp.status(id, STATUS.NO_SUCH_FILE, 'No such file');
    }
    const upload = await this.account.openUpload(abs);
    if (this.ended) {
      await upload.abort();
      return;
    }
    const state: UploadState = {
      kind: 'upload',
      path: abs,
      upload,
      pending: new Set(),
      failure: undefined,
      size: 0,
      bytes: 0,
      startedAt: Date.now(),
    };
    this.sftp.handle(id, this.add(state));
  }

  private async read(id: number, handle: Buffer, offset: number, length: number) {
    const h = this.handle(id, handle);
    if (!h) return;
    if (h.kind !== 'download') return this.sftp.status(id, STATUS.FAILURE, 'Not opened for reading');
    if (offset >= h.download.size) return this.sftp.status(id, STATUS.EOF);
    const len = Math.min(length, MAX_READ);
    this.gate.hold(len);
    try {
      const data = await h.download.read(offset, len);
      if (data.length === 0) this.sftp.status(id, STATUS.EOF);
      else this.sftp.data(id, data);
    } finally {
      this.gate.release(len);
    }
  }

  private write(id: number, handle: Buffer, offset: number, data: Buffer) {
    const h = this.handle(id, handle);
    if (!h) return;
    if (h.kind !== 'upload') return this.sftp.status(id, STATUS.FAILURE, 'Not opened for writing');
    if (h.failure !== undefined) {
      const status = statusFor(h.failure);
      return this.sftp.status(id, status.code, status.message);
    }
    const length = data.length;
    this.gate.hold(length);
    const done = h.upload.write(offset, data).then(
      () => {
        h.bytes += length;
        if (offset + length > h.size) h.size = offset + length;
        this.sftp.status(id, STATUS.OK);
      },
      (err: unknown) => {
        h.failure ??= err;
        this.fail(id, 'WRITE', err);
      },
    );
    h.pending.add(done);
    void done.finally(() => {
      h.pending.delete(done);
      this.gate.release(length);
    });
  }

  private async close(id: number, handle: Buffer) {
    const h = this.handle(id, handle);
    if (!h) return;
    this.handles.delete(handle.readUInt32BE(0));
    if (h.kind === 'dir') return this.sftp.status(id, STATUS.OK);
    if (h.kind === 'download') {
      await h.download.close();
      this.log('download closed', { path: h.path, bytes: h.download.size });
      return this.sftp.status(id, STATUS.OK);
    }
    // Writes still in flight finish first: the file is complete only once all of them have.
    await Promise.allSettled(h.pending);
    if (h.failure !== undefined) {
      await h.upload.abort().catch(() => undefined);
      this.log('upload aborted', { path: h.path, bytes: h.bytes, reason: statusFor(h.failure).message });
      const status = statusFor(h.failure);
      return this.sftp.status(id, status.code, status.message);
    }
    try {
      await h.upload.close();
    } catch (err) {
      await h.upload.abort().catch(() => undefined);
      this.log('upload failed at close', { path: h.path, bytes: h.bytes });
      throw err;
    }
    this.log('upload closed', { path: h.path, bytes: h.size, ms: Date.now() - h.startedAt });
    this.sftp.status(id, STATUS.OK);
  }

  private async remove(id: number, path: string) {
    const abs = this.resolve(id, path);
    if (abs === null) return;
    await this.account.remove(abs);
    this.log('sftp remove', { path: abs });
    this.sftp.status(id, STATUS.OK);
  }

  private async rename(id: number, from: string, to: string) {
    const src = this.resolve(id, from);
    if (src === null) return;
    const dst = this.resolve(id, to);
    if (dst === null) return;
    await this.account.rename(src, dst);
    this.log('sftp rename', { from: src, to: dst });
    this.sftp.status(id, STATUS.OK);
  }

  private refuse(id: number, request: string, path: string, message: string) {
    this.log('sftp refused', { request, path: resolvePath('/', path) });
    this.sftp.status(id, STATUS.PERMISSION_DENIED, message);
  }

  private roomForHandle(id: number): boolean {
    if (this.handles.size < this.options.maxHandles) return true;
    this.sftp.status(id, STATUS.FAILURE, 'Too many open files');
    return false;
  }

  private add(state: HandleState): Buffer {
    const n = this.nextHandle;
    this.nextHandle = n === 0xffffffff ? 1 : n + 1;
    this.handles.set(n, state);
    const buf = Buffer.allocUnsafe(4);
    buf.writeUInt32BE(n, 0);
    return buf;
  }

  private handle(id: number, handle: Buffer): HandleState | undefined {
    const h = handle.length === 4 ? this.handles.get(handle.readUInt32BE(0)) : undefined;
    if (!h) this.sftp.status(id, STATUS.FAILURE, 'Invalid handle');
    return h;
  }
}

function fileAttrs(size: number, writable: boolean, modifiedAt: Date): Attributes {
  const mtime = Math.floor(modifiedAt.getTime() / 1000);
  return { mode: S_IFREG | (writable ? 0o644 : 0o444), uid: 0, gid: 0, size, atime: mtime, mtime };
}

function dirAttrs(writable: boolean): Attributes {
  return { mode: S_IFDIR | (writable ? 0o755 : 0o555), uid: 0, gid: 0, size: 0, atime: 0, mtime: 0 };
}

function attrsOf(e: GatewayEntry): Attributes {
  if (!e.isDirectory) return fileAttrs(e.size, e.writable, e.modifiedAt);
  const mtime = Math.floor(e.modifiedAt.getTime() / 1000);
  return { ...dirAttrs(e.writable), atime: mtime, mtime };
}

function nameOf(e: GatewayEntry): FileEntry {
  return { filename: e.name, longname: longname(e), attrs: attrsOf(e) as FileEntry['attrs'] };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An `ls -l` line, as OpenSSH's server formats it (clients show it verbatim for `ls -l`). */
export function longname(e: GatewayEntry, now = new Date()): string {
  const attrs = attrsOf(e);
  const mode = attrs.mode;
  const bits = 'rwxrwxrwx'
    .split('')
    .map((c, i) => (mode & (0o400 >> i) ? c : '-'))
    .join('');
  const perms = `${e.isDirectory ? 'd' : '-'}${bits}`;
  const at = e.modifiedAt;
  const recent = Math.abs(now.getTime() - at.getTime()) < 182 * 24 * 3600 * 1000;
  const day = String(at.getUTCDate()).padStart(2, ' ');
  const when = recent
    ? `${MONTHS[at.getUTCMonth()]} ${day} ${String(at.getUTCHours()).padStart(2, '0')}:${String(at.getUTCMinutes()).padStart(2, '0')}`
    : `${MONTHS[at.getUTCMonth()]} ${day}  ${at.getUTCFullYear()}`;
  const links = e.isDirectory ? 2 : 1;
  return `${perms} ${String(links).padStart(4)} ${'conduit'.padEnd(8)} ${'conduit'.padEnd(8)} ${String(e.size).padStart(8)} ${when} ${e.name}`;
}
