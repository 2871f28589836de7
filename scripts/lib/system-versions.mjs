#!/usr/bin/env node
// Prints the installed version of every Debian package the tests use (one line each), or
// "<name> absent". Nx hashes this output into the integration and e2e cache keys (nx.json
// "testHarness"), so a new Redis, Chromium or OpenSSH re-runs those tests instead of
// replaying a result obtained with the old one.
import { spawnSync } from 'node:child_process';
import { TEST_PACKAGES } from './system-packages.mjs';

for (const name of TEST_PACKAGES) {
  const r = spawnSync('dpkg-query', ['-W', '-f', '${Version}', name], { encoding: 'utf8' });
  process.stdout.write(`${name} ${r.status === 0 && r.stdout ? r.stdout : 'absent'}\n`);
}
