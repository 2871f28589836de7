import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

/** Lint refuses imports that cross the layering (ARCHITECTURE.md), so the layers stay honest. */
describe('module boundaries (eslint + Nx project tags)', () => {
  let eslint: ESLint;

  beforeAll(() => {
    const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
    const r = spawnSync(path.join(root, 'node_modules/.bin/nx'), ['show', 'projects'], { cwd: root, env });
    expect(r.status).toBe(0);
    process.env.NX_DAEMON = 'false';
    eslint = new ESLint({ cwd: root });
  }, 60_000);

  async function boundaryErrors(file: string, code: string) {
    const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
    return result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message);
  }

  it('refuses a framework in the domain library', async () => {
    expect(
      await boundaryErrors(
        'libs/domain/src/probe.ts',
        "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n",
      ),
    ).not.toEqual([]);
    expect(
      await boundaryErrors(
        'libs/domain/src/probe.ts',
        "import { PrismaClient } from '@prisma/client';\nexport const x = PrismaClient;\n",
      ),
    ).not.toEqual([]);
  });

  it('refuses the domain library importing the data layer', async () => {
    const errors = await boundaryErrors(
      'libs/domain/src/probe.ts',
      "import { UnitOfWork } from '@conduit/db';\nexport const x = UnitOfWork;\n",
    );
    expect(errors.join()).toMatch(/type:domain|Circular dependency/);
  });

  it('refuses application services importing Prisma directly', async () => {
    expect(
      await boundaryErrors(
        'libs/tenancy/src/probe.ts',
        "import { PrismaPg } from '@prisma/adapter-pg';\nexport const x = PrismaPg;\n",
      ),
    ).not.toEqual([]);
  });

  it('refuses the console importing server code', async () => {
    expect(
      await boundaryErrors(
        'apps/console/src/probe.ts',
        "import { Role } from '@conduit/domain';\nexport const x = Role;\n",
      ),
    ).not.toEqual([]);
  });

  it('allows the layering as designed', async () => {
    expect(
      await boundaryErrors(
        'libs/tenancy/src/probe.ts',
        "import { UnitOfWork } from '@conduit/db';\nexport const x = UnitOfWork;\n",
      ),
    ).toEqual([]);
  });
});
