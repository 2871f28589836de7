import { createHash, randomUUID } from 'node:crypto';
import { isExpired, luhnValid, ResponseCode } from '@conduit/domain';
import type { AuthorizeRequest, CardData, ProcessorConnector, ProcessorOutcome } from './processor';
import {
  fateSuffix,
  InMemorySandboxLedger,
  SANDBOX_RETURN_ACCOUNTS,
  SandboxSettlement,
  type SandboxLedger,
} from './sandbox.settlement';
import type { NetworkEvent, SettlementItemOutcome, SettlementRequest } from './settlement';
import { sandboxCryptogramValid, sandboxIssuerResponse } from './sandbox.cryptogram';

export const CRYPTOGRAM_CHECK_FAILED = 'cryptogram check failed';

/** Card numbers that always produce one decline (payments.md, "The sandbox processor"). */
export const SANDBOX_DECLINE_CARDS: Readonly<Record<string, ResponseCode>> = {
  '4000000000000002': ResponseCode.Declined,
  '4000000000009995': ResponseCode.InsufficientFunds,
  '4000000000000119': ResponseCode.PleaseRetry,
  '4000000000000010': ResponseCode.Referral,
  '4000000000000127': ResponseCode.CvvMismatch,
};
/** Approved, then charged back after settlement. */
export const SANDBOX_CHARGEBACK_CARD = '4000000000000259';
/** eCheck debits above this (5000.00) are declined for insufficient funds. */
export const SANDBOX_ECHECK_LIMIT_CENTS = 500_000;

const ALPHABET_SIZE = 36 ** 6;

/** A 6-character upper-case alphanumeric authorization number, derived from a reference. */
export function authorizationNumberFor(reference: string): string {
  const digest = createHash('sha256').update(reference).digest();
  const value = digest.readBigUInt64BE(0) % BigInt(ALPHABET_SIZE);
  return value.toString(36).toUpperCase().padStart(6, '0');
}

const validCents = (cents: number) => Number.isSafeInteger(cents) && cents > 0;

/** Why the sandbox refuses a card before any amount rule, or null when it is good. */
function screenCard(card: CardData, now: Date): ResponseCode | null {
  if (!/^\d{13,19}$/.test(card.pan) || !luhnValid(card.pan)) return ResponseCode.InvalidAccountNumber;
  const month = card.expMonth;
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(card.expYear)) {
    return ResponseCode.ExpiredCard;
  }
  if (isExpired({ month, year: card.expYear }, now)) return ResponseCode.ExpiredCard;
  return SANDBOX_DECLINE_CARDS[card.pan] ?? null;
}

/** A chip read whose cryptogram the sandbox issuer did not sign (an amount changed after signing). */
function screenChip(card: CardData): ResponseCode | null {
  if (!card.emv) return null;
  return sandboxCryptogramValid(card.emv.cryptogram, card.emv.signed) ? null : ResponseCode.Declined;
}

/** A chip answer carries the issuer's response; a failed cryptogram says so in its message. */
function withIssuerResponse(card: CardData, decide: () => ProcessorOutcome): ProcessorOutcome {
  const outcome = decide();
  if (!card.emv) return outcome;
  const cryptogramFailed = screenChip(card) !== null;
  return {
    ...outcome,
    ...(cryptogramFailed ? { responseMessage: CRYPTOGRAM_CHECK_FAILED } : {}),
    emvIssuerResponse: sandboxIssuerResponse(card.emv.cryptogram, outcome.responseCode),
  };
}

export interface SandboxOptions {
  /** Simulated network time per call (SANDBOX_LATENCY_MS); 0 adds no delay at all. */
  latencyMs?: number;
  /** The clock that decides whether a card has expired. */
  now?: () => Date;
  /** Where the sandbox keeps the network events it owes merchants (in memory by default). */
  ledger?: SandboxLedger;
}

/**
 * The built-in deterministic processor, so that integrators can produce every outcome on
 * purpose: the result depends only on the card, expiry, amount and account given.
 */
export class SandboxProcessor implements ProcessorConnector {
  readonly name = 'sandbox';
  private readonly latencyMs: number;
  private readonly now: () => Date;
  private readonly settlement: SandboxSettlement;

  constructor({ latencyMs = 0, now = () => new Date(), ledger }: SandboxOptions = {}) {
    this.latencyMs = latencyMs;
    this.now = now;
    this.settlement = new SandboxSettlement(ledger ?? new InMemorySandboxLedger());
  }

  settle(req: SettlementRequest): Promise<SettlementItemOutcome[]> {
    return this.settlement.settle(req);
  }

  networkEvents(req: { merchantId: string; batchId: string }): Promise<NetworkEvent[]> {
    return this.settlement.networkEvents(req);
  }

  acknowledgeNetworkEvents(ids: string[]): Promise<void> {
    return this.settlement.acknowledge(ids);
  }

  respondToDispute(req: { merchantId: string; reference: string; evidenceText: string }): Promise<void> {
    return this.settlement.respondToDispute(req);
  }

