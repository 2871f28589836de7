import { Injectable } from '@nestjs/common';
import { type Actor, can, DomainError, Permission, scopeOf } from '@conduit/domain';
import { type ListQuery, type TransactionRow, UnitOfWork, type WebhookDeliveryRow } from '@conduit/db';
import { csvMoney, csvRow } from '@conduit/wire';
import { checkImageRecord } from '../check-images/check-images-review.service';
import { fromWireId, toWireId } from '../ids';
import { visibleTo } from '../transaction-view';
import { zonedDay } from './zoned-day';

/** The console's transaction record: flat, display-only (no card number exists to show). */
function record(actor: Actor, t: TransactionRow, workflowStatus: string | null = null) {
  const v = visibleTo(takesPaymentsFor(actor), t);
  return {
    id: v.transactionId,
    transactionId: v.transactionId,
    organizationId: t.organizationId,
    merchantId: v.merchantId,
    storeId: v.storeId,
    terminalId: v.terminalId,
    action: v.action,
    tender: v.tender,
    status: v.status,
    statusDescription: v.statusDescription,
    responseCode: v.responseCode,
    responseMessage: v.responseMessage,
    amount: v.amount,
    requestAmount: v.requestAmount,
    amountCents: v.amountCents,
    refundedAmount: v.refundedAmount,
    isPartiallyApproved: v.isPartiallyApproved,
    authorizationNumber: v.authorizationNumber,
    cardBrand: v.card?.brand ?? null,
    cardBin: v.card?.bin ?? null,
    cardLast4: v.card?.last4 ?? null,
    cardExpMonth: v.card?.expMonth ?? null,
    cardExpYear: v.card?.expYear ?? null,
    cardHolderName: v.card?.holderName ?? null,
    paymentCardType: v.card?.paymentCardType ?? null,
    entryMode: v.card?.entryMode ?? null,
    cardPresentStatus: t.cardPresentStatus,
    isEmvTransaction: v.card?.isEmv ?? null,
    isEmvVerifiedByPin: v.card?.pinVerified ?? null,
    emvApplicationLabel: v.card?.emv?.applicationLabel ?? null,
    emvApplicationId: v.card?.emv?.applicationId ?? null,
    emvTvr: v.card?.emv?.tvr ?? null,
    emvTsi: v.card?.emv?.tsi ?? null,
    emvCryptogramType: v.card?.emv?.cryptogramType ?? null,
    emvIssuerResponse: v.card?.emv?.issuerResponse ?? null,
    routingNumber: v.echeck?.routingNumber ?? null,
    accountLast4: v.echeck?.accountLast4 ?? null,
    accountType: v.echeck?.accountType ?? null,
    checkNumber: v.echeck?.checkNumber ?? null,
    patientId: v.patient.patientId,
    patientAccountNumber: v.patient.accountNumber,
    patientFirstName: v.patient.firstName,
    patientLastName: v.patient.lastName,
    patientBirthDate: v.patient.birthDate,
    ...Object.fromEntries(v.additionalInfo.map((a, i) => [`additionalInfo${i + 1}`, a || null])),
    primaryTransactionId: v.primaryTransactionId,
    paymentPlanId: v.plan?.paymentPlanId ?? null,
    installmentSequenceNumber: v.plan?.sequence ?? null,
    installmentCount: v.plan?.installmentCount ?? null,
    paymentMethodId: v.paymentMethodId,
    interface: v.channel,
    workflowStatus,
    createdAt: t.createdAt,
  };
}

const CSV_COLUMNS = [
  'createdAt',
  'transactionId',
  'merchantId',
  'storeId',
  'terminalId',
  'action',
  'tender',
  'status',
  'responseCode',
  'responseMessage',
  'amount',
  'requestAmount',
  'refundedAmount',
  'authorizationNumber',
  'cardBrand',
  'cardBin',
  'cardLast4',
  'routingNumber',
  'accountLast4',
  'patientId',
  'patientAccountNumber',
  'patientFirstName',
  'patientLastName',
  'primaryTransactionId',
  // A payment plan's charge: its plan, sequence (0 = down payment) and installment count.
  'paymentPlanId',
  'installmentSequenceNumber',
  'installmentCount',
] as const;

/** Money columns are written from the row's cents as plain decimals, never defused as text. */
const MONEY_COLUMNS: Partial<Record<(typeof CSV_COLUMNS)[number], (t: TransactionRow) => bigint>> = {
  amount: (t) => t.amountCents,
  requestAmount: (t) => t.requestCents,
  refundedAmount: (t) => t.refundedCents,
};

/** Rows per keyset page of the export: few round trips, and little held in memory at once. */
export const EXPORT_PAGE_SIZE = 1000;

function csvLine(actor: Actor, t: TransactionRow): string {
  const r = record(actor, t);
  return csvRow(
    CSV_COLUMNS.map((c) => {
      const cents = MONEY_COLUMNS[c];
      return cents ? csvMoney(cents(t)) : r[c];
    }),
  );
}

