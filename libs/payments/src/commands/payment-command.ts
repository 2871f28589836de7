import type {
  CardPresentStatus,
  CheckImages,
  ECheck,
  EmvCard,
  TenderType,
  TransactionAction,
} from '@conduit/domain';
import type { PaymentInput, PlanChargeMarker } from '../payment-input';

/**
 * A payment request after its edge parsed it: every value typed and checked, every invalid field
 * already reported. The core accepts only these, so no rule reads a raw request field twice and
 * every interface gets the same validation (decision 0025).
 */
export type PaymentCommand =
  CardPaymentCommand | ECheckPaymentCommand | SecondaryCommand | ViewReceiptCommand;

export type Channel = PaymentInput['channel'];

/** The outlet a request names (merchant number, store and terminal), format-checked. */
export interface OutletIds {
  merchantId: string;
  storeId: string;
  terminalId: string;
}

export interface PatientFields {
  patientId?: string;
  accountNumber?: string;
  firstName?: string;
  lastName?: string;
  /** YYYY-MM-DD or MM/DD/YYYY, as given. */
  birthDate?: string;
}

/** What every transaction of a request records besides its money: who, where, patient, free text. */
export interface RequestColumns {
  channel: Channel;
  outlet: OutletIds;
  patient: PatientFields;
  /** additionalInfo1…6, '' where absent. */
  additionalInfo: string[];
  externalId?: string;
  plan?: PlanChargeMarker;
}

/** Where the card comes from. The PAN lives only in memory, for the processor call. */
export type CardSource =
  | { kind: 'keyed'; pan: string; expMonth: number; expYear: number }
  | { kind: 'track'; pan: string; expMonth: number; expYear: number; holderName?: string }
  | { kind: 'onFile'; paymentMethodId: string }
  /** A chip or contactless read: the card and the receipt fields come from the chip data. */
  | { kind: 'emv'; pan: string; expMonth: number; expYear: number; holderName?: string; chip: EmvCard };

export interface CardDetails {
  source: CardSource;
  cvn?: string;
  holderName?: string;
  /** Resolved: the request's own, or the default for how the card was given. */
  cardPresentStatus: CardPresentStatus;
}

export type PrimaryCardAction =
  | TransactionAction.Sale
  | TransactionAction.Authorization
  | TransactionAction.Refund
  | TransactionAction.SaveOnFile;

export interface CardPaymentCommand extends RequestColumns {
  kind: 'card';
  action: PrimaryCardAction;
  tender: TenderType.CreditCard | TenderType.DebitCard;
  /** 0 for SaveOnFile. */
  amountCents: number;
  allowPartial: boolean;
  saveOnFile: boolean;
  card: CardDetails;
}

export interface ECheckPaymentCommand extends RequestColumns {
  kind: 'echeck';
  action: TransactionAction.Sale;
  amountCents: number;
  check: ECheck;
  /** A paper check scanned at the desk (checkPresentStatus Present): stored encrypted with the row. */
  images?: CheckImages;
}

export type SecondaryAction =
  TransactionAction.Capture | TransactionAction.Void | TransactionAction.SimpleRefund;

export interface SecondaryCommand extends RequestColumns {
  kind: 'secondary';
  action: SecondaryAction;
  /** The primary's id (UUID form). */
  primaryId: string;
  /** Absent: the rules' default (the whole remaining amount). */
  amountCents?: number;
}

export interface ViewReceiptCommand {
  kind: 'viewReceipt';
  channel: Channel;
  by: { transactionId: string } | { ssoToken: string };
}
