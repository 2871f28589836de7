import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  assertWithinLimit,
  DomainError,
  luhnValid,
  ResponseCode,
  responseMessage,
  TenderType,
  TransactionAction,
  TransactionStatus,
} from '@conduit/domain';
import { type NewTransaction, type Repositories, UnitOfWork } from '@conduit/db';
import { type ProcessorConnector, type ProcessorOutcome } from '@conduit/processor';
import { resolveCard, type ResolvedCard } from './card-source';
import { CheckImageStore } from './check-images/check-image-store';
import { newId } from './ids';
import {
  commonColumns,
  outletNumbers,
  type PaymentContext,
  record,
  transactionWrite,
  type TransactionWrite,
} from './payment-context';
import type { CardPaymentCommand, ECheckPaymentCommand } from './commands/payment-command';
import { PROCESSOR } from './processor.token';
import type { PaymentResult, TransactionView } from './transaction-view';
import { VaultService } from './vault.service';

/** Luhn failures never reach a processor: the platform declines them with 014 itself. */
function declinedLocally(): ProcessorOutcome {
  return {
    approved: false,
    responseCode: ResponseCode.InvalidAccountNumber,
    approvedCents: 0,
    partial: false,
    reference: `local_${newId()}`,
  };
}

/**
 * A chip read's receipt fields (devices.md) and the issuer's answer. Only these are kept: the
 * chip data itself (PAN, track 2 equivalent, cryptogram) never reaches a column.
 */
function emvColumns(card: ResolvedCard, outcome: ProcessorOutcome) {
  const chip = card.chip;
  if (!chip) return {};
  return {
    emvApplicationLabel: chip.applicationLabel ?? null,
    emvApplicationId: chip.applicationId,
    emvTvr: chip.tvr,
    emvTsi: chip.tsi ?? null,
    emvCryptogramType: chip.cryptogramType,
    emvIssuerResponse: outcome.emvIssuerResponse ?? null,
    pinVerified: chip.pinVerified,
  };
}

/**
 * The merchant's per-transaction limit (decision 0020). Only primaries are checked: a capture or
 * refund is bounded by its primary, which was, and a lowered limit must not stop a patient's
 * refund of what was already charged.
 */
const limitOf = (ctx: PaymentContext) => Number(ctx.merchant.maxTransactionCents);

/**
 * Where an import page's card payments go instead of one statement each (docs/batch-import.md):
 * its stored cards, read once for the page, and its writes, kept in memory until the page's one
 * database transaction. The rules are the same code either way.
 */
export interface PagedCardWrites {
  cards: Pick<VaultService, 'reveal'>;
  add(write: TransactionWrite): void;
}

