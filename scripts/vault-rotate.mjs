#!/usr/bin/env node
// npm run vault:rotate: re-wraps every card-vault data key under the newest master key.
//   1. add the new key to VAULT_MASTER_KEYS with a higher version: "1:<old>,2:<new>"
//      (node -e "console.log(require('crypto').randomBytes(32).toString('base64'))" makes one);
//   2. restart the api with it (new cards use version 2 at once; old ones still decrypt);
//   3. DATABASE_URL=… VAULT_MASTER_KEYS="1:<old>,2:<new>" npm run vault:rotate
//   4. once it reports 0 keys left under old versions, drop "1:<old>" from VAULT_MASTER_KEYS.
// Card ciphertexts are not touched: only the small data keys are re-wrapped, in one transaction.
// Idempotency fingerprints (decision 0019) are keyed per master version and need no re-keying; keep
// the old version configured for 48 h after step 2 so older idempotency keys still compare exactly.
import path from 'node:path';
import { root } from './lib/build.mjs';
import { devMasterKeys } from './lib/vault-keys.mjs';

const dataDir = path.resolve(process.env.CONDUIT_DATA_DIR ?? path.join(root, '.data'));
const keys = process.env.VAULT_MASTER_KEYS ?? devMasterKeys(dataDir, process.env.NODE_ENV ?? 'development');
if (!process.env.DATABASE_URL) {
  console.error('DATABASE_URL is required');
  process.exit(2);
}
const { parseMasterKeys, rewrapDataKey } = await import(
  path.join(root, 'dist/server/libs/crypto/src/index.js')
);
const { createPrismaClient } = await import(path.join(root, 'dist/server/libs/db/src/index.js'));
const ring = parseMasterKeys(keys);
const db = createPrismaClient(process.env.DATABASE_URL, 1);
const moved = await db.$transaction(async (tx) => {
  const old = await tx.dataKey.findMany({ where: { masterVersion: { not: ring.current } } });
  for (const key of old) {
    const { wrapped, masterVersion } = rewrapDataKey(ring, Buffer.from(key.wrappedKey), key.masterVersion);
    await tx.dataKey.update({
      where: { id: key.id },
      data: { wrappedKey: new Uint8Array(wrapped), masterVersion },
    });
  }
  return old.length;
});
const left = await db.dataKey.count({ where: { masterVersion: { not: ring.current } } });
await db.$disconnect();
console.log(
  `re-wrapped ${moved} data key(s) under master key version ${ring.current}; ${left} left under older versions`,
);
