#!/usr/bin/env node
// npm run admin:create -- <email>   with CONDUIT_ADMIN_PASSWORD set (at least 12 characters):
// creates (or resets) a platform admin. How a production deployment gets its first user.
import path from 'node:path';
import { root } from './lib/build.mjs';

const email = process.argv[2]?.toLowerCase();
const password = process.env.CONDUIT_ADMIN_PASSWORD ?? '';
if (!email || !/^[^@\s]+@[^@\s]+$/.test(email) || password.length < 12 || !process.env.DATABASE_URL) {
  console.error('usage: DATABASE_URL=… CONDUIT_ADMIN_PASSWORD=<12+ chars> npm run admin:create -- <email>');
  process.exit(2);
}
const { hashSecret } = await import(path.join(root, 'dist/server/libs/crypto/src/index.js'));
const { createPrismaClient } = await import(path.join(root, 'dist/server/libs/db/src/index.js'));
const db = createPrismaClient(process.env.DATABASE_URL, 1);
const passwordHash = await hashSecret(password);
await db.user.upsert({
  where: { email },
  update: { role: 'PLATFORM_ADMIN', organizationId: null, passwordHash, disabled: false },
  create: { email, role: 'PLATFORM_ADMIN', organizationId: null, passwordHash },
});
await db.$disconnect();
console.log(`platform admin ${email} is ready`);
