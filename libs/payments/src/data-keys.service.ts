import { Inject, Injectable } from '@nestjs/common';
import { CONDUIT_CONFIG, type ConduitConfig } from '@conduit/config';
import {
  DataKeyCache,
  decryptField,
  encryptField,
  type MasterKeyRing,
  newDataKey,
  parseMasterKeys,
  RequestFingerprints,
  unwrapDataKey,
} from '@conduit/crypto';
import type { Repositories } from '@conduit/db';
import { newId } from './ids';

/**
 * Data encryption keys (decision 0006): AES-256 keys wrapped by the configured master key, kept in
 * `data_keys`, unwrapped once per process. The card vault and every other secret at rest (webhook
 * passwords, client keys, signing secrets) encrypt with them, so `npm run vault:rotate` re-wraps
 * all of it.
 */
@Injectable()
export class DataKeys {
  private readonly ring: MasterKeyRing;
  private readonly keys = new DataKeyCache();
  /** Keyed fingerprints of requests that may hold card data (idempotency; decision 0019). */
  readonly fingerprints: RequestFingerprints;
  /**
   * Keyed hashes of terminal pairing codes (decision 0039): a code has only 40 bits, so a plain
   * hash of it is brute-forced in minutes; an HMAC under a derived key is not.
   */
  readonly pairingCodes: RequestFingerprints;

  constructor(@Inject(CONDUIT_CONFIG) config: ConduitConfig) {
    if (!config.vaultMasterKeys)
      throw new Error('VAULT_MASTER_KEYS is required (npm start sets one for development)');
    this.ring = parseMasterKeys(config.vaultMasterKeys);
    this.fingerprints = new RequestFingerprints(this.ring, 'idempotency');
    this.pairingCodes = new RequestFingerprints(this.ring, 'terminal-pairing');
  }

  /** The key of a stored row (its `data_key` relation), unwrapped and cached. */
  key(dataKey: { id: string; wrappedKey: Uint8Array; masterVersion: number }): Buffer {
    return (
      this.keys.get(dataKey.id) ??
      this.keys.set(
        dataKey.id,
        unwrapDataKey(this.ring, Buffer.from(dataKey.wrappedKey), dataKey.masterVersion),
      )
    );
  }

  /** The current key for new ciphertext, created inside the caller's transaction when missing. */
  async current(r: Repositories): Promise<{ id: string; key: Buffer }> {
    const existing = await r.dataKeys.current(this.ring.current);
    if (existing) return { id: existing.id, key: this.key(existing) };
    const dek = newDataKey(this.ring);
    const id = newId();
    await r.dataKeys.insert({
      id,
      wrappedKey: new Uint8Array(dek.wrapped),
      masterVersion: dek.masterVersion,
    });
    return { id, key: this.keys.set(id, dek.plaintext) };
  }

  encrypt(key: { id: string; key: Buffer }, plaintext: string, context: string): Uint8Array {
    return new Uint8Array(encryptField(key.key, key.id, plaintext, context));
  }

  decrypt(
    dataKey: { id: string; wrappedKey: Uint8Array; masterVersion: number },
    blob: Uint8Array,
    context: string,
  ): string {
    return decryptField(this.key(dataKey), dataKey.id, Buffer.from(blob), context);
  }
}
