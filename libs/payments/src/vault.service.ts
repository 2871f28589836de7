import { Inject, Injectable } from '@nestjs/common';
import { CONDUIT_CONFIG, type ConduitConfig } from '@conduit/config';
import {
  DataKeyCache,
  decryptField,
  encryptField,
  type MasterKeyRing,
  newDataKey,
  parseMasterKeys,
  unwrapDataKey,
} from '@conduit/crypto';
import { DomainError, type TenantScope } from '@conduit/domain';
import { type Repositories, UnitOfWork } from '@conduit/db';
import { newId } from './ids';

export interface VaultCard {
  pan: string;
  brand: string;
  bin: string;
  last4: string;
  expMonth: number;
  expYear: number;
  holderName: string | null;
  paymentCardType: string;
}

/**
 * The card vault: PANs under AES-256-GCM with data keys wrapped by the configured master key
 * (decision 0006). The PAN is bound to its payment method ID, so a ciphertext copied to another
 * row does not decrypt.
 */
@Injectable()
export class VaultService {
  private readonly ring: MasterKeyRing;
  private readonly keys = new DataKeyCache();

  constructor(
    private readonly uow: UnitOfWork,
    @Inject(CONDUIT_CONFIG) config: ConduitConfig,
  ) {
    if (!config.vaultMasterKeys)
      throw new Error('VAULT_MASTER_KEYS is required (npm start sets one for development)');
    this.ring = parseMasterKeys(config.vaultMasterKeys);
  }

  /** Stores a card inside the caller's database transaction; answers the payment method ID. */
  async store(
    r: Repositories,
    organizationId: string,
    merchantRef: string,
    card: VaultCard,
  ): Promise<string> {
    const { id: dataKeyId, key } = await this.currentKey(r);
    const id = newId();
    await r.paymentMethods.insert({
      id,
      organizationId,
      merchantRef,
      dataKeyId,
      panCiphertext: new Uint8Array(encryptField(key, dataKeyId, card.pan, `pm:${id}`)),
      cardBrand: card.brand,
      cardBin: card.bin,
      cardLast4: card.last4,
      cardExpMonth: card.expMonth,
      cardExpYear: card.expYear,
      cardHolderName: card.holderName,
      paymentCardType: card.paymentCardType,
    });
    return id;
  }

  /** A stored card with its PAN, for a payment by `paymentMethodID`; another tenant's is a 404. */
  async reveal(scope: TenantScope, id: string): Promise<VaultCard & { id: string; merchantRef: string }> {
    const pm = await this.uow.read.paymentMethods.get(scope, id);
    if (!pm) throw DomainError.notFound('Payment method');
    const key =
      this.keys.get(pm.dataKeyId) ??
      this.keys.set(
        pm.dataKeyId,
        unwrapDataKey(this.ring, Buffer.from(pm.dataKey.wrappedKey), pm.dataKey.masterVersion),
      );
    return {
      id: pm.id,
      merchantRef: pm.merchantRef,
      pan: decryptField(key, pm.dataKeyId, Buffer.from(pm.panCiphertext), `pm:${pm.id}`),
      brand: pm.cardBrand,
      bin: pm.cardBin,
      last4: pm.cardLast4,
      expMonth: pm.cardExpMonth,
      expYear: pm.cardExpYear,
      holderName: pm.cardHolderName,
      paymentCardType: pm.paymentCardType,
    };
  }

  private async currentKey(r: Repositories): Promise<{ id: string; key: Buffer }> {
    const existing = await r.dataKeys.current(this.ring.current);
    if (existing) {
      const cached = this.keys.get(existing.id);
      return {
        id: existing.id,
        key:
          cached ??
          this.keys.set(
            existing.id,
            unwrapDataKey(this.ring, Buffer.from(existing.wrappedKey), existing.masterVersion),
          ),
      };
    }
    const dek = newDataKey(this.ring);
    const id = newId();
    await r.dataKeys.insert({
      id,
      wrappedKey: new Uint8Array(dek.wrapped),
      masterVersion: dek.masterVersion,
    });
    return { id, key: this.keys.set(id, dek.plaintext) };
  }
}
