import { Injectable } from '@nestjs/common';
import { type Actor, DomainError, ErrorCode, PlanStatus } from '@conduit/domain';
import { UnitOfWork } from '@conduit/db';
import { CredentialAuthService } from '@conduit/tenancy';
import { fromWireId, toWireId } from '../ids';
import { accessOfActor } from '../plans/plan-access';
import { SsoService } from './sso.service';

/**
 * The console's "replace the card" of a payment plan: like "Take a payment" (decision 0011), a
 * practice administrator opens a single-use hosted page (`UpdatePaymentPlanSimpleSSO`) where the
 * patient's new card or bank account is keyed; the token records the user and the plan, and the
 * page is checked against that user again when it is submitted.
 */
@Injectable()
export class PlanCardReplacementService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly sso: SsoService,
    private readonly access: CredentialAuthService,
  ) {}

  async openCardReplacement(
    actor: Actor,
    planWireId: unknown,
  ): Promise<{ pageUrl: string; token: string; expiresAt: Date }> {
    const access = accessOfActor(actor, 'manage');
    const id = fromWireId(planWireId, 'Payment plan');
    const plan = await this.uow.read.forScope(access.scope).paymentPlans.get(id);
    if (!plan) throw DomainError.notFound('Payment plan');
    if (!access.mayAct(plan)) throw DomainError.forbidden('You may read this payment plan but not change it');
    if (plan.status === PlanStatus.Cancelled || plan.status === PlanStatus.Completed)
      throw new DomainError(ErrorCode.ILLEGAL_STATE, `A ${plan.status} payment plan cannot be changed`);
    const principal = await this.access.staffPrincipal(actor.userId, actor.organizationId, actor.ip);
    const created = await this.sso.create(
      principal,
      {
        merchantId: plan.merchant.merchantId,
        storeId: plan.outlet.storeId,
        terminalId: plan.outlet.terminalId,
        patientId: plan.patientId,
        patientFirstName: plan.patientFirstName,
        patientLastName: plan.patientLastName,
      },
      'CONSOLE',
      { paymentPlanId: toWireId(plan.id) },
    );
    return { pageUrl: created.pageUrl, token: created.token, expiresAt: created.expiresAt };
  }
}
