/** An SFTP account's sign-in key as the API lists it (no key material). */
export interface SftpPublicKey {
  id: string;
  algorithm: 'ssh-ed25519' | 'ssh-rsa';
  bits: number;
  fingerprint: string;
  comment: string;
  /** RSA 1024: still accepted, flagged for replacement. */
  weak: boolean;
  createdAt: string;
}

/** `/admin/api/sftp-accounts` records (docs/sftp-accounts.md). Passwords are write-only. */
export interface SftpAccount {
  id: string;
  organizationId: string;
  username: string;
  merchantIds: string[];
  enabled: boolean;
  hasPassword: boolean;
  publicKeys: SftpPublicKey[];
  quotaBytes: number;
  usedBytes: number;
  pgpPublicKey: string | null;
  pgpPublicKeyFingerprint: string | null;
  conduitPgpPublicKey: string;
  conduitPgpFingerprint: string;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The form's own fields: key lines typed in a textarea, the quota in MiB. */
export interface SftpAccountForm extends Partial<SftpAccount> {
  password?: string;
  newPublicKeys?: string;
  quotaMiB?: number;
}

export const MIB = 1024 * 1024;

/** Non-empty lines of the textarea, each one OpenSSH public key. */
export const keyLines = (text: string | undefined) =>
  (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
