import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CertificateProblem, validateCaBundle, validateClientCertificate } from './client-certificate';

/** Real keys and certificates made with Debian's openssl. */
describe('client certificate checks', () => {
  let dir: string;
  const read = (f: string) => readFileSync(path.join(dir, f), 'utf8');
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'conduit-certs-'));
    const self = (name: string, days: string) =>
      openssl(
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-keyout',
        `${name}.key`,
        '-out',
        `${name}.pem`,
        '-days',
        days,
        '-subj',
        `/CN=${name}`,
      );
    self('good', '30');
    self('other', '30');
    openssl('pkey', '-in', 'good.key', '-aes256', '-passout', 'pass:s3cret', '-out', 'good-enc.key');
    // Expired (2020-01-01 to 2020-01-02): OpenSSL 3.0's x509 has no -not_after, `openssl ca` does.
    openssl('req', '-new', '-key', 'good.key', '-out', 'old.csr', '-subj', '/CN=old');
    writeFileSync(
      path.join(dir, 'ca.cnf'),
      '[ca]\ndefault_ca = t\n[t]\ndatabase = index.txt\nnew_certs_dir = .\nserial = serial\ndefault_md = sha256\npolicy = p\n[p]\ncommonName = supplied\n',
    );
    writeFileSync(path.join(dir, 'index.txt'), '');
    writeFileSync(path.join(dir, 'serial'), '01\n');
    openssl(
      'ca',
      '-batch',
      '-config',
      'ca.cnf',
      '-selfsign',
      '-keyfile',
      'good.key',
      '-in',
      'old.csr',
      '-out',
      'old.pem',
      '-startdate',
      '20200101000000Z',
      '-enddate',
      '20200102000000Z',
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const problem = (fn: () => unknown) => {
    try {
      fn();
    } catch (err) {
      if (err instanceof CertificateProblem) return err.field;
      throw err;
    }
    return null;
  };

  it('accepts a certificate with its key (also encrypted with the right passphrase) and answers its expiry', () => {
    const ok = validateClientCertificate({ certificatePem: read('good.pem'), keyPem: read('good.key') });
    expect(ok.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 86400_000);
    expect(ok.subject).toContain('CN=good');
    expect(
      validateClientCertificate({
        certificatePem: read('good.pem'),
        keyPem: read('good-enc.key'),
        passphrase: 's3cret',
      }).subject,
    ).toContain('CN=good');
  });

  it('names the field at fault', () => {
    const cert = read('good.pem');
    expect(
      problem(() => validateClientCertificate({ certificatePem: cert, keyPem: read('other.key') })),
    ).toBe('clientKeyPem');
    expect(
      problem(() => validateClientCertificate({ certificatePem: cert, keyPem: read('good-enc.key') })),
    ).toBe('clientKeyPassphrase');
    expect(
      problem(() =>
        validateClientCertificate({ certificatePem: cert, keyPem: read('good-enc.key'), passphrase: 'no' }),
      ),
    ).toBe('clientKeyPassphrase');
    expect(
      problem(() => validateClientCertificate({ certificatePem: 'nope', keyPem: read('good.key') })),
    ).toBe('clientCertificatePem');
    expect(problem(() => validateClientCertificate({ certificatePem: cert, keyPem: 'nope' }))).toBe(
      'clientKeyPem',
    );
  });

  it('refuses an expired certificate, and one not valid yet', () => {
    expect(
      problem(() => validateClientCertificate({ certificatePem: read('old.pem'), keyPem: read('good.key') })),
    ).toBe('clientCertificatePem');
    expect(
      problem(() =>
        validateClientCertificate({
          certificatePem: read('good.pem'),
          keyPem: read('good.key'),
          now: new Date('2000-01-01'),
        }),
      ),
    ).toBe('clientCertificatePem');
  });

  it('accepts a CA bundle with a certificate and refuses one without', () => {
    expect(() => validateCaBundle(read('good.pem') + read('other.pem'))).not.toThrow();
    expect(
      problem(() => validateCaBundle('-----BEGIN CERTIFICATE-----\nxx\n-----END CERTIFICATE-----')),
    ).toBe('caBundlePem');
    expect(problem(() => validateCaBundle('hello'))).toBe('caBundlePem');
  });
});
