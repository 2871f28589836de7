import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CERT_FILE, ensureTlsCertificate, KEY_FILE } from './tls-certificate';

// RSA 3072 key generation takes seconds on a busy machine.
describe('ensureTlsCertificate', { timeout: 60_000 }, () => {
  it('makes a self-signed certificate once, key mode 0600, and loads the same one again', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'ftps-tls-')), 'keys');
    const first = ensureTlsCertificate(dir, 'files.example.test');
    expect(statSync(join(dir, KEY_FILE)).mode & 0o777).toBe(0o600);
    const cert = new X509Certificate(first.cert);
    expect(cert.subject).toBe('CN=files.example.test');
    expect(cert.subjectAltName).toBe('DNS:files.example.test');
    expect(cert.checkPrivateKey(createPrivateKey(first.key))).toBe(true);
    const again = ensureTlsCertificate(dir, 'files.example.test');
    expect(again.cert.equals(first.cert)).toBe(true);
    expect(statSync(join(dir, CERT_FILE)).isFile()).toBe(true);
  });

  it('puts an IP host in an IP subjectAltName and refuses a strange host name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftps-tls-'));
    expect(new X509Certificate(ensureTlsCertificate(dir, '127.0.0.1').cert).subjectAltName).toBe(
      'IP Address:127.0.0.1',
    );
    expect(() => ensureTlsCertificate(mkdtempSync(join(tmpdir(), 'ftps-tls-')), 'a b;rm')).toThrow(
      /bad certificate host/,
    );
  });
});
