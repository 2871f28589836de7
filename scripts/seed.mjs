#!/usr/bin/env node
// npm run db:seed: the demo data (refused when NODE_ENV=production). Needs a build (npm start does one).
import { seed } from './lib/stack.mjs';

if (!process.env.DATABASE_URL) {
  console.error('DATABASE_URL is required');
  process.exit(2);
}
await seed(process.env.DATABASE_URL);
console.log('demo data seeded');
