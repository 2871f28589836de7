import { sha256Hex, verifySecret } from '@conduit/crypto';

/**
 * Remembers, for a short while, that a (secret, stored hash) pair verified, so a vendor sending
 * many requests pays the scrypt cost once a minute rather than on every call. The key includes
 * the stored hash, so rotating or changing a secret invalidates it at once; disabling a
 * credential is read from the database on every request regardless.
 */
export class VerifiedSecrets {
  private readonly entries = new Map<string, number>();
  /** Checks in progress: a burst of one vendor's requests shares one scrypt instead of one each. */
  private readonly pending = new Map<string, Promise<boolean>>();

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
    const running = this.pending.get(key);
    if (running) return running;
    const check = verifySecret(secret, storedHash)
      .then((ok) => {
        if (ok) {
          if (this.entries.size >= this.maxEntries) this.entries.clear();
          this.entries.set(key, Date.now() + this.ttlMs);
        }
        return ok;
      })
      .finally(() => this.pending.delete(key));
    this.pending.set(key, check);
    return check;
  }
}
