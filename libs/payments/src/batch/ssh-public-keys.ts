import { createHash, createPublicKey } from 'node:crypto';
import { utils } from 'ssh2';

/** An account's sign-in key as stored (sftp_public_keys) and listed. */
export interface ParsedSshPublicKey {
  algorithm: 'ssh-ed25519' | 'ssh-rsa';
  bits: number;
  /** `SHA256:<base64 without padding>`, exactly what `ssh-keygen -lf` prints. */
  fingerprint: string;
  comment: string;
  /** The SSH wire encoding, base64: what a client presents at sign-in. */
  publicKey: string;
  /** RSA 1024 is still accepted (older billing systems) but flagged. */
  weak: boolean;
}

export type SshKeyParse = { ok: true; key: ParsedSshPublicKey } | { ok: false; message: string };

/** Below this an RSA key is refused; at it, accepted and flagged weak; above, fine. */
const RSA_MIN_BITS = 1024;
const RSA_WEAK_BELOW = 2048;

export function sshFingerprint(wireBlob: Buffer): string {
  return `SHA256:${createHash('sha256').update(wireBlob).digest('base64').replace(/=+$/, '')}`;
}

/**
 * One OpenSSH public key line (`ssh-ed25519 AAAA… comment`, `ssh-rsa AAAA…`). Ed25519 and RSA of at
 * least 1024 bits are accepted; DSA and ECDSA are not (the gateway's clients all have one of the
 * two, and fewer algorithms mean fewer ways to get verification wrong). A private key pasted by
 * mistake is refused without echoing any of it.
 */
export function parseSshPublicKey(line: string): SshKeyParse {
  const text = line.trim();
  if (!text) return { ok: false, message: 'is empty' };
  if (/PRIVATE KEY/.test(text))
    return { ok: false, message: 'is a private key; paste the public key (the .pub file) instead' };
  let parsed: ReturnType<typeof utils.parseKey>;
  try {
    parsed = utils.parseKey(text);
  } catch {
    parsed = new Error('unparsable');
  }
  const key = Array.isArray(parsed) ? parsed[0] : parsed;
  if (!key || key instanceof Error) return { ok: false, message: 'is not an OpenSSH public key line' };
  if (key.isPrivateKey())
    return { ok: false, message: 'is a private key; paste the public key (the .pub file) instead' };
  if (key.type !== 'ssh-ed25519' && key.type !== 'ssh-rsa')
    return { ok: false, message: `is a ${key.type} key; only ssh-ed25519 and ssh-rsa keys are accepted` };
  const blob = key.getPublicSSH();
  let bits = 256;
  if (key.type === 'ssh-rsa') {
    bits = createPublicKey(key.getPublicPEM()).asymmetricKeyDetails?.modulusLength ?? 0;
    if (bits < RSA_MIN_BITS)
      return { ok: false, message: `is an RSA key of ${bits} bits; at least ${RSA_MIN_BITS} are required` };
  }
  return {
    ok: true,
    key: {
      algorithm: key.type,
      bits,
      fingerprint: sshFingerprint(blob),
      comment: key.comment ?? '',
      publicKey: blob.toString('base64'),
      weak: key.type === 'ssh-rsa' && bits < RSA_WEAK_BELOW,
    },
  };
}
