import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Development only: a card-vault master key kept in the data folder, made on first start.
 * Production must set VAULT_MASTER_KEYS from its secret store (README "Card vault").
 */
export function devMasterKeys(dataDir, nodeEnv) {
  if (nodeEnv === 'production') throw new Error('VAULT_MASTER_KEYS must be set in production');
  const file = path.join(dataDir, 'vault-master-keys');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `1:${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}
