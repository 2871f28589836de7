import path from 'node:path';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';
import tsconfig from './tsconfig.base.json';

// Path aliases come from tsconfig.base.json so there is one list. SWC compiles the tests so
// decorators and their metadata behave exactly as under tsc (NestJS needs both).
const alias = Object.fromEntries(
  Object.entries(tsconfig.compilerOptions.paths).map(([name, [target]]) => [
    name,
    path.resolve(__dirname, target),
  ]),
);

export default defineConfig({
  plugins: [swc.vite({ module: { type: 'es6' }, jsc: { target: 'es2022' } })],
  resolve: { alias },
  test: {
    reporters: ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'libs/**/*.spec.ts',
            'apps/**/*.spec.ts',
            'scripts/**/*.spec.ts',
            'packages/*/src/**/*.spec.ts',
          ],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['libs/**/*.int-spec.ts', 'apps/**/*.int-spec.ts', 'test/integration/**/*.int-spec.ts'],
          globalSetup: ['test/setup/infrastructure.global.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e-spec.ts'],
          globalSetup: ['test/setup/apps.global.ts'],
          // The files talk to the started stack and mock nothing, so they can share one module
          // graph per worker: re-importing it for each of ~70 files cost 80 s of a 470 s run.
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      // Runs only after the e2e project (scripts/test.mjs sets CONDUIT_AUDIT=1): it reads what
      // the e2e run left in the database, Redis and the logs.
      ...(process.env.CONDUIT_AUDIT === '1'
        ? [{ extends: true as const, test: { name: 'audit', include: ['test/audit/**/*.audit-spec.ts'] } }]
        : []),
    ],
  },
});
