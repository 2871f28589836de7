import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { utils } from 'ssh2';
import type { AccountSession, GatewayLogin } from '../gateway/account-session';
import { loadOrCreateHostKeys } from '../gateway/host-keys';
import { MemoryGateway, type MemoryAccount } from '../testing/memory-gateway';
import { SftpServer } from './sftp-server';

/** Test helpers: an SftpServer on MemoryGateway (random ports) and the real OpenSSH client. */
export interface Harness {
  dir: string;
  gateway: MemoryGateway;
  server: SftpServer;
  ports: { passwordPort: number; keyPort: number };
  fingerprints: { ed25519: string; rsa: string };
  logs: Record<string, unknown>[];
  /** Bytes the server has passed to UploadHandle.write, by absolute path. */
  written: Map<string, number>;
  /** Bytes passed to write() whose promise has not settled yet: now and the most ever. */
  pending: { bytes: number; max: number };
  stop(): Promise<void>;
}

export interface HarnessOptions {
  dir?: string;
  gateway?: MemoryGateway;
  /** Awaited before each write reaches the gateway (a slow store). */
  beforeWrite?: () => Promise<void>;
  maxBufferedBytesPerSession?: number;
}

/** MemoryGateway's login, with each upload's written bytes counted (to interrupt one mid-way). */
function counting(
  gateway: MemoryGateway,
  written: Map<string, number>,
  pending: Harness['pending'],
  beforeWrite?: () => Promise<void>,
): GatewayLogin {
  const wrap = (session: AccountSession | null): AccountSession | null =>
    session && {
      ...session,
      accountId: session.accountId,
      username: session.username,
      protocol: session.protocol,
      async openUpload(path) {
        const upload = await session.openUpload(path);
        return {
          ...upload,
          async write(offset, data) {
            written.set(path, (written.get(path) ?? 0) + data.length);
            pending.bytes += data.length;
            pending.max = Math.max(pending.max, pending.bytes);
            try {
              await beforeWrite?.();
              return await upload.write(offset, data);
            } finally {
              pending.bytes -= data.length;
            }
          },
          close: () => upload.close(),
          abort: () => upload.abort(),
        };
      },
    };
  return {
    isBanned: (ip) => gateway.isBanned(ip),
    password: async (attempt, password) => wrap(await gateway.password(attempt, password)),
    publicKey: async (attempt, key, signed) => {
      const r = await gateway.publicKey(attempt, key, signed);
      return { accepted: r.accepted, session: wrap(r.session) };
    },
  };
}

export async function startHarness(accounts: MemoryAccount[], extra: HarnessOptions = {}): Promise<Harness> {
  const dir = extra.dir ?? mkdtempSync(join(tmpdir(), 'sftp-it-'));
  const hostKeys = loadOrCreateHostKeys({ dir: join(dir, 'host') });
  const gateway = extra.gateway ?? new MemoryGateway(accounts);
  const written = new Map<string, number>();
  const pending = { bytes: 0, max: 0 };
  const logs: Record<string, unknown>[] = [];
  const record = (level: string) => (fields: object, msg: string) => logs.push({ level, msg, ...fields });
  const server = new SftpServer({
    host: '127.0.0.1',
    passwordPort: 0,
    keyPort: 0,
    hostKeys: hostKeys.keys,
    login: counting(gateway, written, pending, extra.beforeWrite),
    maxBufferedBytesPerSession: extra.maxBufferedBytesPerSession,
    logger: { info: record('info'), warn: record('warn'), error: record('error') },
  });
  const ports = await server.listen();
  return {
    dir,
    gateway,
    server,
    ports,
    fingerprints: hostKeys.fingerprints,
    logs,
    written,
    pending,
    async stop() {
      await server.close();
      if (!extra.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A client key made by ssh-keygen, and the wire blob MemoryGateway compares. */
export function makeClientKey(dir: string, type: 'rsa' | 'ed25519', bits?: number) {
  const path = join(dir, `id_${type}${bits ?? ''}`);
  execFileSync('ssh-keygen', ['-q', '-t', type, ...(bits ? ['-b', String(bits)] : []), '-N', '', '-f', path]);
  const parsed = utils.parseKey(readFileSync(`${path}.pub`));
  if (parsed instanceof Error) throw parsed;
  return { path, blob: parsed.getPublicSSH() };
}

export interface SftpRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface SftpClientOptions {
  port: number;
  user: string;
  password?: string;
  identity?: string;
  /** More `-o` options, e.g. `Ciphers=aes256-ctr`. */
  options?: string[];
  cwd?: string;
}

/** The OpenSSH client's arguments for one batch run (without `-b`). */
export function sftpArgs(o: SftpClientOptions): string[] {
  const opts = [
    'StrictHostKeyChecking=no',
    'UserKnownHostsFile=/dev/null',
    'LogLevel=ERROR',
    'ConnectTimeout=20',
    ...(o.identity
      ? ['IdentitiesOnly=yes', 'PasswordAuthentication=no', 'KbdInteractiveAuthentication=no']
      : ['PubkeyAuthentication=no', 'IdentityFile=/dev/null', 'NumberOfPasswordPrompts=1']),
    ...(o.options ?? []),
  ];
  return [
    // `sftp -b` adds BatchMode=yes, which forbids password prompts; the first value given wins in
    // ssh, and options before -b come first, so sshpass can still answer the prompt.
    ...(o.password !== undefined ? ['-o', 'BatchMode=no'] : []),
    ...opts.flatMap((x) => ['-o', x]),
    ...(o.identity ? ['-i', o.identity] : []),
    '-P',
    String(o.port),
  ];
}

export function spawnSftp(o: SftpClientOptions, batchFile: string, sftpFlags: string[] = []): ChildProcess {
  const args = [...sftpArgs(o), ...sftpFlags, '-b', batchFile, `${o.user}@127.0.0.1`];
  const [cmd, argv] =
    o.password !== undefined ? ['sshpass', ['-p', o.password, 'sftp', ...args]] : ['sftp', args];
  // Its own process group, so a test can kill sftp and its ssh child at once (a dropped connection).
  return spawn(cmd, argv, { cwd: o.cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
}

/** Runs `sftp -b` with these commands (a `-` prefix lets the batch go on after a failure). */
export function runSftp(
  o: SftpClientOptions & { dir: string },
  commands: string[],
  sftpFlags: string[] = [],
): Promise<SftpRun> {
  const batch = join(o.dir, `batch-${Math.random().toString(36).slice(2)}`);
  writeFileSync(batch, `${commands.join('\n')}\n`);
  const child = spawnSftp(o, batch, sftpFlags);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}
