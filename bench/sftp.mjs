import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { benchImport } from './import.mjs';
import { benchSftpUpload } from './sftp-upload.mjs';
import { mb, samplePeakRss } from './rss.mjs';
import { freePort } from '../scripts/lib/ports.mjs';
import { waitForGateway } from '../scripts/lib/demo-sftp.mjs';
import { entry } from '../scripts/lib/stack.mjs';

// npm run bench -- sftp (issue 12): (1) 300 MiB uploaded with OpenSSH `sftp` to Conduit's gateway
// and, in the same run, to a private OpenSSH sshd on loopback with the same cipher — MiB/s of
// each and the ratio (target ≥ 0.5); (2) a 100,000-record IMPTI10 file uploaded and processed by
// the running worker — records/s (target ≥ 2,000/s) and the worker's peak RSS. The upload goes to
// a gateway replica started here with a 1 GiB file limit (the default limit is 100 MiB), sharing
// the started stack's database, Redis, keys and storage.
const SIZE_MIB = Number(process.env.BENCH_SFTP_MIB ?? 300);
const RECORDS = Number(process.env.BENCH_IMPORT_RECORDS ?? 100_000);

function runSftp(args, batch) {
  return new Promise((resolve, reject) => {
    const child = spawn('sftp', ['-b', '-', ...args], { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`sftp: ${stderr.trim()}`))));
    child.stdin.end(`${batch.join('\n')}\n`);
  });
}

async function startReplica(runtime, dataDir, env) {
  const ports = {
    SFTP_PASSWORD_PORT: await freePort(),
    SFTP_KEY_PORT: await freePort(),
    FTPS_PORT: await freePort(),
    FILE_GATEWAY_HEALTH_PORT: await freePort(),
  };
  const child = spawn(process.execPath, [entry['file-gateway']], {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      CONDUIT_DATA_DIR: dataDir,
      DATABASE_URL: runtime.DATABASE_URL,
      REDIS_URL: runtime.REDIS_URL,
      VAULT_MASTER_KEYS: readFileSync(path.join(dataDir, 'vault-master-keys'), 'utf8').trim(),
      FTPS_PASSIVE_PORTS: '31001-31100',
      LOG_LEVEL: 'warn',
      ...env,
      ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const info = await waitForGateway(ports.FILE_GATEWAY_HEALTH_PORT, 60_000);
  return { info, pid: child.pid, stop: () => child.kill('SIGTERM') };
}

export async function benchSftp({ dataDir, apiUrl, databaseUrl, redisUrl, workerPid }) {
  const runtime = JSON.parse(readFileSync(path.join(dataDir, 'runtime.json'), 'utf8'));
  const identityFile = path.join(dataDir, 'demo-sftp-key');
  const replica = await startReplica(runtime, dataDir, { FILE_MAX_BYTES: String(1024 * 1024 * 1024) });
  const clientArgs = (port) => [
    '-P',
    String(port),
    '-i',
    identityFile,
    '-o',
    'IdentitiesOnly=yes',
    '-o',
    'StrictHostKeyChecking=no',
    '-o',
    'UserKnownHostsFile=/dev/null',
    '-o',
    'LogLevel=ERROR',
    'lakeside-sftp@127.0.0.1',
  ];
  try {
    console.log(`upload: ${SIZE_MIB} MiB, cipher aes256-gcm@openssh.com`);
    const gatewaySampler = samplePeakRss(replica.pid);
    const remoteName = `bench-upload-${Date.now()}.part`; // temporary: kept, never processed
    const upload = await benchSftpUpload({
      host: '127.0.0.1',
      port: replica.info.sftpKeyPort,
      username: 'lakeside-sftp',
      identityFile,
      remoteName,
      sizeMiB: SIZE_MIB,
    });
    const gatewayPeak = gatewaySampler.stop();
    await runSftp(clientArgs(replica.info.sftpKeyPort), [`rm /inbound/${remoteName}`]);

    const workerSampler = samplePeakRss(workerPid);
    const imported = await benchImport({
      databaseUrl,
      redisUrl,
      apiUrl,
      records: RECORDS,
      upload: (local, name) =>
        runSftp(clientArgs(replica.info.sftpKeyPort), [`put ${local} /inbound/${name}`]),
    });
    const workerPeak = workerSampler.stop();
    console.log(`
SFTP benchmark (same machine, same run)
  upload ${SIZE_MIB} MiB: Conduit ${upload.conduitMiBs.toFixed(1)} MiB/s, OpenSSH sshd ${upload.opensshMiBs.toFixed(1)} MiB/s, ratio ${upload.ratio.toFixed(2)} (target ≥ 0.5)
  gateway RSS peak during the upload: ${mb(gatewayPeak)}
  import ${imported.records} records: ${imported.seconds.toFixed(1)} s = ${imported.recordsPerSecond.toFixed(0)} records/s (target ≥ 2,000/s)
  worker RSS: ${mb(workerSampler.before)} before, ${mb(workerPeak)} peak (sampled every 50 ms)`);
    return [
      {
        name: `SFTP upload, ${SIZE_MIB} MiB`,
        figure: `${upload.conduitMiBs.toFixed(1)} MiB/s`,
        raw: `${upload.opensshMiBs.toFixed(1)} MiB/s (sshd)`,
        ratio: `${(100 * upload.ratio).toFixed(0)} %`,
        p99: '',
      },
      {
        name: `IMPTI10 import, ${imported.records.toLocaleString()} records`,
        figure: `${imported.recordsPerSecond.toFixed(0)} records/s`,
        raw: '',
        ratio: '',
        p99: '',
      },
    ];
  } finally {
    replica.stop();
  }
}
