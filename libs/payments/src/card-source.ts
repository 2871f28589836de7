import { cardBrand, type EmvCard, entryModeOf, panDisplay } from '@conduit/domain';
import type { CardData } from '@conduit/processor';
import { fromWireId } from './ids';
import type { CardDetails } from './commands/payment-command';
import type { VaultCard, VaultService } from './vault.service';

/** A card ready for the processor, with its display form. The PAN lives only in memory. */
export interface ResolvedCard {
  data: CardData;
  display: VaultCard;
  cardPresentStatus: string;
  paymentMethodId: string | null;
  /** A chip or contactless read: its receipt fields are recorded, its card data is not. */
  chip?: EmvCard;
}

/** The card of a parsed command, ready for the processor (a stored card is revealed here). */
export async function resolveCard(
  card: CardDetails,
  merchant: { id: string; organizationId: string },
  debit: boolean,
  vault: Pick<VaultService, 'reveal'>,
): Promise<ResolvedCard> {
  const paymentCardType = debit ? 'DEBIT' : 'CREDIT';
  const { source, cvn, cardPresentStatus } = card;
  if (source.kind === 'onFile') {
    const stored = await vault.reveal(merchant, fromWireId(source.paymentMethodId, 'Payment method'));
    return {
      data: {
        pan: stored.pan,
        expMonth: stored.expMonth,
        expYear: stored.expYear,
        cvn,
        holderName: stored.holderName ?? undefined,
        entryMode: entryModeOf(cardPresentStatus, { swiped: false, onFile: true }),
      },
      display: { ...stored, paymentCardType },
      cardPresentStatus,
      paymentMethodId: stored.id,
    };
  }
  const { pan, expMonth, expYear } = source;
  const holderName = card.holderName ?? null;
  const entryMode = entryModeOf(cardPresentStatus, { swiped: source.kind === 'track', onFile: false });
  const { bin, last4 } = panDisplay(pan);
  const chip = source.kind === 'emv' ? source.chip : undefined;
  return {
    data: {
      pan,
      expMonth,
      expYear,
      cvn,
      holderName: holderName ?? undefined,
      entryMode,
      ...(chip
        ? { emv: { cryptogram: chip.cryptogram, cryptogramType: chip.cryptogramType, signed: chip.signed } }
        : {}),
    },
    ...(chip ? { chip } : {}),
    display: { pan, brand: cardBrand(pan), bin, last4, expMonth, expYear, holderName, paymentCardType },
    cardPresentStatus,
    paymentMethodId: null,
  };
}
