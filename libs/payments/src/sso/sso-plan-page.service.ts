import { Injectable } from '@nestjs/common';
import {
  DomainError,
  ErrorCode,
  type FieldError,
  organizationScope,
  type PaymentPrincipal,
} from '@conduit/domain';
import { type SsoTokenRow, UnitOfWork } from '@conduit/db';
import { CredentialAuthService } from '@conduit/tenancy';
import { fromWireId } from '../ids';
import { PaymentPlansService } from '../plans/payment-plans.service';
import { detailOf, type PlanDetail } from '../plans/plan-view';
import type { TransactionView } from '../transaction-view';
import {
  type PageForm,
  type PageOutcome,
  pageChecks,
  parsePageForm,
  SsoPageService,
} from './sso-page.service';
import {
  planAuthorizationText,
  proposedSchedule,
  type ProposedSchedule,
  replacementAuthorizationText,
} from './sso-plan-terms';
import { planTermsOf, SsoService, statusOf } from './sso.service';

/** What a payment plan page shows or did. */
export type PlanPageOutcome =
  | Exclude<PageOutcome, { kind: 'invalid' } | { kind: 'done' }>
  | {
      kind: 'planForm';
      token: SsoTokenRow;
      errors: FieldError[];
      schedule: ProposedSchedule;
      authorization: string;
    }
  | { kind: 'methodForm'; token: SsoTokenRow; errors: FieldError[]; plan: PlanDetail; authorization: string }
  | { kind: 'planDone'; token: SsoTokenRow; plan: PlanDetail; transaction: TransactionView | null }
  /** The down payment was declined: no plan, the link is used. */
  | { kind: 'planDeclined'; token: SsoTokenRow; transaction: TransactionView }
  | { kind: 'methodDone'; token: SsoTokenRow; plan: PlanDetail };

/** Refusals of the link's creator, shown to the payer as a page, not an API error. */
const REFUSALS = new Set<string>([ErrorCode.FORBIDDEN, ErrorCode.NOT_FOUND, ErrorCode.IP_NOT_ALLOWED]);

const isPlanToken = (t: SsoTokenRow) => t.action === 'PaymentPlan' || t.action === 'UpdatePlanMethod';

/**
 * The payment plan pages: `NewPaymentPlanSimpleSSO` (the patient agrees to a proposed plan and
 * gives the card or bank account it charges) and `UpdatePaymentPlanSimpleSSO` (a new payment
 * method for an existing plan, opened from the console). Same token rules as the payment page:
 * checked before the token is claimed; a claim is released when nothing was processed.
 */