/** Sale, Authorization, unreferenced Refund and SaveOnFile: the actions that create a primary. */
@Injectable()
export class PrimaryPayments {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly vault: VaultService,
    @Inject(PROCESSOR) private readonly processor: ProcessorConnector,
    // Optional so the services that never take a paper check (plans, imports) build without it.
    @Optional() private readonly checkImages?: CheckImageStore,
  ) {}

  async card(
    ctx: PaymentContext,
    command: CardPaymentCommand,
    page?: PagedCardWrites,
  ): Promise<PaymentResult> {
    const { action, tender, amountCents, allowPartial, saveOnFile } = command;
    const saving = action === TransactionAction.SaveOnFile;
    assertWithinLimit(amountCents, limitOf(ctx));
    if (action === TransactionAction.Refund && !ctx.merchant.allowUnreferencedRefunds) {
      throw DomainError.forbidden(
        'Unreferenced refunds are not enabled for this merchant; use SimpleRefund with the original transactionID',
      );
    }
    const card = await resolveCard(
      command.card,
      ctx.merchant,
      tender === TenderType.DebitCard,
      page?.cards ?? this.vault,
    );
    const merchantId = ctx.merchant.merchantId;
    let outcome: ProcessorOutcome;
    if (!luhnValid(card.data.pan)) outcome = declinedLocally();
    else if (saving) outcome = await this.processor.verify({ merchantId, card: card.data });
    else if (action === TransactionAction.Refund)
      outcome = await this.processor.refund({ merchantId, card: card.data, amountCents });
    else
      outcome = await this.processor.authorize({
        merchantId,
        card: card.data,
        amountCents,
        allowPartial,
        capture: action === TransactionAction.Sale,
        idempotencyKey: command.plan?.chargeId,
      });
    const storing = outcome.approved && saveOnFile && !card.paymentMethodId;
    const status = !outcome.approved
      ? TransactionStatus.Declined
      : saving
        ? TransactionStatus.OnFile
        : action === TransactionAction.Authorization
          ? TransactionStatus.Authorized
          : TransactionStatus.Captured;
    const rowWith = (paymentMethodId: string | null): NewTransaction => ({
      id: command.plan?.chargeId ?? newId(),
      ...commonColumns(ctx, command),
      ...this.cardColumns(card),
      ...emvColumns(card, outcome),
      paymentMethodId,
      action,
      tender,
      status,
      responseCode: outcome.responseCode,
      responseMessage:
        outcome.responseMessage ??
        responseMessage(outcome.responseCode, outcome.partial ? outcome.approvedCents : undefined),
      requestCents: BigInt(amountCents),
      amountCents: BigInt(outcome.approved ? outcome.approvedCents : 0),
      isPartial: outcome.partial,
      authorizationNumber: outcome.authorizationNumber ?? null,
      processorReference: outcome.reference,
      capturedAt: status === TransactionStatus.Captured ? new Date() : null,
    });
    const answer = (view: TransactionView): PaymentResult => ({
      transaction: view,
      saveOnFileTransactionId: saving && outcome.approved ? view.transactionId : undefined,
    });
    if (page) {
      // A page writes its rows later, all in one database transaction; storing a card would
      // need its own rows first, and no import record asks for that.
      if (storing) throw new Error('An import page does not store cards');
      const w = transactionWrite(rowWith(card.paymentMethodId), outletNumbers(ctx));
      page.add(w);
      return answer(w.view);
    }
    // Storing a card writes two more rows, so it takes a unit of work; a plain sale is one statement.
    const write = <T>(fn: (r: Repositories) => Promise<T>) =>
      storing ? this.uow.run(fn) : fn(this.uow.read);
    return write(async (r) => {
      let paymentMethodId = card.paymentMethodId;
      if (storing) paymentMethodId = await this.vault.store(r, ctx.merchant, card.display);
      return answer(await record(r.atMerchant(ctx.merchant), rowWith(paymentMethodId), outletNumbers(ctx)));
    });
  }

  /**
   * An eCheck debit. `page` (a payment plan's charges) keeps the row in memory for the caller's
   * one database transaction instead of writing it here, as for cards.
   */
  async eCheck(
    ctx: PaymentContext,
    command: ECheckPaymentCommand,
    page?: Pick<PagedCardWrites, 'add'>,
  ): Promise<PaymentResult> {
    const { amountCents, check } = command;
    assertWithinLimit(amountCents, limitOf(ctx));
    const outcome = await this.processor.debitECheck({
      merchantId: ctx.merchant.merchantId,
      routingNumber: check.routingNumber,
      accountNumber: check.accountNumber,
      amountCents,
      idempotencyKey: command.plan?.chargeId,
    });
    const status = outcome.approved ? TransactionStatus.Captured : TransactionStatus.Declined;
    const row: NewTransaction = {
      id: command.plan?.chargeId ?? newId(),
      ...commonColumns(ctx, command),
      action: TransactionAction.Sale,
      tender: TenderType.ECheck,
      status,
      responseCode: outcome.responseCode,
      responseMessage: responseMessage(outcome.responseCode),
      requestCents: BigInt(amountCents),
      amountCents: BigInt(outcome.approved ? outcome.approvedCents : 0),
      authorizationNumber: outcome.authorizationNumber ?? null,
      processorReference: outcome.reference,
      routingNumber: check.routingNumber,
      accountLast4: check.accountNumber.slice(-4),
      accountType: check.accountType,
      checkNumber: check.checkNumber ?? null,
      accountHolderName: check.accountHolderName ?? null,
      checkPresentStatus: check.checkPresentStatus,
      capturedAt: status === TransactionStatus.Captured ? new Date() : null,
    };
    const images = command.images;
    if (page) {
      if (images) throw new Error('A page of charges takes no check images');
      const w = transactionWrite(row, outletNumbers(ctx));
      page.add(w);
      return { transaction: w.view };
    }
    if (!images)
      return { transaction: await record(this.uow.read.atMerchant(ctx.merchant), row, outletNumbers(ctx)) };
    // A scanned check: its images are kept with the row, approved or declined (decision 0034).
    const store = this.checkImages;
    if (!store) throw new Error('Check images need the CheckImageStore');
    const transaction = await this.uow.run(async (r) => {
      const view = await record(r.atMerchant(ctx.merchant), row, outletNumbers(ctx));
      await store.store(r, ctx.merchant, row.id, images);
      return view;
    });
    return { transaction };
  }

  private cardColumns(card: ResolvedCard) {
    const d = card.display;
    return {
      cardBrand: d.brand,
      cardBin: d.bin,
      cardLast4: d.last4,
      cardExpMonth: d.expMonth,
      cardExpYear: d.expYear,
      cardHolderName: d.holderName,
      paymentCardType: d.paymentCardType,
      entryMode: card.data.entryMode,
      cardPresentStatus: card.cardPresentStatus,
    };
  }
}
