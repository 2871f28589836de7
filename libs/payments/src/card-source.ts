import {
  cardBrand,
  DomainError,
  entryModeOf,
  type FieldError,
  normalizePan,
  panDisplay,
  parseExpiry,
  parseTrackData,
  resolveCardPresentStatus,
} from '@conduit/domain';
import type { CardData } from '@conduit/processor';
import { fromWireId } from './ids';
import type { PaymentInput } from './payment-input';
import { text } from './payment-input';
import type { VaultCard, VaultService } from './vault.service';

/** A card ready for the processor, with its display form. The PAN lives only in memory. */
export interface ResolvedCard {
  data: CardData;
  display: VaultCard;
  cardPresentStatus: string;
  paymentMethodId: string | null;
}

function cvnOf(raw: unknown): string | undefined {
  const cvn = text(raw, 8);
  if (cvn !== undefined && !/^\d{3,4}$/.test(cvn)) {
    throw DomainError.validation([
      { field: 'cardVerificationNumber', message: 'cardVerificationNumber must be 3 or 4 digits' },
    ]);
  }
  return cvn;
}

export async function resolveCard(
  input: PaymentInput,
  merchant: { id: string; organizationId: string },
  debit: boolean,
  vault: Pick<VaultService, 'reveal'>,
): Promise<ResolvedCard> {
  const c = input.card ?? {};
  const cvn = cvnOf(c.cardVerificationNumber);
  const paymentCardType = debit ? 'DEBIT' : 'CREDIT';
  if (text(c.paymentMethodId)) {
    const stored = await vault.reveal(merchant, fromWireId(c.paymentMethodId, 'Payment method'));
    const status = resolveCardPresentStatus(c.cardPresentStatus, 'NotPresentInternet');
    const entryMode = entryModeOf(status, { swiped: false, onFile: true });
    return {
      data: {
        pan: stored.pan,
        expMonth: stored.expMonth,
        expYear: stored.expYear,
        cvn,
        holderName: stored.holderName ?? undefined,
        entryMode,
      },
      display: { ...stored, paymentCardType },
      cardPresentStatus: status,
      paymentMethodId: stored.id,
    };
  }
  let pan: string;
  let expiry: { month: number; year: number };
  let holderName = text(c.cardHolderName, 120) ?? null;
  const swiped = text(c.trackData, 512) !== undefined;
  if (swiped) {
    const track = parseTrackData(c.trackData);
    pan = track.pan;
    expiry = { month: track.expMonth, year: track.expYear };
    holderName ??= track.holderName ?? null;
  } else {
    const errors: FieldError[] = [];
    if (c.cardNumber === undefined || c.cardNumber === '')
      errors.push({
        field: 'cardNumber',
        message: 'cardNumber is required (or trackData, or paymentMethodID)',
      });
    if (errors.length) throw DomainError.validation(errors);
    pan = normalizePan(c.cardNumber);
    expiry = parseExpiry({
      expiration: c.cardExpiration,
      month: c.cardExpirationMonth,
      year: c.cardExpirationYear,
    });
  }
  const status = resolveCardPresentStatus(
    c.cardPresentStatus,
    swiped ? 'PresentSwipeSign' : 'NotPresentInternet',
  );
  const entryMode = entryModeOf(status, { swiped, onFile: false });
  const { bin, last4 } = panDisplay(pan);
  return {
    data: {
      pan,
      expMonth: expiry.month,
      expYear: expiry.year,
      cvn,
      holderName: holderName ?? undefined,
      entryMode,
    },
    display: {
      pan,
      brand: cardBrand(pan),
      bin,
      last4,
      expMonth: expiry.month,
      expYear: expiry.year,
      holderName,
      paymentCardType,
    },
    cardPresentStatus: status,
    paymentMethodId: null,
  };
}
