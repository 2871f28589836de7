import { Injectable } from '@nestjs/common';
import { type Actor, DomainError } from '@conduit/domain';
import { type ListQuery, type PlanFilter, str, strList, UnitOfWork } from '@conduit/db';
import {
  accessOfActor,
  fromWireId,
  PaymentPlansService,
  PlanChargesService,
  type PlanDetail,
  type PlanView,
  toWireId,
  PlanCardReplacementService,
  type TransactionView,
  viewOfPlan,
} from '@conduit/payments';
import { csvRow, type CsvValue } from '@conduit/wire';

/** Plans are react-admin records addressed by their PaymentPlanID. */
export type PlanRecord = PlanView & { id: string };
export type PlanDetailRecord = PlanRecord & {
  schedule: PlanDetail['schedule'];
  history: Array<{
    id: string;
    createdAt: Date;
    action: string;
    actorType: string;
    actorLabel: string | null;
    changes: unknown;
  }>;
};

const EXPORT_PAGE = 500;
/** The newest audit entries a plan's detail shows (a plan sees a few per month at most). */
const HISTORY_SHOWN = 200;

export const PLAN_CSV_COLUMNS = [
  'PaymentPlanID',
  'PaymentPlanType',
  'Status',
  'MerchantID',
  'MerchantName',
  'StoreID',
  'TerminalID',
  'PaymentMethodID',
  'PaymentMethod',
  'PatientID',
  'PatientFirstName',
  'PatientLastName',
  'TotalAmount',
  'DownPaymentAmount',
  'InstallmentAmount',
  'InstallmentCount',
  'Frequency',
  'StartDate',
  'DayOfMonth',
  'EndDate',
  'NextPaymentDate',
  'InstallmentsPaid',
  'AmountPaid',
  'RemainingBalance',
  'FailedAttempts',
  'CreatedAt',
  'UpdatedAt',
] as const;

const record = (view: PlanView): PlanRecord => ({ id: view.paymentPlanId, ...view });
/** Money the view already formatted: written as a number, never defused as text. */
const money = (amount: string | null) => (amount === null ? null : { raw: amount });
/** Brand and last four digits (or the account's), never a number a card could be charged with. */
const methodLabel = (m: PlanView['paymentMethod']) =>
  m.kind === 'Card' ? `${m.brand} ****${m.last4}` : `${m.accountType} eCheck ****${m.accountLast4}`;

/** The list's react-admin filter as the repository's plan filter (the CSV export's too). */
export function planFilterOf(f: Record<string, unknown>): PlanFilter {
  return {
    merchantIds: strList(f.merchantId),
    statuses: strList(f.status),
    type: str(f.type),
    patientId: str(f.patientId),
    q: str(f.q),
    nextFrom: str(f.nextPaymentDate_gte),
    nextTo: str(f.nextPaymentDate_lte),
  };
}

/**
 * The console's `payment-plans` resource (admin-api.md, payment-plans.md "Admin API"): everyone
 * with `payment-plans:read` lists, reads and exports; practice admins pause, resume, cancel and
 * charge their own organization's plans; sandbox merchants' plans can be walked with run-next.
 */
