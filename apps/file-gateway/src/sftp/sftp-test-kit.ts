import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { utils } from 'ssh2';
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
  stop(): Promise<void>;
}

export async function startHarness(
  accounts: MemoryAccount[],
  extra: { dir?: string } = {},
): Promise<Harness> {
  const dir = extra.dir ?? mkdtempSync(join(tmpdir(), 'sftp-it-'));
  const hostKeys = loadOrCreateHostKeys({ dir: join(dir, 'host') });
  const gateway = new MemoryGateway(accounts);
  const logs: Record<string, unknown>[] = [];
  const record = (level: string) => (fields: object, msg: string) => logs.push({ level, msg, ...fields });
  const server = new SftpServer({
    host: '127.0.0.1',
    passwordPort: 0,
    keyPort: 0,
    hostKeys: hostKeys.keys,
    login: gateway,
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

export function spawnSftp(o: SftpClientOptions, batchFile: string): ChildProcess {
  const args = [...sftpArgs(o), '-b', batchFile, `${o.user}@127.0.0.1`];
  const [cmd, argv] =
    o.password !== undefined ? ['sshpass', ['-p', o.password, 'sftp', ...args]] : ['sftp', args];
  return spawn(cmd, argv, { cwd: o.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Runs `sftp -b` with these commands (a `-` prefix lets the batch go on after a failure). */
export function runSftp(o: SftpClientOptions & { dir: string }, commands: string[]): Promise<SftpRun> {
  const batch = join(o.dir, `batch-${Math.random().toString(36).slice(2)}`);
  writeFileSync(batch, `${commands.join('\n')}\n`);
  const child = spawnSftp(o, batch);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}
