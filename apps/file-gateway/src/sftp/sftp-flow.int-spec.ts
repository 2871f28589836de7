import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Harness, makeClientKey, runSftp, startHarness } from './sftp-test-kit';

// A client that keeps far more writes in flight than the gateway stores: the session must stop
// reading (shut the SSH window) instead of buffering them all.
const dir = mkdtempSync(join(tmpdir(), 'sftp-flow-'));
const key = makeClientKey(dir, 'ed25519');
const LIMIT = 2 * 1024 * 1024;
/** What may still arrive after the gate shuts: one ssh2 window plus one SFTP packet. */
const SLACK = 2 * 1024 * 1024 + 256 * 1024;
let h: Harness;

beforeAll(async () => {
  h = await startHarness([{ username: 'acme', publicKeys: [key.blob] }], {
    dir: join(dir, 'srv'),
    maxBufferedBytesPerSession: LIMIT,
    // A slow store: one write at a time, each a little later.
    beforeWrite: (() => {
      let queue = Promise.resolve();
      return () => (queue = queue.then(() => sleep(1)));
    })(),
  });
});
afterAll(async () => {
  await h.stop();
  rmSync(dir, { recursive: true, force: true });
});

it(
  'holds at most its buffer limit (plus one window) of a fast client’s writes',
  { timeout: 120_000 },
  async () => {
    const data = randomBytes(24 * 1024 * 1024);
    writeFileSync(join(dir, 'flood.bin'), data);
    // 256 requests of 64 KiB in flight: 16 MiB the client would have the server hold.
    const r = await runSftp(
      { dir, cwd: dir, port: h.ports.keyPort, user: 'acme', identity: key.path, options: [] },
      ['put flood.bin /inbound/flood.bin'],
      ['-R', '256', '-B', '65536'],
    );
    expect(r.code).toBe(0);
    expect(h.gateway.file('acme', 'inbound', 'flood.bin')?.equals(data)).toBe(true);
    expect(h.pending.max).toBeGreaterThan(LIMIT / 2);
    expect(h.pending.max).toBeLessThanOrEqual(LIMIT + SLACK);
  },
);
