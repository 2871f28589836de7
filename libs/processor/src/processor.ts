import type { CryptogramType, EmvSignedData, EntryMode, ResponseCode } from '@conduit/domain';
import type { SettlementConnector } from './settlement';

/** A card as the processor sees it. It lives only in memory for the length of one request. */
export interface CardData {
  pan: string;
  expMonth: number;
  expYear: number;
  cvn?: string;
  holderName?: string;
  entryMode: EntryMode;
  /** A chip or contactless read: what the issuer checks the card's cryptogram against. */
  emv?: EmvAuthorizationData;
}

/** The chip's side of an authorization (never stored: the processor checks it and answers). */
export interface EmvAuthorizationData {
  cryptogram: string;
  cryptogramType: CryptogramType;
  signed: EmvSignedData;
}

export interface AuthorizeRequest {
  merchantId: string;
  card: CardData;
  amountCents: number;
  allowPartial: boolean;
  /** true for a Sale (authorize and capture), false for an Authorization. */
  capture: boolean;
  /**
   * Sent by charges that may be retried after a crash (a payment plan's charge: its claim id).
   * A processor answers a repeated key with the first answer and moves no money again; the
   * connector must pass it on as the network's duplicate-check key.
   */
  idempotencyKey?: string;
}

export interface ProcessorOutcome {
  approved: boolean;
  responseCode: ResponseCode;
  /** What was approved; 0 for a decline and for a card verification. */
  approvedCents: number;
  partial: boolean;
  authorizationNumber?: string;
  /** The processor's own reference for this operation; later operations name it. */
  reference: string;
  /** The processor's own wording, when it says more than the code's usual message. */
  responseMessage?: string;
  /** Chip transactions: hex TLV (8A, 91) for the terminal to complete the card's second step. */
  emvIssuerResponse?: string;
}

/**
 * What a card/ACH network connector implements. The core speaks only this interface, so a real
 * processor can replace the sandbox without any change to it.
 */
export interface ProcessorConnector extends SettlementConnector {
  readonly name: string;
  /** Sale (capture = true) and Authorization. */
  authorize(req: AuthorizeRequest): Promise<ProcessorOutcome>;
  capture(req: { merchantId: string; reference: string; amountCents: number }): Promise<ProcessorOutcome>;
  void(req: { merchantId: string; reference: string }): Promise<ProcessorOutcome>;
  /** A referenced refund (by the original's reference) or an unreferenced one (to a card). */
  refund(req: {
    merchantId: string;
    reference?: string;
    card?: CardData;
    amountCents: number;
  }): Promise<ProcessorOutcome>;
  /** SaveOnFile: a $0 verification of the card. */
  verify(req: { merchantId: string; card: CardData }): Promise<ProcessorOutcome>;
  debitECheck(req: {
    merchantId: string;
    routingNumber: string;
    accountNumber: string;
    amountCents: number;
    /** As `AuthorizeRequest.idempotencyKey`. */
    idempotencyKey?: string;
  }): Promise<ProcessorOutcome>;
  refundECheck(req: {
    merchantId: string;
    reference: string;
    amountCents: number;
  }): Promise<ProcessorOutcome>;
}
