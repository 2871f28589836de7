import { createPrivateKey, X509Certificate } from 'node:crypto';

export type CertificateField =
  'clientCertificatePem' | 'clientKeyPem' | 'clientKeyPassphrase' | 'caBundlePem';

export class CertificateProblem extends Error {
  constructor(
    readonly field: CertificateField,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

const PEM_CERT = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

function certificates(pem: string): X509Certificate[] {
  return (pem.match(PEM_CERT) ?? []).map((block) => new X509Certificate(block));
}

/** The client certificate parses, is in date, and matches its private key (webhooks.md). */
export function validateClientCertificate(p: {
  certificatePem: string;
  keyPem: string;
  passphrase?: string;
  now?: Date;
}): { expiresAt: Date; subject: string } {
  let leaf: X509Certificate | undefined;
  try {
    leaf = certificates(p.certificatePem)[0];
  } catch {
    leaf = undefined;
  }
  if (!leaf) throw new CertificateProblem('clientCertificatePem', 'is not a PEM certificate');
  const now = p.now ?? new Date();
  const expiresAt = new Date(leaf.validTo);
  if (expiresAt <= now)
    throw new CertificateProblem('clientCertificatePem', `expired on ${expiresAt.toISOString()}`);
  if (new Date(leaf.validFrom) > now)
    throw new CertificateProblem(
      'clientCertificatePem',
      `is not valid before ${new Date(leaf.validFrom).toISOString()}`,
    );
  let key;
  try {
    key = createPrivateKey({ key: p.keyPem, passphrase: p.passphrase });
  } catch (err) {
    const encrypted = /ENCRYPTED/.test(p.keyPem);
    if (encrypted)
      throw new CertificateProblem(
        'clientKeyPassphrase',
        p.passphrase ? 'does not open the key' : 'is required for this key',
      );
    throw new CertificateProblem('clientKeyPem', `is not a PEM private key (${(err as Error).message})`);
  }
  if (!leaf.checkPrivateKey(key))
    throw new CertificateProblem('clientKeyPem', 'does not match the certificate');
  return { expiresAt, subject: leaf.subject };
}

/** At least one certificate parses. */
export function validateCaBundle(pem: string): void {
  let count = 0;
  try {
    count = certificates(pem).length;
  } catch {
    count = 0;
  }
  if (count === 0) throw new CertificateProblem('caBundlePem', 'holds no PEM certificate');
}
