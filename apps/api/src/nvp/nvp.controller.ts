import { Controller, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccountAuth } from '@conduit/auth';
import { type CredentialPrincipal, DomainError, type FieldError } from '@conduit/domain';
import {
  IdempotencyService,
  PaymentPlansService,
  parsePaymentCommand,
  PaymentsService,
  SsoService,
  withRefusals,
  toWireId,
} from '@conduit/payments';
import { encodeNvp } from '@conduit/wire';
import { CredentialRateLimitGuard } from '../payments-http/rate-limit.guard';
import { header, requireContentType, sendIdempotent } from '../payments-http/idempotent-send';
import { type NvpRequest, readNvp, unknownFieldErrors } from './nvp-fields';
import { nvpInput } from './nvp-input';
import { nvpResponse } from './nvp-output';
import { planActionOf, runPlanAction } from './nvp-plan-input';
import { nvpPlanResponse } from './nvp-plan-output';

export const NVP_CONTENT_TYPE = 'application/x-www-form-urlencoded; charset=utf-8';

/** `POST /payment/NVP.aspx` (and `/nvp`, any case): every payment action over name-value pairs. */
@AccountAuth()
@UseGuards(CredentialRateLimitGuard)
@Controller('payment')
export class NvpController {
  constructor(
    private readonly payments: PaymentsService,
    private readonly idempotency: IdempotencyService,
    private readonly sso: SsoService,
    private readonly plans: PaymentPlansService,
  ) {}

  @Post('NVP.aspx')
  @HttpCode(200)
  async handle(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    requireContentType(req, 'application/x-www-form-urlencoded');
    const principal = (req as FastifyRequest & { user: { principal: CredentialPrincipal } }).user.principal;
    const request = readNvp(req.body);
    const { fields } = request;
    if ((fields.transactionaction ?? '').toLowerCase() === 'getssotokenstatus') {
      const refused = await this.refusals(principal, request);
      if (refused.length) throw DomainError.validation(refused);
      const { status, row } = await this.sso.status(principal, fields.singlesignontoken);
      return reply
        .status(200)
        .header('content-type', NVP_CONTENT_TYPE)
        .send(
          encodeNvp([
            ['responseCode', '000'],
            ['responseMessage', 'Success'],
            ['tokenStatus', status],
            ['transactionID', row.transactionId ? toWireId(row.transactionId) : null],
          ]),
        );
    }
    const key = header(req, 'idempotency-key') ?? fields.idempotencykey;
    const planAction = planActionOf(fields.transactionaction);
    await sendIdempotent(this.idempotency, req, reply, principal.organizationId, key, async () => {
      // Every refusal at once: misspelled fields and conflicting aliases with the field rules.
      const refused = await this.refusals(principal, request);
      if (planAction) {
        if (refused.length) throw DomainError.validation(refused);
        const answer = await runPlanAction(this.plans, principal, planAction, fields, 'NVP');
        return { status: 200, contentType: NVP_CONTENT_TYPE, body: nvpPlanResponse(answer) };
      }
      const command = withRefusals(refused, () => parsePaymentCommand(nvpInput(fields)));
      const result = await this.payments.execute(principal, command);
      return { status: 200, contentType: NVP_CONTENT_TYPE, body: nvpResponse(result) };
    });
  }

  /** Conflicting spellings, and unknown fields unless the outlet's merchant opted out of that. */
  private async refusals(principal: CredentialPrincipal, request: NvpRequest): Promise<FieldError[]> {
    const { fields, unknown, conflicts } = request;
    const refused = [...conflicts];
    const outlet = { merchantId: fields.merchantid, storeId: fields.storeid, terminalId: fields.terminalid };
    if (unknown.length && !(await this.payments.ignoresUnknownNvpFields(principal, outlet)))
      refused.push(...unknownFieldErrors(unknown));
    return refused;
  }
}
