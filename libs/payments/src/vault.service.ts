import { Injectable } from '@nestjs/common';
import { DomainError } from '@conduit/domain';
import { type MerchantRepositories, type Repositories, UnitOfWork } from '@conduit/db';
import { DataKeys } from './data-keys.service';
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

export type RevealedCard = VaultCard & { id: string; merchantRef: string };
type StoredCardRow = NonNullable<Awaited<ReturnType<MerchantRepositories['paymentMethods']['get']>>>;

/**
 * The card vault: PANs under AES-256-GCM with data keys wrapped by the configured master key
 * (decision 0006). The PAN is bound to its payment method ID, so a ciphertext copied to another
 * row does not decrypt.
 */
@Injectable()
export class VaultService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly dataKeys: DataKeys,
  ) {}

  /** Stores a card inside the caller's database transaction; answers the payment method ID. */
  async store(
    r: Repositories,
    merchant: { id: string; organizationId: string },
    card: VaultCard,
  ): Promise<string> {
    const key = await this.dataKeys.current(r);
    const id = newId();
    await r.atMerchant(merchant).paymentMethods.insert({
      id,
      dataKeyId: key.id,
      panCiphertext: this.dataKeys.encrypt(key, card.pan, `pm:${id}`) as Uint8Array<ArrayBuffer>,
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

  /**
   * A stored card with its PAN, for a payment by `paymentMethodID` at the merchant that saved it;
   * any other merchant's card answers like an unknown one (404).
   */
  async reveal(merchant: { id: string; organizationId: string }, id: string): Promise<RevealedCard> {
    const pm = await this.uow.read.atMerchant(merchant).paymentMethods.get(id);
    if (!pm) throw DomainError.notFound('Payment method');
    return this.revealed(pm);
  }

  /** Several cards of one merchant in one query, by ID; another merchant's are simply absent. */
  async revealMany(
    merchant: { id: string; organizationId: string },
    ids: string[],
  ): Promise<Map<string, RevealedCard>> {
    const rows = await this.uow.read.atMerchant(merchant).paymentMethods.getMany(ids);
    return new Map(rows.map((pm) => [pm.id, this.revealed(pm)]));
  }

  private revealed(pm: StoredCardRow): RevealedCard {
    return {
      id: pm.id,
      merchantRef: pm.merchantRef,
      pan: this.dataKeys.decrypt(pm.dataKey, pm.panCiphertext, `pm:${pm.id}`),
      brand: pm.cardBrand,
      bin: pm.cardBin,
      last4: pm.cardLast4,
      expMonth: pm.cardExpMonth,
      expYear: pm.cardExpYear,
      holderName: pm.cardHolderName,
      paymentCardType: pm.paymentCardType,
    };
  }
}
