/**
 * The seam between the protocol servers (SFTP over ssh2, FTPS) and the gateway's core: a signed-in
 * account's jailed view of its files. The servers translate protocol requests into these calls and
 * `GatewayError` codes into protocol status codes; they never touch storage, the database or paths
 * outside the account's virtual tree themselves.
 *
 * The tree is virtual: `/` holds exactly `inbound`, `outbound` and `archive`; each holds files only
 * (no subdirectories, no symlinks). Paths are POSIX strings as the client sent them, absolute or
 * relative to the session's working directory; `resolvePath` (jail-path.ts) normalizes them, so
 * `..` and absolute paths can never name anything outside the tree.
 */

export type GatewayErrorCode =
  /** No such file or directory. */
  | 'NOT_FOUND'
  /** The folder does not allow it (write to /outbound, delete in /archive, mkdir, symlink…). */
  | 'PERMISSION_DENIED'
  /** A file of that name exists where the operation needs none (rename target). */
  | 'EXISTS'
  /** The account's quota would be exceeded. */
  | 'QUOTA_EXCEEDED'
  /** The file is larger than the gateway's file size limit. */
  | 'TOO_LARGE'
  /** A request the gateway cannot honour (a write before data already written, a bad name). */
  | 'UNSUPPORTED'
  /** Storage failed or a stored file did not authenticate. */
  | 'FAILURE';

export class GatewayError extends Error {
  constructor(
    readonly code: GatewayErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'GatewayError';
  }
}

export interface GatewayEntry {
  /** The last path segment (`inbound`, `NAME.txt`). */
  name: string;
  isDirectory: boolean;
  size: number;
  modifiedAt: Date;
  /** What the account may do here: the servers show it as permission bits. */
  writable: boolean;
}

/** A file being uploaded. Nothing is visible under its name until `close` resolves. */
export interface UploadHandle {
  /**
   * Data at `offset`. Writes may arrive out of order and many at once (OpenSSH keeps 64 in
   * flight); the handle reorders them. Rejects with TOO_LARGE, QUOTA_EXCEEDED, or UNSUPPORTED for
   * a write that overlaps data already sealed.
   */
  write(offset: number, data: Buffer): Promise<void>;
  /** The upload is complete: the file appears (and, in /inbound, is queued for processing). */
  close(): Promise<void>;
  /** The upload was interrupted: nothing is kept, nothing is processed. */
  abort(): Promise<void>;
}

/** A file being downloaded: random-access reads of its plaintext. */
export interface DownloadHandle {
  readonly size: number;
  /** Up to `length` bytes at `offset`; an empty buffer at or past the end. */
  read(offset: number, length: number): Promise<Buffer>;
  close(): Promise<void>;
}

export interface AccountSession {
  readonly accountId: string;
  readonly username: string;
  /** Which listener the account signed in on: recorded in every audit entry. */
  readonly protocol: 'SFTP' | 'FTPS';
  stat(path: string): Promise<GatewayEntry>;
  /** The entries of a directory (`/`, `/inbound`, …); NOT_FOUND for a file or unknown path. */
  list(path: string): Promise<GatewayEntry[]>;
  /**
   * A new file in /inbound (PERMISSION_DENIED elsewhere). An existing file of that name is
   * replaced when the upload closes. A name ending in a temporary suffix (`.tmp`, `.part`,
   * `.filepart`) is kept but not processed until renamed to its final name.
   */
  openUpload(path: string): Promise<UploadHandle>;
  openDownload(path: string): Promise<DownloadHandle>;
  /** Deletes a file in /outbound or /inbound (PERMISSION_DENIED in /archive). */
  remove(path: string): Promise<void>;
  /** Within /inbound only (e.g. `NAME.tmp` → `NAME`, which starts processing). */
  rename(from: string, to: string): Promise<void>;
  /** The connection ended: aborts uploads still open. */
  end(): Promise<void>;
}

export interface LoginAttempt {
  username: string;
  /** The client's address (without an IPv6 `::ffff:` prefix). */
  ip: string;
  protocol: 'SFTP' | 'FTPS';
}

/** Signs accounts in; slows and bans guessers per address (state shared by replicas). */
export interface GatewayLogin {
  /** Whether the address is banned now: the servers drop it before any authentication. */
  isBanned(ip: string): Promise<boolean>;
  password(attempt: LoginAttempt, password: string): Promise<AccountSession | null>;
  /**
   * Whether the account has this public key (ssh2's `ctx.key`: algorithm and SSH wire blob). The
   * SFTP server calls it without a signature first (the client's query), then with one after
   * ssh2 has verified the signature: only then is a session returned.
   */
  publicKey(
    attempt: LoginAttempt,
    key: { algorithm: string; data: Buffer },
    signed: boolean,
  ): Promise<{ accepted: boolean; session: AccountSession | null }>;
}
