import { Injectable, Optional } from '@nestjs/common';
import {
  afterCancel,
  afterMethodChange,
  afterPause,
  afterResume,
  assertPlanMove,
  DomainError,
  ErrorCode,
  initialProgress,
  isExpired,
  luhnValid,
  parseECheck,
  parsePlanTerms,
  parsePlanUpdate,
  planClock,
  type PaymentPrincipal,
  PlanStatus,
  PlanType,
  reshapeInstallments,
  resolveTender,
  TenderType,
} from '@conduit/domain';
import { type PaymentPlanRow, type Repositories, UnitOfWork } from '@conduit/db';
import { OutboxSignal } from '@conduit/queues';
import { CredentialAuthService } from '@conduit/tenancy';
import { EventType } from '../events';
import { fromWireId, newId, toWireId } from '../ids';
import { type PaymentContext, resolveContext, transactionWrite, outletNumbers } from '../payment-context';
import { type PaymentInput, text } from '../payment-input';
import { PrimaryPayments } from '../primary-payments';
import type { TransactionView } from '../transaction-view';
import { type VaultCard, VaultService } from '../vault.service';
import { resolveCard } from '../card-source';
import type { CardDetails } from '../commands/payment-command';
import {
  cardDetailsOf,
  parseCardCommand,
  parseECheckCommand,
  parseOutlet,
} from '../commands/parse-payment-command';
import { FieldErrors } from '../commands/field-errors';
import { type BankAccount, BankAccountVault } from './bank-account-vault';
import { accessOfPrincipal, type PlanAccess } from './plan-access';
import { rowPatch } from './plan-charges.service';
import { planEvent } from './plan-events';
import type { PaymentPlanInput, PaymentPlanListInput, PaymentPlanUpdateInput } from './plan-input';
import { decodePlanCursor, encodePlanCursor } from './plan-cursor';
import { detailOf, type PlanDetail, progressOf, shapeOf, type PlanView, viewOfPlan } from './plan-view';

/** What creating a plan answers: the plan, or the decline that stopped it, and the transactions made. */
export interface PlanCreateResult {
  detail: PlanDetail | null;
  /** The down payment, when one was taken (a plan's card is checked locally, decision 0024). */
  transactions: TransactionView[];
  /** The down payment that was declined: no plan was created. */
  declined: TransactionView | null;
}

type Instrument = { cardRef: string; bankAccountRef: null } | { cardRef: null; bankAccountRef: string };

const hasCard = (i: { card?: PaymentInput['card'] }) =>
  text(i.card?.cardNumber) !== undefined || text(i.card?.trackData, 512) !== undefined;
const hasECheck = (i: { echeck?: PaymentInput['echeck'] }) =>
  text(i.echeck?.routingNumber) !== undefined || text(i.echeck?.accountNumber) !== undefined;

/**
 * Payment plans (payment-plans.md): create, read, update, pause, resume, cancel — for every
 * interface. Each change is one database transaction with its PaymentPlanCreated/Updated event
 * and its audit entry; charges go through `PlanChargesService`.
 */
