/** What a posting file is made of: the settled items of one closed batch (settlement.md). */

export type PostingTender = 'CreditCard' | 'DebitCard' | 'eCheck';

export type PostingItemKind = 'Sale' | 'Refund' | 'Return' | 'Chargeback' | 'ChargebackReversal';

export interface PostingItem {
  merchantId: string;
  storeId: string;
  terminalId: string;
  tender: PostingTender;
  kind: PostingItemKind;
  /** signed integer cents: negative for Refund, Return, Chargeback; positive for Sale, ChargebackReversal */
  amountCents: number;
  /** VISA, MASTERCARD, AMEX, DISCOVER, OTHER; null for eCheck */
  cardType: string | null;
  /** the wire transaction id, as given */
  transactionId: string;
  authorizationNumber: string | null;
  /** rendered CCYYMMDDHHMMSS in the merchant's time zone */
  transactionDate: Date;
  /** transaction status letter(s): S, RI, CB … */
  statusCode: string;
  patientId: string | null;
  patientFirstName: string | null;
  patientLastName: string | null;
  /** up to 6 */
  additionalInfo: string[];
  responseCode: string;
  responseMessage: string;
}

export interface PostingBatch {
  merchantId: string;
  merchantName: string;
  /** 32 hex characters */
  settlementBatchId: string;
  /** YYYY-MM-DD, merchant-local */
  businessDate: string;
  /** IANA */
  timeZone: string;
  closedAt: Date;
  /** items that will be written (settled items only) */
  itemCount: number;
  /** sum of the items' signed amounts */
  itemsNetCents: number;
  /** fees of the batch (>= 0) */
  feeCents: number;
  /** YYYY-MM-DD */
  depositDate: string;
  /** 1..999999999, unique per merchant per file (the caller supplies it) */
  controlNumber: number;
}

/** A posting file that would not be right: refused before a byte of it is written. */
export class PostingFileError extends Error {
  override name = 'PostingFileError';
}