@Injectable()
export class PaymentPlansAdminService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly plans: PaymentPlansService,
    private readonly charges: PlanChargesService,
    private readonly replacement: PlanCardReplacementService,
  ) {}

  async list(actor: Actor, query: ListQuery): Promise<{ rows: PlanRecord[]; total: number }> {
    const access = accessOfActor(actor, 'read');
    const { rows, total } = await this.uow.read.forScope(access.scope).paymentPlans.list(query);
    return { rows: rows.map((r) => record(viewOfPlan(r))), total };
  }

  async get(actor: Actor, wireId: string): Promise<PlanDetailRecord> {
    const access = accessOfActor(actor, 'read');
    const detail = await this.plans.detail(access, wireId);
    return this.withHistory(actor, detail);
  }

  /** Pause, resume or cancel: the core checks the move and writes its event and audit entry. */
  async changeStatus(actor: Actor, wireId: string, verb: 'pause' | 'resume' | 'cancel') {
    const detail = await this.plans.changeStatus(accessOfActor(actor, 'manage'), wireId, verb);
    return this.withHistory(actor, detail);
  }

  /** "Charge now": the next amount owed, today, through the payments core. */
  chargeNow(actor: Actor, wireId: string) {
    return this.charge(actor, wireId, 'CHARGE_NOW');
  }

  /**
   * Sandbox only (payment-plans.md "Sandbox"): the next scheduled charge now, exactly as the
   * scheduler would run it on its date. "Sandbox merchant" is settle-now's rule: the merchant
   * settles through the SANDBOX processor.
   */
  runNext(actor: Actor, wireId: string) {
    return this.charge(actor, wireId, 'SCHEDULED', true);
  }

  async replaceCard(actor: Actor, wireId: string) {
    const access = accessOfActor(actor, 'manage');
    await this.actable(access, wireId);
    return this.replacement.openCardReplacement(actor, toWireId(fromWireId(wireId, 'Payment plan')));
  }

  /** Every matching plan, newest first, read in keyset pages as the response is written. */
  async *csv(actor: Actor, filter: Record<string, unknown>): AsyncIterable<string> {
    const access = accessOfActor(actor, 'read');
    const repo = this.uow.read.forScope(access.scope).paymentPlans;
    const f = planFilterOf(filter);
    yield csvRow([...PLAN_CSV_COLUMNS]);
    let cursor: { createdAt: Date; id: string } | null = null;
    for (;;) {
      const page = await repo.listAfter(f, cursor, EXPORT_PAGE);
      let chunk = '';
      for (const row of page) chunk += csvRow(csvCells(viewOfPlan(row)));
      if (chunk) yield chunk;
      if (page.length < EXPORT_PAGE) return;
      const last = page[page.length - 1];
      cursor = { createdAt: last.createdAt, id: last.id };
    }
  }

  /** Validates the filter before the CSV's first byte, so a bad filter is a 400, not a cut stream. */
  async checkFilter(actor: Actor, filter: Record<string, unknown>) {
    const access = accessOfActor(actor, 'read');
    await this.uow.read.forScope(access.scope).paymentPlans.listAfter(planFilterOf(filter), null, 1);
  }

  private async charge(
    actor: Actor,
    wireId: string,
    kind: 'CHARGE_NOW' | 'SCHEDULED',
    sandboxOnly = false,
  ): Promise<PlanDetailRecord & { transaction: TransactionView }> {
    const access = accessOfActor(actor, 'manage');
    const plan = await this.actable(access, wireId);
    if (sandboxOnly) {
      const merchant = await this.uow.read.merchants.getReadable(access.scope, plan.merchant.merchantId);
      if (!merchant) throw DomainError.notFound('Payment plan');
      if (merchant.processor !== 'SANDBOX')
        throw DomainError.forbidden(
          `Merchant ${merchant.merchantId} charges through ${merchant.processor}; only sandbox merchants' plans can be run on demand`,
        );
    }
    const merchant = await this.uow.read.planSchedule.merchant(plan.merchantRef);
    if (!merchant) throw DomainError.notFound('Payment plan');
    const transaction = await this.charges.chargeOne(merchant, plan.id, kind);
    const detail = await this.plans.detail(access, wireId);
    return { ...(await this.withHistory(actor, detail)), transaction };
  }

  /** The plan if the actor may read it (else 404) and act on it (else 403). */
  private async actable(access: ReturnType<typeof accessOfActor>, wireId: string) {
    const plan = await this.uow.read
      .forScope(access.scope)
      .paymentPlans.get(fromWireId(wireId, 'Payment plan'));
    if (!plan) throw DomainError.notFound('Payment plan');
    if (!access.mayAct(plan)) throw DomainError.forbidden('You may read this payment plan but not change it');
    return plan;
  }

  private async withHistory(actor: Actor, detail: PlanDetail): Promise<PlanDetailRecord> {
    const access = accessOfActor(actor, 'read');
    const planId = fromWireId(detail.plan.paymentPlanId, 'Payment plan');
    const { rows } = await this.uow.read.audit.list(access.scope, {
      start: 0,
      end: HISTORY_SHOWN - 1,
      sort: { field: 'createdAt', order: 'ASC' },
      filter: { resource: 'payment-plan', resourceId: planId },
    });
    return {
      ...record(detail.plan),
      schedule: detail.schedule,
      history: rows.map((a) => ({
        id: a.id,
        createdAt: a.createdAt,
        action: a.action,
        actorType: a.actorType,
        actorLabel: a.actorLabel,
        changes: a.changes,
      })),
    };
  }
}

function csvCells(p: PlanView): CsvValue[] {
  return [
    p.paymentPlanId,
    p.type,
    p.status,
    p.merchantId,
    p.merchantName,
    p.storeId,
    p.terminalId,
    p.paymentMethodId,
    methodLabel(p.paymentMethod),
    p.patient.patientId,
    p.patient.firstName,
    p.patient.lastName,
    money(p.totalAmount),
    money(p.downPaymentAmount),
    money(p.installmentAmount),
    p.installmentCount,
    p.frequency,
    p.startDate,
    p.dayOfMonth,
    p.endDate,
    p.nextPaymentDate,
    p.installmentsPaid,
    money(p.amountPaid),
    money(p.remainingBalance),
    p.failedAttempts,
    p.createdAt,
    p.updatedAt,
  ];
}
