import * as openpgp from 'openpgp';

/** An OpenPGP key pair, armored; the fingerprint is 40 upper-case hex characters (v4 keys). */
export interface PgpKeyPair {
  publicKey: string;
  privateKey: string;
  fingerprint: string;
}

/**
 * Conduit's key pair for one file-gateway account: accounts encrypt uploads to its public key and
 * the worker decrypts with the private one. Curve25519 in the "legacy" (RFC 4880 / v4) encoding,
 * because that is what GnuPG 2.2 — still the gpg of Debian and most billing servers — reads.
 * The private key has no passphrase: it is sealed at rest under the platform's data key instead.
 */
export async function generatePgpKeyPair(name: string): Promise<PgpKeyPair> {
  const { publicKey, privateKey } = await openpgp.generateKey({
    type: 'ecc',
    curve: 'curve25519Legacy',
    userIDs: [{ name }],
    format: 'armored',
  });
  const key = await openpgp.readKey({ armoredKey: publicKey });
  return { publicKey, privateKey, fingerprint: key.getFingerprint().toUpperCase() };
}

export type PgpPublicKeyCheck =
  { ok: true; armored: string; fingerprint: string } | { ok: false; message: string };

/**
 * A customer's own OpenPGP public key, as pasted: it must be one public key (not a private one)
 * with a usable encryption subkey, since Conduit encrypts their outbound files to it. The answer
 * is re-armored so only the key itself is stored, whatever text surrounded it.
 */
export async function checkPgpEncryptionKey(armored: string): Promise<PgpPublicKeyCheck> {
  if (/PRIVATE KEY BLOCK/.test(armored))
    return { ok: false, message: 'is a private key; paste the armored public key instead' };
  let key: openpgp.Key;
  try {
    key = await openpgp.readKey({ armoredKey: armored });
  } catch {
    return { ok: false, message: 'is not an armored OpenPGP public key' };
  }
  if (key.isPrivate())
    return { ok: false, message: 'is a private key; paste the armored public key instead' };
  try {
    await key.getEncryptionKey();
  } catch {
    return { ok: false, message: 'has no valid encryption key (expired, revoked or signing-only)' };
  }
  return { ok: true, armored: key.armor(), fingerprint: key.getFingerprint().toUpperCase() };
}
