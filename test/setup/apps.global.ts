import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createTestDatabase, startTestInfrastructure } from '@conduit/testing';
import { freePort } from '../../scripts/lib/ports.mjs';
import { entry, seed, spawnApp, waitForReady } from '../../scripts/lib/stack.mjs';
import { demoSftpKey, waitForGateway } from '../../scripts/lib/demo-sftp.mjs';
import { DEMO } from '../../prisma/seed';
import { codeAt } from '@conduit/tenancy';
import { dumpArtifacts, E2E_OUT } from './artifacts';

async function signInOps(apiUrl: string): Promise<string> {
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${apiUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { challenge?: string; token?: string };
  };
  const { challenge } = await post('/admin/api/auth/login', {
    email: DEMO.ops.email,
    password: DEMO.ops.password,
  });
  const { token } = await post('/admin/api/auth/two-factor/verify', {
    challenge,
    code: codeAt(DEMO.ops.totpSecret),
  });
  return token!;
}

/**
 * End-to-end tests: the built api and worker started as processes (as `npm start` does) on
 * free ports, against a private PostgreSQL and Redis with the demo data.
 */
export default async function setup(project: TestProject) {
  if (!existsSync(entry.api)) throw new Error('Build first (npm test does): dist/server is missing');
  const infra = await startTestInfrastructure();
  const db = await createTestDatabase(infra.pgUrl);
  const vaultMasterKeys = `1:${Buffer.alloc(32, 7).toString('base64')}`;
  const [port, workerPort] = [await freePort(), await freePort()];
  const gatewayPorts = {
    SFTP_PASSWORD_PORT: await freePort(),
    SFTP_KEY_PORT: await freePort(),
    FTPS_PORT: await freePort(),
    FILE_GATEWAY_HEALTH_PORT: await freePort(),
  };
  // The gateway's host keys, certificate and sealed files, and the demo account's key pair, in a
  // folder of this run (never the developer's .data/).
  const gatewayDir = mkdtempSync(path.join(os.tmpdir(), 'conduit-e2e-gateway-'));
  const demoKey = await demoSftpKey(gatewayDir);
  await seed(db.url, vaultMasterKeys, { sftpPublicKey: demoKey.publicKey });
  const env = {
    NODE_ENV: 'test',
    VAULT_MASTER_KEYS: vaultMasterKeys,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: db.url,
    REDIS_URL: infra.redisUrl,
    CONSOLE_DIR: path.resolve(__dirname, '../../dist/console'),
    LOG_LEVEL: 'info',
    LOGIN_MAX_FAILURES_PER_ACCOUNT: '5',
    LOGIN_SLOWDOWN_AFTER: '2',
    LOGIN_LOCKOUT_SECONDS: '60',
    // The shared platform-admin session (below) must outlive the run between its uses.
    ADMIN_SESSION_IDLE_MS: '3600000',
    // Every e2e client is 127.0.0.1: the per-address lock would otherwise end the run.
    LOGIN_MAX_FAILURES_PER_IP: '1000',
    // As behind a local proxy: a test may name its client address with X-Forwarded-For.
    TRUST_PROXY: '127.0.0.1',
    WORKER_HEALTH_PORT: String(workerPort),
    RATE_LIMIT_PER_SECOND: '150',
    // Webhooks: the spec's sequence (5 attempts) at test speed; receivers run on loopback.
    WEBHOOK_RETRY_INTERVAL_MS: '300',
    WEBHOOK_MAX_ATTEMPTS: '5',
    WEBHOOK_TIMEOUT_MS: '1500',
    WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
    WEBHOOK_SOURCE_IPS: '203.0.113.10,203.0.113.11',
    // Single sign-on tokens live 12 s in tests, so expiry can be watched.
    SSO_TOKEN_TTL_MS: '12000',
    ...Object.fromEntries(Object.entries(gatewayPorts).map(([k, v]) => [k, String(v)])),
    FILE_GATEWAY_HOST: '127.0.0.1',
    FILE_GATEWAY_KEYS_DIR: path.join(gatewayDir, 'keys'),
    FILE_STORAGE_DIR: path.join(gatewayDir, 'files'),
    FTPS_PASSIVE_PORTS: '41000-41999',
    // Bans are tested with their own addresses' counts: low enough to reach in a test.
    FILE_GATEWAY_SLOWDOWN_AFTER: '3',
    FILE_GATEWAY_BAN_AFTER: '6',
    FILE_GATEWAY_BAN_SECONDS: '30',
    FILE_MAX_BYTES: String(64 * 1024 * 1024),
  };
  const logs = path.join(E2E_OUT, 'e2e-logs');
  const children: ChildProcess[] = [
    spawnApp('api', env, ['ignore', 'pipe', 'pipe']),
    spawnApp('worker', env, ['ignore', 'pipe', 'pipe']),
    spawnApp('file-gateway', env, ['ignore', 'pipe', 'pipe']),
  ];
  const { mkdirSync, createWriteStream } = await import('node:fs');
  mkdirSync(logs, { recursive: true });
  children.forEach((child, i) => {
    const out = createWriteStream(path.join(logs, `${['api', 'worker', 'file-gateway'][i]}.log`));
    child.stdout?.pipe(out);
    child.stderr?.pipe(out);
  });
  await waitForReady(port, 60_000);
  const gateway = await waitForGateway(gatewayPorts.FILE_GATEWAY_HEALTH_PORT, 60_000);
  project.provide('fileGateway', {
    host: '127.0.0.1',
    sftpPasswordPort: gateway.sftpPasswordPort,
    sftpKeyPort: gateway.sftpKeyPort,
    ftpsPort: gateway.ftpsPort,
    hostKeyFingerprints: gateway.hostKeyFingerprints,
    storageDir: path.join(gatewayDir, 'files'),
    demoKeyPath: demoKey.privatePath,
  });
  project.provide('apiUrl', `http://127.0.0.1:${port}`);
  // The platform admin signs in with two-factor; a code works once, so every file shares this
  // one session instead of signing in again within the same 30-second step.
  project.provide('opsToken', await signInOps(`http://127.0.0.1:${port}`));
  project.provide('databaseUrl', db.url);
  project.provide('redisUrl', infra.redisUrl);
  project.provide('pgUrlTemplate', infra.pgUrl('{db}'));
  project.provide('workerHealthUrl', `http://127.0.0.1:${workerPort}/health`);
  return async () => {
    await dumpArtifacts(db.url, infra.redisUrl);
    await Promise.all(
      children.map(
        (c) =>
          new Promise((resolve) =>
            c.exitCode !== null ? resolve(null) : (c.once('exit', resolve), c.kill('SIGTERM')),
          ),
      ),
    );
    await infra.stop();
  };
}
