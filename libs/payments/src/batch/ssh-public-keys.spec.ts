import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSshPublicKey } from './ssh-public-keys';

/** Real keys, made by ssh-keygen for this run; fingerprints compared with what ssh-keygen prints. */
describe('SSH public key lines (sftp accounts)', () => {
  let dir: string;
  const make = (name: string, ...args: string[]) => {
    const file = path.join(dir, name);
    execFileSync('ssh-keygen', ['-q', '-N', '', '-C', `${name}@test`, '-f', file, ...args]);
    const keygen = execFileSync('ssh-keygen', ['-lf', `${file}.pub`], { encoding: 'utf8' }).split(' ');
    return {
      line: readFileSync(`${file}.pub`, 'utf8'),
      private: readFileSync(file, 'utf8'),
      bits: Number(keygen[0]),
      fingerprint: keygen[1],
    };
  };
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ssh-keys-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('accepts Ed25519 with the fingerprint ssh-keygen -lf prints', () => {
    const k = make('ed', '-t', 'ed25519');
    const r = parseSshPublicKey(k.line);
    expect(r).toEqual({
      ok: true,
      key: {
        algorithm: 'ssh-ed25519',
        bits: 256,
        fingerprint: k.fingerprint,
        comment: 'ed@test',
        publicKey: k.line.split(' ')[1],
        weak: false,
      },
    });
  });

  it('accepts RSA 2048 and 4096, reads the size from the key, and flags 1024 as weak', () => {
    for (const [name, bits, weak] of [
      ['r1024', 1024, true],
      ['r2048', 2048, false],
      ['r4096', 4096, false],
    ] as const) {
      const k = make(name, '-t', 'rsa', '-b', String(bits));
      const r = parseSshPublicKey(`  ${k.line.trim()}  `);
      expect(r.ok && r.key).toMatchObject({ algorithm: 'ssh-rsa', bits, weak, fingerprint: k.fingerprint });
      expect(k.bits).toBe(bits);
    }
  }, 60_000); // ssh-keygen makes an RSA 4096 key: seconds on a busy machine

  it('accepts a line without a comment', () => {
    const k = make('bare', '-t', 'ed25519');
    const r = parseSshPublicKey(k.line.split(' ').slice(0, 2).join(' '));
    expect(r.ok && r.key).toMatchObject({ comment: '', fingerprint: k.fingerprint });
  });

  it('refuses ECDSA and DSA-typed keys, naming the type', () => {
    const ec = make('ec', '-t', 'ecdsa', '-b', '256');
    expect(parseSshPublicKey(ec.line)).toEqual({
      ok: false,
      message: 'is a ecdsa-sha2-nistp256 key; only ssh-ed25519 and ssh-rsa keys are accepted',
    });
  });

  it('refuses private keys without echoing them', () => {
    const k = make('priv', '-t', 'ed25519');
    const r = parseSshPublicKey(k.private);
    expect(r).toEqual({
      ok: false,
      message: 'is a private key; paste the public key (the .pub file) instead',
    });
  });

  it('refuses garbage, empty lines and a corrupted key body', () => {
    const k = make('bad', '-t', 'ed25519');
    const [type, body] = k.line.split(' ');
    for (const line of ['hello', '', `${type} ${body.slice(0, 20)}`, `ssh-rsa ${body}`]) {
      const r = parseSshPublicKey(line);
      expect(r.ok).toBe(false);
    }
  });
});
