import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureSystemPackages, planInstall, TEST_PACKAGES } from './system-packages.mjs';

const base = { purpose: 'npm test', isRoot: true, hasAptGet: true };

describe('planInstall: what is missing → what happens', () => {
  it('does nothing when every package is there', () => {
    expect(planInstall({ ...base, missing: [] })).toEqual({ action: 'none' });
  });

  it('as root with apt-get: one update, then one non-interactive install of exactly the missing ones', () => {
    expect(planInstall({ ...base, missing: ['chromium', 'python3-zeep'] })).toEqual({
      action: 'install',
      commands: [
        ['apt-get', 'update', '-qq'],
        ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'chromium', 'python3-zeep'],
      ],
    });
  });

  it('not root: refuses, naming the packages and the exact command', () => {
    const plan = planInstall({ ...base, isRoot: false, missing: ['nginx-light', 'python3-zeep'] });
    expect(plan.action).toBe('refuse');
    const message = (plan as { message: string }).message;
    expect(message).toContain(
      'npm test needs system packages that are not installed: nginx-light, python3-zeep.',
    );
    expect(message).toContain(
      'sudo apt-get update && sudo apt-get install -y --no-install-recommends nginx-light python3-zeep',
    );
  });

  it('without apt-get, even as root: refuses and names the packages, with the caller hint', () => {
    const plan = planInstall({
      ...base,
      hasAptGet: false,
      missing: ['redis-server'],
      purpose: 'Starting a private Redis',
      hint: 'Or point REDIS_URL at a Redis you run.',
    });
    expect(plan).toEqual({
      action: 'refuse',
      message: expect.stringMatching(
        /^Starting a private Redis needs a system package that is not installed: redis-server\.\n.*no apt-get.*\nOr point REDIS_URL/s,
      ),
    });
  });
});

describe('the package list', () => {
  it('covers what the tests and npm start run', () => {
    expect(TEST_PACKAGES).toEqual(
      expect.arrayContaining(['redis-server', 'chromium', 'nginx-light', 'python3-zeep', 'openssl']),
    );
  });

  it('finds a package missing by its probe and stops with the message when it cannot install', () => {
    // A PATH with only `sh`: no redis-server and no apt-get, so even as root nothing is installed.
    const bin = mkdtempSync(path.join(os.tmpdir(), 'conduit-path-'));
    symlinkSync('/bin/sh', path.join(bin, 'sh'));
    const script = `import('./scripts/lib/system-packages.mjs').then((m) => m.ensureSystemPackages(['redis-server'], { purpose: 'probe test' }))`;
    const r = spawnSync(process.execPath, ['-e', script], {
      cwd: path.resolve(__dirname, '../..'),
      env: { PATH: bin },
      encoding: 'utf8',
    });
    rmSync(bin, { recursive: true, force: true });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('probe test needs a system package that is not installed: redis-server.');
  });

  it('refuses a package it has no probe for', () => {
    expect(() => ensureSystemPackages(['cowsay'], { purpose: 'x' })).toThrow(/unknown system package cowsay/);
  });
});
