import { execFileSync } from 'node:child_process';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';

export const CERT_FILE = 'ftps-cert.pem';
export const KEY_FILE = 'ftps-key.pem';

/**
 * The FTPS certificate and key in `dir`: loaded when present, otherwise made once (self-signed,
 * RSA 3072, ten years, the host as CN and subjectAltName) with the system's `openssl`, so clients
 * that pinned it on first use see the same certificate after a restart. Development and tests
 * only: production passes FTPS_TLS_CERT / FTPS_TLS_KEY instead. The key file is mode 0600.
 */
export function ensureTlsCertificate(dir: string, host: string): { cert: Buffer; key: Buffer } {
  const certPath = join(dir, CERT_FILE);
  const keyPath = join(dir, KEY_FILE);
  if (!existsSync(certPath) || !existsSync(keyPath)) {
    if (!/^[A-Za-z0-9.:-]{1,253}$/.test(host)) throw new Error(`bad certificate host name: ${host}`);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // Written under temporary names and renamed, so a crash never leaves half a pair behind.
    const tmpCert = `${certPath}.${process.pid}.tmp`;
    const tmpKey = `${keyPath}.${process.pid}.tmp`;
    try {
      const altName = isIP(host) ? `IP:${host}` : `DNS:${host}`;
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:3072',
          '-nodes',
          '-sha256',
          '-days',
          '3650',
          '-subj',
          `/CN=${host}`,
          '-addext',
          `subjectAltName=${altName}`,
          '-keyout',
          tmpKey,
          '-out',
          tmpCert,
        ],
        { stdio: ['ignore', 'ignore', 'pipe'] },
      );
      chmodSync(tmpKey, 0o600);
      renameSync(tmpKey, keyPath);
      renameSync(tmpCert, certPath);
    } finally {
      rmSync(tmpCert, { force: true });
      rmSync(tmpKey, { force: true });
    }
  }
  const pair = { cert: readFileSync(certPath), key: readFileSync(keyPath) };
  // Two processes making the pair at once could leave one's certificate with the other's key.
  if (!new X509Certificate(pair.cert).checkPrivateKey(createPrivateKey(pair.key)))
    throw new Error(`${certPath} does not match ${keyPath}; delete both to make a new pair`);
  return pair;
}
