#!/usr/bin/env node
// npm run db:migrate: applies prisma/migrations to DATABASE_URL (what npm start and the tests do
// themselves). Used by deployments, e.g. the `migrate` job in docker/compose.yaml.
import path from 'node:path';
import { migrate } from './lib/migrate.mjs';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is required');
  process.exit(2);
}
const applied = await migrate(url, path.resolve(import.meta.dirname, '../prisma/migrations'), (m) =>
  console.log(m),
);
console.log(applied.length ? `${applied.length} migration(s) applied` : 'database is up to date');
