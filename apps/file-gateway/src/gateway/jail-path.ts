import { posix } from 'node:path';

export const FOLDERS = ['inbound', 'outbound', 'archive'] as const;
export type FolderName = (typeof FOLDERS)[number];

/** What a virtual path names: the root, one of the three folders, or a file in one. */
export type JailTarget =
  | { kind: 'root' }
  | { kind: 'folder'; folder: FolderName }
  | { kind: 'file'; folder: FolderName; name: string }
  | { kind: 'none' };

/**
 * A client's path, absolute or relative to `cwd`, as an absolute path inside the jail. `..`
 * never climbs above `/` (as on any chrooted server), so `/../../etc/passwd` is `/etc/passwd`
 * inside the jail, which does not exist. NUL bytes and backslashes are refused outright.
 */
export function resolvePath(cwd: string, path: string): string | null {
  if (path.includes('\0') || path.includes('\\')) return null;
  const joined = path.startsWith('/') ? path : posix.join(cwd || '/', path || '.');
  const normal = posix.normalize(`/${joined}`);
  const trimmed = normal.length > 1 ? normal.replace(/\/+$/, '') : normal;
  return trimmed || '/';
}

const FILE_NAME = /^[A-Za-z0-9._][A-Za-z0-9._ ()+,=@~-]{0,254}$/;

/** Whether `name` may be a file's name: printable ASCII without separators, not `.` or `..`. */
export function validFileName(name: string): boolean {
  return FILE_NAME.test(name) && name !== '.' && name !== '..';
}

/**
 * Names clients upload to before renaming to the final one: WinSCP's `.filepart`, `.part`,
 * `.tmp`, and lftp's `.in.NAME.` (xfer:use-temp-file). Such a file is not processed until it is
 * renamed to a name that is not temporary.
 */
export function isTemporaryName(name: string): boolean {
  return /\.(tmp|part|filepart)$/i.test(name) || name.startsWith('.in.');
}

/** What an absolute jail path (from resolvePath) names. */
export function targetOf(absolute: string): JailTarget {
  if (absolute === '/') return { kind: 'root' };
  const parts = absolute.split('/').filter(Boolean);
  const folder = FOLDERS.find((f) => f === parts[0]);
  if (!folder || parts.length > 2) return { kind: 'none' };
  if (parts.length === 1) return { kind: 'folder', folder };
  return { kind: 'file', folder, name: parts[1] };
}

/**
 * A client-chosen name or path as it may appear in a log line: any run of 12 or more digits is
 * masked, since a client can put a card number in a file name or a username (the audit trail in
 * the database keeps the real name).
 */
export function loggable(text: string): string {
  return text.slice(0, 300).replace(/\d{12,}/g, (run) => `#${run.length}digits#`);
}