@Injectable()
export class PaymentPlansService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: CredentialAuthService,
    private readonly primary: PrimaryPayments,
    private readonly vault: VaultService,
    private readonly bankVault: BankAccountVault,
    @Optional() private readonly outbox?: OutboxSignal,
  ) {}

  async create(principal: PaymentPrincipal, input: PaymentPlanInput): Promise<PlanCreateResult> {
    const ctx = await resolveContext(this.access, principal, parseOutlet(input));
    const { today } = planClock({
      timeZone: ctx.merchant.timeZone,
      planChargeHour: ctx.merchant.planChargeHour,
    });
    const terms = parsePlanTerms(input, {
      today,
      maxTransactionCents: Number(ctx.merchant.maxTransactionCents),
    });
    const planId = newId();
    const transactions: TransactionView[] = [];
    const instrument = await this.instrumentOf(ctx, input);
    let down: ReturnType<typeof transactionWrite> | undefined;
    if (terms.downPaymentCents > 0) {
      down = await this.downPayment(ctx, input, instrument.ref, planId, terms, instrument.bank);
      if (down.view.status === 'D') {
        // No plan: the declined down payment is recorded as an ordinary declined sale.
        const plain = transactionWrite(
          {
            ...down.row,
            paymentPlanRef: null,
            installmentSequence: null,
            installmentCount: null,
            paymentPlanType: null,
          },
          outletNumbers(ctx),
        );
        await this.uow.read.atMerchant(ctx.merchant).transactions.insertWithEvent(plain.row, plain.event);
        this.outbox?.wake();
        return { detail: null, transactions: [...transactions, plain.view], declined: plain.view };
      }
    }
    const access = await accessOfPrincipal(this.access, principal);
    const row = await this.uow.run(async (r) => {
      const ref = instrument.ref;
      const bankRef = instrument.storeBank
        ? await this.bankVault.store(r, ctx.merchant, instrument.storeBank)
        : ref.bankAccountRef;
      const cardRef = instrument.storeCard
        ? await this.vault.store(r, ctx.merchant, instrument.storeCard)
        : ref.cardRef;
      const shape = {
        type: terms.type,
        totalCents: terms.totalCents,
        installmentCents: terms.installmentCents,
        installmentCount: terms.installmentCount,
        frequency: terms.frequency,
        startDate: terms.startDate,
        dayOfMonth: terms.dayOfMonth,
        endDate: terms.endDate,
      };
      const progress = initialProgress(
        shape,
        down ? terms.downPaymentCents : 0,
        down?.view.responseCode ?? null,
      );
      const repo = r.atMerchant(ctx.merchant).paymentPlans;
      const p = input.patient ?? {};
      const plan = await repo.insert({
        id: planId,
        outletRef: ctx.outlet.id,
        credentialId: principal.credentialId,
        channel: input.channel,
        type: terms.type,
        cardRef,
        bankAccountRef: bankRef,
        patientId: text(p.patientId, 64) ?? null,
        patientFirstName: text(p.firstName, 64) ?? null,
        patientLastName: text(p.lastName, 64) ?? null,
        additionalInfo: Array.from({ length: 6 }, (_, i) => text(input.additionalInfo?.[i], 255) ?? ''),
        totalCents: terms.totalCents === null ? null : BigInt(terms.totalCents),
        downPaymentCents: BigInt(terms.downPaymentCents),
        installmentCents: BigInt(terms.installmentCents),
        installmentCount: terms.installmentCount,
        frequency: terms.frequency,
        startDate: new Date(`${terms.startDate}T00:00:00Z`),
        dayOfMonth: terms.dayOfMonth,
        endDate: terms.endDate ? new Date(`${terms.endDate}T00:00:00Z`) : null,
        createdAt: new Date(),
        ...rowPatch(progress),
      });
      if (down) {
        await r.atMerchant(ctx.merchant).planCharges.claim([
          {
            id: down.row.id,
            planRef: planId,
            sequence: 0,
            kind: 'DOWN_PAYMENT',
            amountCents: terms.downPaymentCents,
            dueDate: today,
          },
        ]);
        await repo.complete(down.row.id, 'APPROVED', down.view.responseCode);
        await r.atMerchant(ctx.merchant).transactions.insertWithEvent(down.row, down.event);
      }
      const view = viewOfPlan(plan);
      await repo.insertEvent(planEvent(EventType.PaymentPlanCreated, view, 'Created', down?.view));
      await r.audit.record(
        access.audit(plan.organizationId, 'payment-plan.created', plan.id, {
          type: view.type,
          totalAmount: view.totalAmount,
          installmentAmount: view.installmentAmount,
          installmentCount: view.installmentCount,
          frequency: view.frequency,
          startDate: view.startDate,
          downPayment: down?.view.transactionId,
          authorization: input.authorization,
        }),
      );
      return plan;
    });
    this.outbox?.wake();
    if (down) transactions.push(down.view);
    const charges = await this.uow.read.forScope(access.scope).paymentPlans.charges(row.id);
    return { detail: detailOf(row, charges), transactions, declined: null };
  }

  /**
   * The plan's instrument: a stored card or bank account of this merchant, a card verified and
   * stored now ($0 SaveOnFile through the core), or a bank account to store with the plan.
   */
  private async instrumentOf(
    ctx: PaymentContext,
    input: PaymentPlanInput,
  ): Promise<{
    ref: Instrument;
    storeBank?: BankAccount;
    bank?: BankAccount;
    storeCard?: VaultCard;
  }> {
    type Found = {
      ref: Instrument;
      storeBank?: {
        routingNumber: string;
        accountNumber: string;
        accountType: string;
        holderName: string | null;
      };
      bank?: { routingNumber: string; accountNumber: string; accountType: string; holderName: string | null };
      storeCard?: VaultCard;
    };
    const tender = text(input.transactionType) ? resolveTender(input.transactionType) : null;
    if (text(input.paymentMethodId)) {
      const id = fromWireId(input.paymentMethodId, 'Payment method');
      const card = await this.uow.read.atMerchant(ctx.merchant).paymentMethods.get(id);
      if (card) return { ref: { cardRef: id, bankAccountRef: null } } as Found;
      const bank = await this.uow.read.atMerchant(ctx.merchant).paymentPlans.bankAccount(id);
      if (!bank) throw DomainError.notFound('Payment method');
      return { ref: { cardRef: null, bankAccountRef: id } } as Found;
    }
    if (tender === TenderType.ECheck || (!hasCard(input) && hasECheck(input))) {
      const e = parseECheck(input.echeck ?? {});
      const account = {
        routingNumber: e.routingNumber,
        accountNumber: e.accountNumber,
        accountType: e.accountType,
        holderName: e.accountHolderName ?? null,
      };
      return {
        ref: { cardRef: null, bankAccountRef: null as unknown as string },
        storeBank: account,
        bank: account,
      } as Found;
    }
    if (!hasCard(input))
      throw DomainError.validation([
        { field: 'paymentMethodID', message: 'paymentMethodID, a card or a bank account is required' },
      ]);
    // A plan's card is checked here (format, check digit, expiry) and stored with the plan; the
    // network's verdict is its first charge (the down payment, or the first installment), so a
    // sandbox magic card walks its decline path as payment-plans.md asks. No $0 verification.
    const parsed = new FieldErrors();
    const details = cardDetailsOf(input.card, parsed);
    parsed.throwIfAny();
    const card = await resolveCard(
      details as CardDetails,
      ctx.merchant,
      tender === TenderType.DebitCard,
      this.vault,
    );
    const errors = [];
    if (!luhnValid(card.data.pan))
      errors.push({ field: 'cardNumber', message: 'cardNumber fails the check digit (Luhn)' });
    if (isExpired({ month: card.data.expMonth, year: card.data.expYear }, new Date()))
      errors.push({ field: 'cardExpiration', message: 'cardExpiration is in the past' });
    if (errors.length) throw DomainError.validation(errors);
    return {
      ref: { cardRef: null as unknown as string, bankAccountRef: null },
      storeCard: card.display,
    } as Found;
  }

  /** The down payment: a Sale through the core, kept in memory until the plan's own transaction. */
  private async downPayment(
    ctx: PaymentContext,
    input: PaymentPlanInput,
    ref: Instrument,
    planId: string,
    terms: { type: PlanType; downPaymentCents: number; installmentCount: number | null },
    bank?: { routingNumber: string; accountNumber: string; accountType: string; holderName: string | null },
  ) {
    const chargeId = newId();
    const sale: PaymentInput = {
      channel: input.channel,
      merchantId: input.merchantId,
      storeId: input.storeId,
      terminalId: input.terminalId,
      transactionAction: 'Sale',
      amount: (terms.downPaymentCents / 100).toFixed(2),
      allowPartialPayment: false,
      patient: input.patient,
      additionalInfo: input.additionalInfo,
      plan: {
        chargeId,
        planRef: planId,
        sequence: 0,
        installmentCount: terms.installmentCount,
        type: terms.type,
      },
    };
    let write: ReturnType<typeof transactionWrite> | undefined;
    const add = (w: ReturnType<typeof transactionWrite>) => (write = w);
    const status = terms.type === PlanType.Recurring ? 'NotPresentRecurring' : 'NotPresentInstallment';
    if (ref.cardRef) {
      const command = parseCardCommand({
        ...sale,
        transactionType: TenderType.CreditCard,
        card: { paymentMethodId: toWireId(ref.cardRef), cardPresentStatus: status },
      });
      await this.primary.card(ctx, command, { cards: this.vault, add });
    } else if (!bank && !ref.bankAccountRef) {
      // A card given with the request: charged as given, stored with the plan afterwards.
      const debit =
        text(input.transactionType) && resolveTender(input.transactionType) === TenderType.DebitCard;
      const command = parseCardCommand({
        ...sale,
        transactionType: debit ? TenderType.DebitCard : TenderType.CreditCard,
        card: { ...input.card, paymentMethodId: undefined, cardPresentStatus: status },
      });
      await this.primary.card(ctx, command, { cards: this.vault, add });
    } else {
      const account = bank ?? (await this.bankVault.reveal(ctx.merchant, ref.bankAccountRef as string));
      await this.primary.eCheck(
        ctx,
        parseECheckCommand({
          ...sale,
          transactionType: TenderType.ECheck,
          echeck: {
            routingNumber: account.routingNumber,
            accountNumber: account.accountNumber,
            accountType: account.accountType,
            accountHolderName: account.holderName ?? undefined,
            checkPresentStatus: 'NotPresent',
          },
        }),
        { add },
      );
    }
    if (!write) throw new Error('The down payment wrote nothing');
    return write as ReturnType<typeof transactionWrite>;
  }

  /** The vendor APIs' list: newest first, filtered by outlet, patient and status, keyset cursor. */
  async list(
    principal: PaymentPrincipal,
    q: PaymentPlanListInput,
  ): Promise<{ plans: PlanView[]; nextCursor: string | null }> {
    const limit = q.limit === undefined || q.limit === '' ? 50 : Number(q.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 200)
      throw DomainError.validation([{ field: 'limit', message: 'limit must be 1 to 200' }]);
    const cursor = q.cursor ? decodePlanCursor(q.cursor) : null;
    const access = await accessOfPrincipal(this.access, principal);
    const rows = await this.uow.read.forScope(access.scope).paymentPlans.listAfter(
      {
        merchantIds: q.merchantId ? [q.merchantId] : undefined,
        storeId: q.storeId || undefined,
        terminalId: q.terminalId || undefined,
        patientId: q.patientId || undefined,
        statuses: q.status ? q.status.split(',').map((s) => s.trim()) : undefined,
      },
      cursor,
      limit + 1,
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      plans: page.map(viewOfPlan),
      nextCursor: rows.length > limit && last ? encodePlanCursor(last.createdAt, last.id) : null,
    };
  }

  /** A plan with its schedule (past charges linked to their transactions, the dates to come). */
  async get(principal: PaymentPrincipal, wireId: unknown): Promise<PlanDetail> {
    return this.detail(await accessOfPrincipal(this.access, principal), wireId);
  }

  async detail(access: PlanAccess, wireId: unknown): Promise<PlanDetail> {
    const id = fromWireId(wireId, 'Payment plan');
    const repo = this.uow.read.forScope(access.scope).paymentPlans;
    const row = await repo.get(id);
    if (!row) throw DomainError.notFound('Payment plan');
    return detailOf(row, await repo.charges(id));
  }

  pause(principal: PaymentPrincipal, wireId: unknown) {
    return this.withPrincipal(principal, (a) => this.changeStatus(a, wireId, 'pause'));
  }

  resume(principal: PaymentPrincipal, wireId: unknown) {
    return this.withPrincipal(principal, (a) => this.changeStatus(a, wireId, 'resume'));
  }

  cancel(principal: PaymentPrincipal, wireId: unknown) {
    return this.withPrincipal(principal, (a) => this.changeStatus(a, wireId, 'cancel'));
  }

  update(principal: PaymentPrincipal, wireId: unknown, input: PaymentPlanUpdateInput) {
    return this.withPrincipal(principal, (a) => this.changeTerms(a, wireId, input, principal));
  }

  private async withPrincipal<T>(principal: PaymentPrincipal, fn: (a: PlanAccess) => Promise<T>) {
    return fn(await accessOfPrincipal(this.access, principal));
  }

  /** Pause, resume or cancel (payment-plans.md): one transaction with its event and audit entry. */
  async changeStatus(access: PlanAccess, wireId: unknown, verb: 'pause' | 'resume' | 'cancel') {
    const to = { pause: PlanStatus.Paused, resume: PlanStatus.Active, cancel: PlanStatus.Cancelled }[verb];
    const done = { pause: 'paused', resume: 'resumed', cancel: 'cancelled' }[verb];
    return this.change(access, wireId, async (plan, _r, clock) => {
      assertPlanMove(plan.status as PlanStatus, to, done);
      const before = progressOf(plan);
      const after =
        verb === 'pause'
          ? afterPause(before)
          : verb === 'cancel'
            ? afterCancel(before)
            : afterResume(shapeOf(plan), before, clock.today);
      return {
        patch: rowPatch(after),
        change: done[0].toUpperCase() + done.slice(1),
        audit: { status: after.status },
      };
    });
  }

  /** A change of amount, frequency, dates or payment method. */
  async changeTerms(
    access: PlanAccess,
    wireId: unknown,
    input: PaymentPlanUpdateInput,
    principal?: PaymentPrincipal,
  ) {
    return this.change(access, wireId, async (plan, r, clock, merchant) => {
      if (plan.status === PlanStatus.Cancelled || plan.status === PlanStatus.Completed)
        throw new DomainError(ErrorCode.ILLEGAL_STATE, `A ${plan.status} payment plan cannot be changed`);
      const shape = shapeOf(plan);
      let progress = progressOf(plan);
      const remaining =
        shape.totalCents === null ? undefined : Math.max(shape.totalCents - progress.amountPaidCents, 0);
      const u = parsePlanUpdate(
        input,
        {
          type: shape.type,
          frequency: shape.frequency,
          endDate: shape.endDate,
          nextPaymentDate: progress.scheduledDate ?? undefined,
          remainingCents: remaining,
          installmentsPaid: progress.installmentsPaid,
        },
        { today: clock.today, maxTransactionCents: Number(merchant.maxTransactionCents) },
      );
      const patch: Record<string, unknown> = {};
      const changes: Record<string, unknown> = {};
      if (u.installmentCents !== undefined) {
        patch.installmentCents = BigInt(u.installmentCents);
        changes.installmentAmount = (u.installmentCents / 100).toFixed(2);
        if (shape.type === PlanType.Installment && remaining !== undefined) {
          const count = reshapeInstallments({
            remainingCents: remaining,
            paidCount: progress.installmentsPaid,
            installmentCents: u.installmentCents,
          }).installmentCount;
          patch.installmentCount = count;
          changes.installmentCount = count;
        }
      }
      const rescheduled =
        u.frequency !== undefined || u.dayOfMonth !== undefined || u.nextPaymentDate !== undefined;
      if (u.frequency !== undefined) patch.frequency = changes.frequency = u.frequency;
      if (u.dayOfMonth !== undefined) patch.dayOfMonth = changes.dayOfMonth = u.dayOfMonth;
      if (u.endDate !== undefined) {
        patch.endDate = u.endDate ? new Date(`${u.endDate}T00:00:00Z`) : null;
        changes.endDate = u.endDate;
      }
      if (rescheduled) {
        // The schedule restarts from the next payment date (given, or the one already scheduled).
        const anchor = u.nextPaymentDate ?? progress.scheduledDate ?? clock.nextRun;
        patch.startDate = new Date(`${anchor}T00:00:00Z`);
        changes.nextPaymentDate = anchor;
        progress = {
          ...progress,
          scheduledDate: anchor,
          dueDate: anchor,
          nextChargeDate: progress.status === PlanStatus.Active ? anchor : progress.nextChargeDate,
        };
      }
      const method = text(input.paymentMethodId) || hasCard(input) || hasECheck(input);
      if (method) {
        if (!principal && !text(input.paymentMethodId))
          throw DomainError.validation([
            { field: 'paymentMethodID', message: 'paymentMethodID is required' },
          ]);
        const ctx = principal
          ? await resolveContext(this.access, principal, {
              merchantId: plan.merchant.merchantId,
              storeId: plan.outlet.storeId,
              terminalId: plan.outlet.terminalId,
            })
          : null;
        const instrument = await this.replacement(r, merchant, ctx, input);
        patch.cardRef = instrument.cardRef;
        patch.bankAccountRef = instrument.bankAccountRef;
        changes.paymentMethodId = toWireId((instrument.cardRef ?? instrument.bankAccountRef) as string);
        progress = afterMethodChange(progress, clock.nextRun);
        if (input.authorization) changes.authorization = input.authorization;
      }
      if (!Object.keys(changes).length)
        throw DomainError.validation([{ field: 'paymentPlanID', message: 'Nothing to update was given' }]);
      return {
        patch: { ...patch, ...rowPatch(progress) },
        change: method ? 'PaymentMethodChanged' : 'TermsChanged',
        audit: changes,
      };
    });
  }

  /** A new instrument for an existing plan (a stored one of the plan's merchant, a card, a bank account). */
  private async replacement(
    r: Repositories,
    merchant: { id: string; organizationId: string },
    ctx: PaymentContext | null,
    input: PaymentPlanUpdateInput,
  ): Promise<Instrument> {
    if (text(input.paymentMethodId)) {
      const id = fromWireId(input.paymentMethodId, 'Payment method');
      if (await r.atMerchant(merchant).paymentMethods.get(id)) return { cardRef: id, bankAccountRef: null };
      if (await r.atMerchant(merchant).paymentPlans.bankAccount(id))
        return { cardRef: null, bankAccountRef: id };
      throw DomainError.notFound('Payment method');
    }
    if (!ctx)
      throw DomainError.validation([{ field: 'paymentMethodID', message: 'paymentMethodID is required' }]);
    const found = await this.instrumentOf(ctx, { ...input, channel: input.channel } as PaymentPlanInput);
    if (found.storeBank)
      return { cardRef: null, bankAccountRef: await this.bankVault.store(r, merchant, found.storeBank) };
    if (found.storeCard)
      return { cardRef: await this.vault.store(r, merchant, found.storeCard), bankAccountRef: null };
    return found.ref;
  }

  /** Locks the plan, applies `fn`'s change, writes it with its event and audit entry. */
  private async change(
    access: PlanAccess,
    wireId: unknown,
    fn: (
      plan: PaymentPlanRow,
      r: Repositories,
      clock: { today: string; nextRun: string },
      merchant: { id: string; organizationId: string; maxTransactionCents: bigint },
    ) => Promise<{ patch: Record<string, unknown>; change: string; audit: Record<string, unknown> }>,
  ): Promise<PlanDetail> {
    const id = fromWireId(wireId, 'Payment plan');
    const found = await this.uow.read.forScope(access.scope).paymentPlans.get(id);
    if (!found) throw DomainError.notFound('Payment plan');
    if (!access.mayAct(found))
      throw DomainError.forbidden('You may read this payment plan but not change it');
    const merchant = await this.uow.read.merchants.getReadable(access.scope, found.merchant.merchantId);
    if (!merchant) throw DomainError.notFound('Payment plan');
    const clock = planClock(merchant);
    const row = await this.uow.run(async (r) => {
      const repo = r.atMerchant(merchant).paymentPlans;
      const plan = await repo.lock(id);
      if (!plan) throw DomainError.notFound('Payment plan');
      const { patch, change, audit } = await fn(plan, r, clock, merchant);
      const updated = await repo.update(id, patch as never);
      await repo.insertEvent(planEvent(EventType.PaymentPlanUpdated, viewOfPlan(updated), change));
      await r.audit.record(
        access.audit(updated.organizationId, `payment-plan.${change.toLowerCase()}`, id, audit),
      );
      return updated;
    });
    this.outbox?.wake();
    return detailOf(row, await this.uow.read.forScope(access.scope).paymentPlans.charges(id));
  }
}
