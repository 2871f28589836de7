import { PrismaPg } from '@prisma/adapter-pg';
import { defineConfig } from 'prisma/config';

// Selects Prisma 6.19's WebAssembly schema engine, which needs no download. The adapter is never
// connected by `migrate diff` between schema files.
export default defineConfig({
  engine: 'js',
  experimental: { adapter: true },
  schema: '../../prisma/schema.prisma',
  adapter: async () =>
    new PrismaPg({ connectionString: process.env.PRISMA_DIFF_DATABASE_URL ?? 'postgresql://unused/unused' }),
});
