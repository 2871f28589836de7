import { spawn } from 'node:child_process';

/**
 * Debian's own file-transfer clients, driven as a user would from a shell: OpenSSH `sftp` in
 * batch mode (password through `sshpass`, or a key), `lftp` and `curl` over explicit FTPS.
 */
export interface ClientRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runClient(
  command: string,
  args: string[],
  options: { input?: string; env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<ClientRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...options.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

export interface SftpTarget {
  host: string;
  port: number;
  username: string;
  password?: string;
  identityFile?: string;
  cipher?: string;
  /** A local source address (127.0.0.x): lets a test be "another client" for bans. */
  bindAddress?: string;
}

/** `sftp -b -` options for a target: no known_hosts, no agent, only the key or password given. */
export function sftpArgs(t: SftpTarget): string[] {
  return [
    // `-b` turns password prompts off; sshpass answers the prompt, so turn them back on first.
    ...(t.password ? ['-o', 'BatchMode=no'] : []),
    '-b',
    '-',
    '-P',
    String(t.port),
    '-o',
    'StrictHostKeyChecking=no',
    '-o',
    'UserKnownHostsFile=/dev/null',
    '-o',
    'LogLevel=ERROR',
    '-o',
    'ConnectTimeout=10',
    '-o',
    `Ciphers=${t.cipher ?? 'aes256-gcm@openssh.com'}`,
    ...(t.bindAddress ? ['-o', `BindAddress=${t.bindAddress}`] : []),
    ...(t.identityFile
      ? ['-i', t.identityFile, '-o', 'IdentitiesOnly=yes', '-o', 'PreferredAuthentications=publickey']
      : ['-o', 'PreferredAuthentications=password,keyboard-interactive', '-o', 'PubkeyAuthentication=no']),
    `${t.username}@${t.host}`,
  ];
}

/** Runs an sftp batch (one command per line; a leading `-` lets a command fail without stopping). */
export function sftp(t: SftpTarget, batch: string[], timeoutMs?: number): Promise<ClientRun> {
  const input = `${batch.join('\n')}\n`;
  if (t.password)
    return runClient('sshpass', ['-e', 'sftp', ...sftpArgs(t)], {
      input,
      env: { SSHPASS: t.password },
      timeoutMs,
    });
  return runClient('sftp', sftpArgs(t), { input, timeoutMs });
}

/** lftp over explicit FTPS (AUTH TLS, protected data, passive), trusting the test certificate. */
export function lftp(
  t: { host: string; port: number; username: string; password: string; bindAddress?: string },
  commands: string[],
): Promise<ClientRun> {
  const settings = [
    'set ftp:ssl-force true',
    'set ftp:ssl-protect-data true',
    'set ftp:passive-mode true',
    'set ssl:verify-certificate no',
    'set net:max-retries 1',
    'set net:timeout 10',
    ...(t.bindAddress ? [`set net:socket-bind-ipv4 ${t.bindAddress}`] : []),
  ];
  const script = [
    ...settings,
    `open -u ${t.username},${t.password} -p ${t.port} ftp://${t.host}`,
    ...commands,
    'bye',
  ];
  return runClient('lftp', ['-c', script.join('; ')]);
}
