import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { MasterKeyRing } from './master-keys';

/** What a fingerprint is for; each purpose has its own derived key (decision 0039). */
export type FingerprintPurpose = 'idempotency' | 'terminal-pairing';

/**
 * HKDF context per purpose: a key derived for one purpose is useless for any other (RFC 5869
 * `info`). The idempotency context is the one used since decision 0019: changing it would make
 * every stored idempotency fingerprint stop matching.
 */
const INFO: Record<FingerprintPurpose, string> = {
  idempotency: 'conduit/idempotency-request-fingerprint/v1',
  'terminal-pairing': 'conduit/terminal-pairing-code/v1',
};

/**
 * Keyed fingerprints of whole requests (decision 0019). A request body may hold a card number
 * and CVN, so an unkeyed hash of it is a dictionary away from the CVN; an HMAC under a key
 * derived from the vault master key is not. Each fingerprint is stored with the master version
 * whose derived key made it, so rows written before a rotation still compare while that
 * version stays configured.
 */
export class RequestFingerprints {
  private readonly keys = new Map<number, Buffer>();

  constructor(
    private readonly ring: MasterKeyRing,
    private readonly purpose: FingerprintPurpose = 'idempotency',
  ) {}

  /** The fingerprint of `text` under the current master version. */
  of(text: string): { keyVersion: number; fingerprint: string } {
    const keyVersion = this.ring.current;
    return { keyVersion, fingerprint: this.hmac(keyVersion, text) };
  }

  /**
   * The fingerprint of `text` under every configured master version, current first: for looking
   * a row up by its fingerprint when the row does not say which version made it (a pairing code
   * issued before a rotation still pairs while its version stays configured).
   */
  candidates(text: string): string[] {
    const versions = [this.ring.current, ...this.ring.versions().filter((v) => v !== this.ring.current)];
    return versions.map((v) => this.hmac(v, text));
  }

  /**
   * Whether `text` has `fingerprint` under `keyVersion`; null when that version is no longer
   * configured (the row cannot be compared any more).
   */
  matches(keyVersion: number, fingerprint: string, text: string): boolean | null {
    if (!this.ring.versions().includes(keyVersion)) return null;
    const mine = Buffer.from(this.hmac(keyVersion, text), 'hex');
    const theirs = Buffer.from(fingerprint, 'hex');
    return mine.length === theirs.length && timingSafeEqual(mine, theirs);
  }

  private hmac(version: number, text: string): string {
    return createHmac('sha256', this.key(version)).update(text, 'utf8').digest('hex');
  }

  private key(version: number): Buffer {
    const cached = this.keys.get(version);
    if (cached) return cached;
    const master = this.ring.get(version);
    try {
      const key = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), INFO[this.purpose], 32));
      this.keys.set(version, key);
      return key;
    } finally {
      master.fill(0);
    }
  }
}