@Injectable()
export class SsoPlanPageService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly sso: SsoService,
    private readonly access: CredentialAuthService,
    private readonly pages: SsoPageService,
    private readonly plans: PaymentPlansService,
  ) {}

  /** Any token's page; tokens of the payment page are handed to it. */
  async view(rawToken: unknown): Promise<PageOutcome | PlanPageOutcome> {
    const outcome = await this.pages.view(rawToken);
    if (outcome.kind !== 'invalid' || !isPlanToken(outcome.token)) return outcome;
    return this.form(outcome.token, []);
  }

  async submit(rawToken: unknown, body: unknown): Promise<PageOutcome | PlanPageOutcome> {
    const token = await this.sso.forPage(rawToken);
    if (!token || !isPlanToken(token)) return this.pages.submit(rawToken, body);
    const status = statusOf(token);
    if (status === 'EXPIRED') return { kind: 'expired', token };
    if (status === 'COMPLETE' || token.claimedAt) return { kind: 'used', token };
    const parsed = parsePageForm(body);
    const form = parsed.form;
    const problems = parsed.errors.length ? parsed.errors : pageChecks(token, form);
    if (!parsed.errors.length && form.authorize !== 'yes')
      problems.push({ field: 'authorize', message: 'Tick the box to authorize these payments' });
    if (problems.length) return this.form(token, problems);
    const shown = await this.form(token, []);
    if (shown.kind !== 'planForm' && shown.kind !== 'methodForm') return shown;
    if (!(await this.uow.read.ssoTokens.claim(token.id))) {
      const again = (await this.sso.forPage(rawToken)) as SsoTokenRow;
      return statusOf(again) === 'EXPIRED'
        ? { kind: 'expired', token: again }
        : { kind: 'used', token: again };
    }
    try {
      const principal = token.createdByUserId
        ? await this.access.staffPrincipal(token.createdByUserId, token.organizationId, token.creatorIp)
        : await this.access.principalFor(token.credentialIdentifier, token.creatorIp);
      return shown.kind === 'planForm'
        ? await this.create(principal, token, form, shown.authorization)
        : await this.replace(principal, token, form, shown);
    } catch (err) {
      await this.uow.read.ssoTokens.release(token.id);
      if (err instanceof DomainError && err.code === ErrorCode.VALIDATION_FAILED)
        return this.form(token, err.details.fieldErrors ?? [{ field: 'form', message: err.message }]);
      if (err instanceof DomainError && err.code === ErrorCode.ILLEGAL_STATE)
        return this.form(token, [{ field: 'form', message: err.message }]);
      if (err instanceof DomainError && REFUSALS.has(err.code)) return { kind: 'refused', token };
      throw err;
    }
  }

  /** The form of a plan token, with the schedule or plan it shows and the text to agree to. */
  private async form(token: SsoTokenRow, errors: FieldError[]): Promise<PlanPageOutcome> {
    const terms = planTermsOf(token);
    if (terms?.kind === 'create') {
      const schedule = proposedSchedule(terms.terms);
      return {
        kind: 'planForm',
        token,
        errors,
        schedule,
        authorization: planAuthorizationText(token.merchant.name, schedule),
      };
    }
    if (terms?.kind === 'replace') {
      const repo = this.uow.read.forScope(organizationScope(token.organizationId)).paymentPlans;
      const id = fromWireId(terms.paymentPlanId, 'Payment plan');
      const row = await repo.get(id);
      if (!row) return { kind: 'refused', token };
      return {
        kind: 'methodForm',
        token,
        errors,
        plan: detailOf(row, await repo.charges(id)),
        authorization: replacementAuthorizationText(token.merchant.name, terms.paymentPlanId),
      };
    }
    return { kind: 'refused', token };
  }

  /**
   * Any transaction made (the down payment) uses the link up, as on
   * the payment page: a decline ends on its page and the practice sends a new link.
   */
  private async create(
    principal: PaymentPrincipal,
    token: SsoTokenRow,
    form: PageForm,
    authorization: string,
  ): Promise<PlanPageOutcome> {
    const terms = planTermsOf(token);
    if (terms?.kind !== 'create') throw new Error('Not a payment plan token');
    const result = await this.plans.create(principal, {
      channel: 'PAGE',
      merchantId: token.merchant.merchantId,
      storeId: token.storeId,
      terminalId: token.terminalId,
      ...terms.fields,
      ...methodOf(token, form),
      patient: {
        patientId: token.patientId,
        firstName: token.patientFirstName,
        lastName: token.patientLastName,
      },
      additionalInfo: token.additionalInfo,
      authorization,
    });
    this.sso.forget(token.organizationId, token.tokenHash);
    const last = result.declined ?? result.transactions.at(-1) ?? null;
    const txId = last ? fromWireId(last.transactionId, 'Transaction') : null;
    if (result.declined || !result.detail) {
      const done = await this.uow.read.ssoTokens.complete(token.id, txId);
      return { kind: 'planDeclined', token: done, transaction: result.declined as TransactionView };
    }
    const planId = result.detail.plan.paymentPlanId;
    const done = await this.uow.read.ssoTokens.complete(token.id, txId, {
      ...terms,
      paymentPlanId: planId,
    } as never);
    return { kind: 'planDone', token: done, plan: result.detail, transaction: last };
  }

  private async replace(
    principal: PaymentPrincipal,
    token: SsoTokenRow,
    form: PageForm,
    shown: { plan: PlanDetail; authorization: string },
  ): Promise<PlanPageOutcome> {
    const plan = await this.plans.update(principal, shown.plan.plan.paymentPlanId, {
      channel: 'PAGE',
      ...methodOf(token, form),
      authorization: shown.authorization,
    });
    this.sso.forget(token.organizationId, token.tokenHash);
    const done = await this.uow.read.ssoTokens.complete(token.id, null);
    return { kind: 'methodDone', token: done, plan };
  }
}

/** The card or bank account typed on the page, as the plan core takes it. */
function methodOf(t: SsoTokenRow, f: PageForm) {
  const echeck = f.tender === 'ECheck' && !t.preventCheck;
  if (!echeck && t.preventCard)
    throw DomainError.validation([{ field: 'tender', message: 'Choose a bank account' }]);
  if (echeck)
    return {
      transactionType: 'eCheck',
      echeck: {
        routingNumber: f.routingNumber,
        accountNumber: f.accountNumber,
        accountType: f.accountType,
        accountHolderName: f.accountHolderName,
      },
    };
  return {
    transactionType: 'CreditCard',
    card: {
      cardNumber: f.cardNumber?.replace(/[\s-]/g, ''),
      cardExpiration: f.cardExpiration,
      cardVerificationNumber: f.cardVerificationNumber,
      cardHolderName: f.cardHolderName,
      cardPresentStatus: t.createdByUserId ? 'NotPresentPhone' : 'NotPresentInternet',
    },
  };
}