  async authorize(req: AuthorizeRequest): Promise<ProcessorOutcome> {
    await this.delay();
    const key = req.idempotencyKey;
    const screened = this.screenRequest(req.merchantId, req.amountCents);
    if (screened) return this.declined(screened, key);
    return withIssuerResponse(req.card, () => {
      const refused = screenChip(req.card) ?? screenCard(req.card, this.now());
      if (refused) return this.declined(refused, key);
      // The sandbox remembers, in its own reference, what the network will do after settlement.
      const later = req.card.pan === SANDBOX_CHARGEBACK_CARD ? ('cb' as const) : null;
      if (req.amountCents % 100 === 10) {
        if (!req.allowPartial) return this.declined(ResponseCode.InsufficientFunds, key);
        const half = Math.floor(req.amountCents / 2);
        return this.approved(half, {
          responseCode: ResponseCode.PartiallyApproved,
          partial: true,
          later,
          key,
        });
      }
      return this.approved(req.amountCents, { later, key });
    });
  }

  async capture(req: {
    merchantId: string;
    reference: string;
    amountCents: number;
  }): Promise<ProcessorOutcome> {
    await this.delay();
    return this.approved(req.amountCents, { of: req.reference });
  }

  async void(req: { merchantId: string; reference: string }): Promise<ProcessorOutcome> {
    await this.delay();
    return this.approved(0, { of: req.reference });
  }

  async refund(req: {
    merchantId: string;
    reference?: string;
    card?: CardData;
    amountCents: number;
  }): Promise<ProcessorOutcome> {
    await this.delay();
    const card = req.card;
    if (!card) return this.approved(req.amountCents, { of: req.reference });
    return withIssuerResponse(card, () => {
      const refused = screenChip(card);
      return refused ? this.declined(refused) : this.approved(req.amountCents, { of: req.reference });
    });
  }

  async verify(req: { merchantId: string; card: CardData }): Promise<ProcessorOutcome> {
    await this.delay();
    if (!req.merchantId) return this.declined(ResponseCode.InvalidMerchant);
    return withIssuerResponse(req.card, () => {
      const refused = screenChip(req.card) ?? screenCard(req.card, this.now());
      return refused ? this.declined(refused) : this.approved(0);
    });
  }

  async debitECheck(req: {
    merchantId: string;
    routingNumber: string;
    accountNumber: string;
    amountCents: number;
    idempotencyKey?: string;
  }): Promise<ProcessorOutcome> {
    await this.delay();
    const key = req.idempotencyKey;
    const refused = this.screenRequest(req.merchantId, req.amountCents);
    if (refused) return this.declined(refused, key);
    if (req.amountCents > SANDBOX_ECHECK_LIMIT_CENTS)
      return this.declined(ResponseCode.InsufficientFunds, key);
    const returned = SANDBOX_RETURN_ACCOUNTS[req.accountNumber];
    return this.approved(req.amountCents, {
      later: returned ? (returned.toLowerCase() as 'r01' | 'r02') : null,
      key,
    });
  }

  async refundECheck(req: {
    merchantId: string;
    reference: string;
    amountCents: number;
  }): Promise<ProcessorOutcome> {
    await this.delay();
    return this.approved(req.amountCents, { of: req.reference });
  }

  /** Requests no network would accept: no merchant (003), or an amount that is not whole cents > 0 (013). */
  private screenRequest(merchantId: string, amountCents: number): ResponseCode | null {
    if (!merchantId) return ResponseCode.InvalidMerchant;
    return validCents(amountCents) ? null : ResponseCode.InvalidAmount;
  }

  private declined(responseCode: ResponseCode, key?: string): ProcessorOutcome {
    return { approved: false, responseCode, approvedCents: 0, partial: false, reference: newReference(key) };
  }

  /**
   * An approval. Its authorization number derives from the reference it acts on (`of`) — so a
   * capture, void or refund carries the original authorization's number — or from its own.
   */
  private approved(
    approvedCents: number,
    extra: {
      of?: string;
      responseCode?: ResponseCode;
      partial?: boolean;
      later?: 'cb' | 'r01' | 'r02' | null;
      key?: string;
    } = {},
  ): ProcessorOutcome {
    const reference = newReference(extra.key) + fateSuffix(extra.later ?? null);
    const outcome: ProcessorOutcome = {
      approved: true,
      responseCode: extra.responseCode ?? ResponseCode.Approved,
      approvedCents,
      partial: extra.partial ?? false,
      authorizationNumber: authorizationNumberFor(extra.of ?? reference),
      reference,
    };
    return outcome;
  }

  private async delay(): Promise<void> {
    if (this.latencyMs > 0) await new Promise<void>((resolve) => setTimeout(resolve, this.latencyMs));
  }
}

/**
 * A fresh reference, or — for a request carrying an idempotency key — the one reference that key
 * always gets. The sandbox's answers depend only on the request, so answering a repeated key
 * with the same reference (hence the same authorization number) is exactly a network's
 * duplicate check: the retried charge is the first charge, not a second one.
 */
function newReference(key?: string): string {
  if (key) {
    const h = createHash('sha256').update(`sandbox-idempotency:${key}`).digest('hex');
    return `sbx_${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
  }
  return `sbx_${randomUUID()}`;
}
