import { createVerify } from 'node:crypto';
import { Server, utils } from 'ssh2';
import { describe, expect, it } from 'vitest';
import { clientIp, withoutSha1Signatures } from './sftp-server';
import { SSH_ALGORITHMS } from './ssh-algorithms';

describe('clientIp', () => {
  it('strips the IPv4-mapped prefix and leaves real IPv6 alone', () => {
    expect(clientIp('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(clientIp('192.0.2.7')).toBe('192.0.2.7');
    expect(clientIp('2001:db8::1')).toBe('2001:db8::1');
    expect(clientIp('::ffff:2001:db8::1')).toBe('::ffff:2001:db8::1');
  });
});

describe('withoutSha1Signatures', () => {
  const ed = utils.generateKeyPairSync('ed25519').private;
  const rsa = utils.generateKeyPairSync('rsa', { bits: 2048 }).private;

  it('turns an RSA key into rsa-sha2-512 and rsa-sha2-256 keys, never ssh-rsa', () => {
    const keys = withoutSha1Signatures([ed, rsa]);
    expect(keys.map((k) => k.key.type)).toEqual(['ssh-ed25519', 'rsa-sha2-512', 'rsa-sha2-256']);
    // Same key underneath: the ssh-rsa public blob, signatures with the named hash.
    const parsed = utils.parseKey(rsa);
    if (parsed instanceof Error) throw parsed;
    expect(keys[1].key.getPublicSSH().equals(parsed.getPublicSSH())).toBe(true);
    const sig = keys[1].key.sign(Buffer.from('data'), 'sha512');
    expect(createVerify('sha512').update('data').verify(keys[1].key.getPublicPEM(), sig)).toBe(true);
  });

  it('is accepted by ssh2 with the configured algorithm lists', () => {
    expect(
      () => new Server({ hostKeys: withoutSha1Signatures([ed, rsa]), algorithms: SSH_ALGORITHMS }),
    ).not.toThrow();
    expect(SSH_ALGORITHMS.cipher).not.toContain('aes256-cbc');
    expect(JSON.stringify(SSH_ALGORITHMS)).not.toMatch(/sha1|ssh-rsa"|cbc/);
  });
});
