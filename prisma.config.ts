import { defineConfig } from 'prisma/config';

// The datasource URL is only needed by commands that talk to a database. Conduit applies
// migrations with its own runner (scripts/lib/migrate.mjs); see docs/decisions/0002.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/conduit' },
});
