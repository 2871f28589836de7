import { sha256Hex, verifySecret } from '@conduit/crypto';

/**
 * Remembers, for a short while, that a (secret, stored hash) pair verified, so a vendor sending
 * many requests pays the scrypt cost once a minute rather than on every call. The key includes
 * the stored hash, so rotating or changing a secret invalidates it at once; disabling a
 * credential is read from the database on every request regardless.
 */
export class VerifiedSecrets {
  private readonly entries = new Map<string, number>();

  constructor(
    private readonly ttlMs = 60_000,
    private readonly maxEntries = 10_000,
  ) {}

  /** Whether this pair verified within the last minute (no hashing). */
  isFresh(secret: string, storedHash: string): boolean {
    const until = this.entries.get(sha256Hex(`${storedHash}\u0000${secret}`));
    return until !== undefined && until > Date.now();
  }

  async verify(secret: string, storedHash: string): Promise<boolean> {
    const key = sha256Hex(`${storedHash}\u0000${secret}`);
    const now = Date.now();
    const until = this.entries.get(key);
    if (until !== undefined && until > now) return true;
    const ok = await verifySecret(secret, storedHash);
    if (ok) {
      if (this.entries.size >= this.maxEntries) this.entries.clear();
      this.entries.set(key, now + this.ttlMs);
    }
    return ok;
  }
}
