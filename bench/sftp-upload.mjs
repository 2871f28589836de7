import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';

// SFTP upload throughput of Conduit's gateway next to a private OpenSSH sshd on the same machine,
// same client (OpenSSH sftp -b), same cipher, same file: MiB/s of each and their ratio.

const CLIENT_OPTIONS = [
  'StrictHostKeyChecking=no',
  'UserKnownHostsFile=/dev/null',
  'LogLevel=ERROR',
  'IdentitiesOnly=yes',
  'PasswordAuthentication=no',
  'KbdInteractiveAuthentication=no',
  'BatchMode=yes',
];

function run(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${cmd} exited with ${code}: ${out.trim()}`)),
    );
  });
}

async function freePort() {
  const server = net.createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitForPort(port, child) {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`sshd exited with ${child.exitCode}`);
    const ok = await new Promise((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => {
        s.destroy();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('sshd did not start listening');
}

async function writeRandomFile(file, sizeMiB) {
  const out = createWriteStream(file);
  for (let i = 0; i < sizeMiB; i++) {
    if (!out.write(randomBytes(1024 * 1024))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** A private sshd on a free loopback port that accepts one generated key (we run as root). */
async function startSshd(work, cipher) {
  const port = await freePort();
  const hostKey = path.join(work, 'ssh_host_ed25519_key');
  const clientKey = path.join(work, 'id_ed25519');
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', hostKey]);
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', clientKey]);
  const authorized = path.join(work, 'authorized_keys');
  writeFileSync(authorized, readFileSync(`${clientKey}.pub`), { mode: 0o600 });
  const config = path.join(work, 'sshd_config');
  writeFileSync(
    config,
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${hostKey}`,
      `PidFile ${path.join(work, 'sshd.pid')}`,
      `AuthorizedKeysFile ${authorized}`,
      'UsePAM no',
      'StrictModes no',
      'PermitRootLogin prohibit-password',
      'PubkeyAuthentication yes',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      `Ciphers ${cipher}`,
      'Subsystem sftp internal-sftp',
      '',
    ].join('\n'),
  );
  // sshd insists on its privilege-separation directory.
  mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  const child = spawn('/usr/sbin/sshd', ['-D', '-e', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  try {
    await waitForPort(port, child);
  } catch (err) {
    child.kill('SIGTERM');
    throw new Error(`${err.message}: ${stderr.trim()}`);
  }
  return {
    port,
    clientKey,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'close');
    },
  };
}

/** Seconds for one `sftp -b` put of `file` to `remotePath`. */
async function timedPut({ host, port, username, identityFile, cipher, file, remotePath, work }) {
  const batch = path.join(work, `batch-${port}`);
  writeFileSync(batch, `put ${file} ${remotePath}\n`);
  const args = [
    ...CLIENT_OPTIONS.flatMap((o) => ['-o', o]),
    '-o',
    `Ciphers=${cipher}`,
    '-i',
    identityFile,
    '-P',
    String(port),
    '-b',
    batch,
    `${username}@${host}`,
  ];
  const started = process.hrtime.bigint();
  await run('sftp', args);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/**
 * Uploads a random file of `sizeMiB` with OpenSSH's sftp to Conduit's gateway (`host`:`port`,
 * signing in as `username` with `identityFile`) and to a private OpenSSH sshd started here, with
 * the same cipher. Returns MiB/s of each and conduit/openssh.
 */
export async function benchSftpUpload({
  host,
  port,
  username,
  identityFile,
  remoteDir = '/inbound',
  remoteName,
  sizeMiB = 300,
  cipher = 'aes256-gcm@openssh.com',
  log = (msg) => console.log(msg),
}) {
  const work = mkdtempSync(path.join(tmpdir(), 'bench-sftp-'));
  let sshd;
  try {
    const file = path.join(work, `bench-${sizeMiB}MiB.bin`);
    log(`writing ${sizeMiB} MiB of random data`);
    await writeRandomFile(file, sizeMiB);
    sshd = await startSshd(work, cipher);
    const remoteLocal = path.join(work, 'received');
    mkdirSync(remoteLocal);

    const opensshSeconds = await timedPut({
      host: '127.0.0.1',
      port: sshd.port,
      username: userInfo().username,
      identityFile: sshd.clientKey,
      cipher,
      file,
      remotePath: path.join(remoteLocal, path.basename(file)),
      work,
    });
    log(`openssh: ${(sizeMiB / opensshSeconds).toFixed(1)} MiB/s (${opensshSeconds.toFixed(2)} s)`);

    const conduitSeconds = await timedPut({
      host,
      port,
      username,
      identityFile,
      cipher,
      file,
      remotePath: `${remoteDir.replace(/\/+$/, '')}/${remoteName ?? path.basename(file)}`,
      work,
    });
    log(`conduit: ${(sizeMiB / conduitSeconds).toFixed(1)} MiB/s (${conduitSeconds.toFixed(2)} s)`);

    const conduitMiBs = sizeMiB / conduitSeconds;
    const opensshMiBs = sizeMiB / opensshSeconds;
    const ratio = conduitMiBs / opensshMiBs;
    log(`ratio conduit/openssh: ${ratio.toFixed(2)} (cipher ${cipher})`);
    return { conduitMiBs, opensshMiBs, ratio };
  } finally {
    await sshd?.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