/** A webhook delivery as the transaction page lists it (docs/webhooks.md). */
function deliveryRecord(d: WebhookDeliveryRow) {
  return {
    id: d.id,
    webhookId: `msg_${d.id.replace(/-/g, '')}`,
    endpointId: d.endpointId,
    endpointUrl: d.endpoint.url,
    eventType: d.eventType,
    workflowStatus: d.workflowStatus,
    attemptCount: d.attemptsLog.length,
    postingMessage: d.postingMessage,
    lastHttpStatus: d.lastHttpStatus,
    completedAt: d.completedAt,
    createdAt: d.createdAt,
  };
}

/**
 * Who may use a stored card from the console: a practice user who takes payments, at the
 * practice's own merchants. Everyone else reads transactions without their `PaymentMethodID`.
 */
function takesPaymentsFor(actor: Actor) {
  return {
    mayTransact: (_merchantRef: string, organizationId: string) =>
      can(actor.role, Permission.PAYMENTS_TAKE) && organizationId === actor.organizationId,
  };
}

@Injectable()
export class TransactionsReviewService {
  constructor(private readonly uow: UnitOfWork) {}

  async list(actor: Actor, query: ListQuery) {
    const repos = this.uow.read.forScope(scopeOf(actor));
    const { rows, total } = await repos.transactions.list(query);
    const workflow = await this.workflow(
      actor,
      rows.map((r) => r.id),
    );
    return { rows: rows.map((r) => record(actor, r, workflow.get(r.id) ?? null)), total };
  }

  async get(actor: Actor, wireId: string) {
    const id = fromWireId(wireId, 'Transaction');
    const repos = this.uow.read.forScope(scopeOf(actor));
    const row = await repos.transactions.get(id);
    if (!row) throw DomainError.notFound('Transaction');
    // Nested data follows the role's own permissions: a partner developer reading a granted
    // merchant's transaction does not see the practice's webhook endpoints or posting messages.
    const seesWebhooks = can(actor.role, Permission.WEBHOOKS_READ);
    const [secondaries, deliveries, images] = await Promise.all([
      repos.transactions.secondariesOf(id),
      seesWebhooks ? repos.webhookDeliveries.forTransaction(id) : Promise.resolve([]),
      repos.checkImages.forTransaction(id),
    ]);
    const workflow = await this.workflow(actor, [id, ...secondaries.map((s) => s.id)]);
    return {
      ...record(actor, row, workflow.get(id) ?? null),
      secondaryTransactions: secondaries.map((s) => record(actor, s, workflow.get(s.id) ?? null)),
      deliveries: deliveries.map(deliveryRecord),
      checkImages: images.map((i) => checkImageRecord(toWireId(id), i)),
    };
  }

  /** Webhook workflow statuses, for roles that may see webhooks at all. */
  private workflow(actor: Actor, ids: string[]) {
    if (!can(actor.role, Permission.WEBHOOKS_READ)) return Promise.resolve(new Map<string, string>());
    return this.uow.read.forScope(scopeOf(actor)).webhookDeliveries.workflowOf(ids);
  }

  /**
   * Every transaction matching `filter`, as CSV lines (the header first), newest first, read in
   * keyset pages so no export is capped or held whole in memory. The first page is read before
   * this returns, so a bad filter is refused as an error rather than midway through a download.
   */
  async csv(actor: Actor, filter: Record<string, unknown>): Promise<AsyncIterable<string>> {
    const transactions = this.uow.read.forScope(scopeOf(actor)).transactions;
    const first = await transactions.listAfterRow(filter, null, EXPORT_PAGE_SIZE);
    return (async function* lines() {
      yield csvRow(CSV_COLUMNS);
      for (let page = first; ;) {
        for (const row of page) yield csvLine(actor, row);
        const last = page.at(-1);
        if (page.length < EXPORT_PAGE_SIZE || !last) return;
        page = await transactions.listAfterRow(filter, last.id, EXPORT_PAGE_SIZE);
      }
    })();
  }

  /**
   * Today's volume per hour and approval rate, grouped in the database, for the caller's day:
   * "today" and the hours are those of `timeZone` (the merchant's or the user's), UTC by default.
   */
  async summary(actor: Actor, timeZone = 'UTC') {
    const { date, from, to } = zonedDay(timeZone);
    const hours = await this.uow.read.forScope(scopeOf(actor)).transactions.hourly(from, to, timeZone);
    const volumeByHour = hours.map((h) => ({
      hour: h.hour,
      count: Number(h.count),
      approvedCount: Number(h.approved),
      amountCents: Number(h.cents ?? 0),
    }));
    const totals = volumeByHour.reduce(
      (t, h) => ({
        count: t.count + h.count,
        approvedCount: t.approvedCount + h.approvedCount,
        amountCents: t.amountCents + h.amountCents,
      }),
      { count: 0, approvedCount: 0, amountCents: 0 },
    );
    return {
      date,
      timeZone,
      volumeByHour,
      totals,
      approvalRate: totals.count ? totals.approvedCount / totals.count : 0,
    };
  }
}
