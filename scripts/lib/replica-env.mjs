import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './build.mjs';
import { devMasterKeys } from './vault-keys.mjs';

/**
 * What one more replica (`npm run worker`, `npm run file-gateway`) needs to join the stack that
 * `npm start` runs: the database and Redis URLs (DATABASE_URL / REDIS_URL, or the running
 * stack's `.data/runtime.json`) and the same card-vault key as its api, or every data key unwrap
 * fails. Stops with a clear message when there is no stack to join.
 */
export function replicaEnv(log) {
  const nodeEnv = process.env.NODE_ENV ?? 'development';
  const dataDir = path.resolve(process.env.CONDUIT_DATA_DIR ?? path.join(root, '.data'));
  const runtime = path.join(dataDir, 'runtime.json');
  let env = {};
  if (!process.env.DATABASE_URL || !process.env.REDIS_URL) {
    if (!existsSync(runtime)) {
      log(
        `Set DATABASE_URL and REDIS_URL, or run \`npm start\` first (its URLs are read from ${path.relative(root, runtime)}).`,
      );
      process.exit(1);
    }
    env = JSON.parse(readFileSync(runtime, 'utf8'));
  }
  const masterKeys =
    process.env.VAULT_MASTER_KEYS ??
    (nodeEnv !== 'production' && existsSync(path.join(dataDir, 'vault-master-keys'))
      ? devMasterKeys(dataDir, nodeEnv)
      : undefined);
  return { nodeEnv, dataDir, env, masterKeys };
}
