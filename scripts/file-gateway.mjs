#!/usr/bin/env node
// npm run file-gateway: one more file-gateway replica on the database, Redis, host keys and file
// storage that `npm start` uses (or DATABASE_URL / REDIS_URL / FILE_STORAGE_DIR…). Replicas share
// bans (Redis), accounts and files (PostgreSQL and FILE_STORAGE_DIR), and the host keys, so a
// client sees the same server whichever replica a load balancer sends it to. On one machine the
// default ports are taken by the first gateway, so this one listens on free ports and says which.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildAll, ensureDependencies, root } from './lib/build.mjs';
import { replicaEnv } from './lib/replica-env.mjs';

const log = (m) => process.stdout.write(`[conduit-file-gateway] ${m}\n`);
const { nodeEnv, dataDir, env, masterKeys } = replicaEnv(log);
ensureDependencies(log);
if (!existsSync(path.join(root, 'dist/server/apps/file-gateway/src/main.js'))) buildAll(log);
const { startReaper, Supervised } = await import('./lib/supervisor.mjs');
const { freePort, isPortFree } = await import('./lib/ports.mjs');
const { waitForGateway } = await import('./lib/demo-sftp.mjs');
const defaults = {
  SFTP_PASSWORD_PORT: 2222,
  SFTP_KEY_PORT: 2201,
  FTPS_PORT: 2121,
  FILE_GATEWAY_HEALTH_PORT: 3002,
};
const ports = {};
for (const [name, fallback] of Object.entries(defaults)) {
  const wanted = Number(process.env[name] ?? fallback);
  const usable = Boolean(process.env[name]) || (await isPortFree(wanted));
  ports[name] = String(usable ? wanted : await freePort());
}
const reaper = startReaper(path.join(dataDir, 'reaper-file-gateway.log'));
const gateway = new Supervised({
  label: 'file-gateway',
  app: 'file-gateway',
  env: {
    NODE_ENV: nodeEnv,
    CONDUIT_DATA_DIR: dataDir,
    // Beside the first gateway on one machine: its own passive range unless one is set.
    FTPS_PASSIVE_PORTS:
      process.env.FTPS_PASSIVE_PORTS ?? (ports.FTPS_PORT === '2121' ? '28000-30000' : '30001-31000'),
    ...env,
    ...ports,
    ...(masterKeys ? { VAULT_MASTER_KEYS: masterKeys } : {}),
  },
  log,
  onSpawn: (child) => reaper.watch(child.pid, { label: 'file-gateway', signal: 'SIGTERM' }),
  onGiveUp: (message) => {
    log(`✖ ${message}`);
    void stop(1);
  },
}).start();
async function stop(code = 0) {
  await gateway.stop();
  await reaper.close();
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void stop());
const info = await waitForGateway(Number(ports.FILE_GATEWAY_HEALTH_PORT)).catch((err) => {
  log(`✖ ${err.message}`);
  return stop(1);
});
log(
  `file gateway replica ready: SFTP ${info.sftpPasswordPort} (password) / ${info.sftpKeyPort} (key), FTPS ${info.ftpsPort} (passive ${info.ftpsPassivePorts}), host keys ${info.hostKeyFingerprints.ed25519}, ${info.hostKeyFingerprints.rsa}`,
);
