import { accessSync, constants } from 'node:fs';
import { spawnSync } from 'node:child_process';

/**
 * The Debian packages `npm start` and `npm test` need beyond Node and npm, each with how to tell
 * it is already there. One list, so `.ci/run` needs nothing but `npm ci && npm test`.
 */
const executable =
  (...paths) =>
  () =>
    paths.some((p) => {
      try {
        accessSync(p, constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
const onPath = (command) => () => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

export const SYSTEM_PACKAGES = {
  /** Queues, throttles and heartbeats; `npm start` and the test harness run a private one. */
  'redis-server': onPath('redis-server'),
  /** The console e2e tests drive Debian's Chromium with playwright-core (no browser download). */
  chromium: () => (process.env.CHROMIUM_PATH ? true : executable('/usr/bin/chromium')()),
  /** The mutual-TLS webhook receiver in the e2e tests. */
  'nginx-light': executable('/usr/sbin/nginx', '/usr/bin/nginx'),
  /** A third-party SOAP client, built from the WSDL alone, in the e2e tests. */
  'python3-zeep': () => spawnSync('/usr/bin/python3', ['-c', 'import zeep']).status === 0,
  /** Test certificate authorities for the mutual-TLS tests. */
  openssl: onPath('openssl'),
  /** pgrep, which the start-command e2e test uses to find the supervisor's children. */
  procps: onPath('pgrep'),
  /** A private OpenSSH `sshd` on loopback: the reference the SFTP benchmark measures against. */
  'openssh-server': executable('/usr/sbin/sshd'),
  /** OpenSSH's `sftp` client, used by the file-gateway e2e tests and the SFTP benchmark. */
  'openssh-client': onPath('sftp'),
  /** Password logins for `sftp -b` in the file-gateway e2e tests. */
  sshpass: onPath('sshpass'),
  /** A real FTPS client (explicit TLS, passive) in the file-gateway e2e tests. */
  lftp: onPath('lftp'),
  /** `curl --ssl-reqd` as a second FTPS client in the e2e tests. */
  curl: onPath('curl'),
  /** OpenPGP round trips with Debian's `gpg` in the file-gateway e2e tests. */
  gnupg: onPath('gpg'),
};

/** What `npm test` needs (every package above). */
export const TEST_PACKAGES = Object.keys(SYSTEM_PACKAGES);

export class MissingSystemPackages extends Error {}

/**
 * What to do about `missing` packages: nothing, run `commands` (as root, with apt-get), or stop
 * with `message` (not root, or no apt-get), which names the packages and the command to run.
 * Pure, so its choices are unit-tested.
 * @param {{ missing: string[], isRoot: boolean, hasAptGet: boolean, purpose: string, hint?: string }} input
 * @returns {{ action: 'none' } | { action: 'install', commands: string[][] } | { action: 'refuse', message: string }}
 */
export function planInstall({ missing, isRoot, hasAptGet, purpose, hint }) {
  if (missing.length === 0) return { action: 'none' };
  const install = ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...missing];
  if (isRoot && hasAptGet) return { action: 'install', commands: [['apt-get', 'update', '-qq'], install] };
  const how = hasAptGet
    ? `Install ${missing.length === 1 ? 'it' : 'them'} as root, then run it again:\n  sudo apt-get update && sudo ${install.filter((a) => a !== '-qq').join(' ')}`
    : `This machine has no apt-get: install the equivalent of ${missing.join(', ')} with its package manager.`;
  return {
    action: 'refuse',
    message: `${purpose} needs ${missing.length === 1 ? 'a system package' : 'system packages'} that ${missing.length === 1 ? 'is' : 'are'} not installed: ${missing.join(', ')}.\n${how}${hint ? `\n${hint}` : ''}`,
  };
}

/**
 * Installs the missing ones of `names` with apt-get (once: one update, one install) when root;
 * otherwise throws MissingSystemPackages with the exact command.
 * @param {string[]} names keys of SYSTEM_PACKAGES
 * @param {{ purpose: string, hint?: string, log?: (m: string) => void }} options
 */
export function ensureSystemPackages(names, { purpose, hint, log = console.log }) {
  const missing = names.filter((name) => {
    const present = SYSTEM_PACKAGES[name];
    if (!present) throw new Error(`unknown system package ${name} (add it to SYSTEM_PACKAGES)`);
    return !present();
  });
  const plan = planInstall({
    missing,
    isRoot: process.getuid?.() === 0,
    hasAptGet: onPath('apt-get')(),
    purpose,
    hint,
  });
  if (plan.action === 'none') return [];
  if (plan.action === 'refuse') throw new MissingSystemPackages(plan.message);
  log(`Installing ${missing.join(', ')} with apt-get (once)…`);
  for (const [cmd, ...args] of plan.commands) {
    const r = spawnSync(cmd, args, {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (r.status !== 0)
      throw new MissingSystemPackages(
        `${cmd} ${args.join(' ')} failed (exit ${r.status}); install ${missing.join(', ')} by hand`,
      );
  }
  const still = missing.filter((name) => !SYSTEM_PACKAGES[name]());
  if (still.length)
    throw new MissingSystemPackages(`apt-get installed ${still.join(', ')} but it is still not usable`);
  return missing;
}
