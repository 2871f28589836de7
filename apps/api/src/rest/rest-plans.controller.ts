import { Controller, Get, HttpCode, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiOperation, ApiParam, ApiQuery } from '@nestjs/swagger';
import { ApiKeyAuth } from '@conduit/auth';
import type { CredentialPrincipal } from '@conduit/domain';
import { IdempotencyService, PaymentPlansService, PaymentsService } from '@conduit/payments';
import { header, requireContentType, sendIdempotent } from '../payments-http/idempotent-send';
import { CredentialRateLimitGuard } from '../payments-http/rate-limit.guard';
import { JsonAnswer, PlanOperation, RestErrors, RestSecurity } from './openapi/decorators';
import { restCommand } from './rest-input';
import { restResult } from './rest-output';
import { restPlanInput, restPlanUpdateInput } from './rest-plan-input';
import { restPlan, restPlanCreated, restPlanDetail } from './rest-plan-output';

const JSON_TYPE = 'application/json; charset=utf-8';
type AuthedRequest = FastifyRequest & { user: { principal: CredentialPrincipal } };
const principalOf = (req: FastifyRequest) => (req as AuthedRequest).user.principal;
const PlanId = () =>
  ApiParam({
    name: 'id',
    description: 'The PaymentPlanID',
    schema: { type: 'string', example: '5F1C0B7E2D9A4C36B8E1A0F4D3C2B1A0' },
  });

/** Payment plans over REST (payment-plans.md "Interfaces"): SaveOnFile, installments, recurring. */
@ApiKeyAuth()
@UseGuards(CredentialRateLimitGuard)
@Controller('rest/payment')
export class RestPlansController {
  constructor(
    private readonly plans: PaymentPlansService,
    private readonly payments: PaymentsService,
    private readonly idempotency: IdempotencyService,
  ) {}

  /** Every POST: JSON (when a body is sent) and the Idempotency-Key's stored answer on a repeat. */
  private async send(req: FastifyRequest, reply: FastifyReply, run: () => Promise<unknown>) {
    if (req.body !== undefined && req.body !== null) requireContentType(req, 'application/json');
    await sendIdempotent(
      this.idempotency,
      req,
      reply,
      principalOf(req).organizationId,
      header(req, 'idempotency-key'),
      async () => ({ status: 200, contentType: JSON_TYPE, body: JSON.stringify(await run()) }),
    );
  }

  @PlanOperation({
    operationId: 'createPaymentPlan',
    summary: 'Save a card on file, or create an installment or recurring payment plan',
    description:
      'PaymentPlanType SaveOnFile stores the card after a $0 verification and answers its transaction (status O, with PaymentMethodID). Installment and Recurring schedule charges and answer the plan; a declined down payment answers 200 with its ResponseCode and Transactions, and no plan.',
    body: {
      oneOf: [
        { $ref: '#/components/schemas/PaymentPlanRequest' },
        { $ref: '#/components/schemas/SaveOnFileRequest' },
      ],
    },
    answer: {
      anyOf: [
        { $ref: '#/components/schemas/PaymentPlanCreated' },
        { $ref: '#/components/schemas/PaymentResponse' },
      ],
    },
    answerDescription: 'The plan (or the declined down payment), or the SaveOnFile transaction',
  })
  @Post('paymentplan')
  @HttpCode(200)
  create(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    requireContentType(req, 'application/json');
    const body = (req.body ?? {}) as Record<string, unknown>;
    const type = Object.entries(body).find(([k]) => k.toLowerCase() === 'paymentplantype')?.[1];
    const principal = principalOf(req);
    if (String(type ?? '').toLowerCase() === 'saveonfile')
      return this.send(req, reply, async () =>
        restResult(await this.payments.execute(principal, restCommand(req.body, 'SaveOnFile'))),
      );
    return this.send(req, reply, async () =>
      restPlanCreated(await this.plans.create(principal, restPlanInput(req.body))),
    );
  }

  @RestSecurity()
  @ApiOperation({
    operationId: 'getPaymentPlan',
    summary: 'One payment plan with its schedule: past charges and the dates to come',
  })
  @PlanId()
  @JsonAnswer('PaymentPlanDetailOutput', 'The plan and its schedule')
  @RestErrors()
  @Get('paymentplan/:id')
  async get(@Req() req: FastifyRequest, @Param('id') id: string) {
    return restPlanDetail(await this.plans.get(principalOf(req), id));
  }

  @RestSecurity()
  @ApiOperation({
    operationId: 'listPaymentPlans',
    summary: 'Payment plans, newest first, with cursor pagination',
  })
  @ApiQuery({ name: 'MerchantID', required: false })
  @ApiQuery({ name: 'StoreID', required: false })
  @ApiQuery({ name: 'TerminalID', required: false })
  @ApiQuery({ name: 'PatientID', required: false })
  @ApiQuery({
    name: 'Status',
    required: false,
    description: 'One or several of Active, Paused, PastDue, Completed, Cancelled, comma-separated',
    schema: { type: 'string', example: 'Active,PastDue' },
  })
  @ApiQuery({ name: 'Limit', required: false, example: 50, description: '1–200' })
  @ApiQuery({ name: 'Cursor', required: false, description: 'NextCursor of the previous page' })
  @JsonAnswer('PaymentPlanPage', 'One page of plans')
  @RestErrors()
  @Get('paymentplans')
  async list(@Req() req: FastifyRequest, @Query() raw: Record<string, string>) {
    const q = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k.toLowerCase(), v]));
    const page = await this.plans.list(principalOf(req), {
      merchantId: q.merchantid,
      storeId: q.storeid,
      terminalId: q.terminalid,
      patientId: q.patientid,
      status: q.status,
      limit: q.limit,
      cursor: q.cursor,
    });
    return { PaymentPlans: page.plans.map(restPlan), NextCursor: page.nextCursor };
  }

  @PlanOperation({
    operationId: 'updatePaymentPlan',
    summary: 'Change a plan: installment amount, frequency, day of month, dates or payment method',
    description:
      'Absent fields stay as they are. An installment plan re-derives its count from the new amount.',
    body: 'PaymentPlanUpdateRequest',
    answer: 'PaymentPlanDetailOutput',
    answerDescription: 'The changed plan and its schedule',
  })
  @PlanId()
  @Post('paymentplan/:id/update')
  @HttpCode(200)
  update(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @Param('id') id: string) {
    return this.send(req, reply, async () =>
      restPlanDetail(await this.plans.update(principalOf(req), id, restPlanUpdateInput(req.body))),
    );
  }

  @PlanOperation({
    operationId: 'pausePaymentPlan',
    summary: 'Pause a plan: its dates are skipped until resumed',
    answer: 'PaymentPlanDetailOutput',
    answerDescription: 'The plan and its schedule',
  })
  @PlanId()
  @Post('paymentplan/:id/pause')
  @HttpCode(200)
  pause(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @Param('id') id: string) {
    return this.send(req, reply, async () => restPlanDetail(await this.plans.pause(principalOf(req), id)));
  }

  @PlanOperation({
    operationId: 'resumePaymentPlan',
    summary: 'Resume a paused plan from the next date after today',
    answer: 'PaymentPlanDetailOutput',
    answerDescription: 'The plan and its schedule',
  })
  @PlanId()
  @Post('paymentplan/:id/resume')
  @HttpCode(200)
  resume(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @Param('id') id: string) {
    return this.send(req, reply, async () => restPlanDetail(await this.plans.resume(principalOf(req), id)));
  }

  @PlanOperation({
    operationId: 'cancelPaymentPlan',
    summary: 'Cancel a plan (final)',
    answer: 'PaymentPlanDetailOutput',
    answerDescription: 'The plan and its schedule',
  })
  @PlanId()
  @Post('paymentplan/:id/cancel')
  @HttpCode(200)
  cancel(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @Param('id') id: string) {
    return this.send(req, reply, async () => restPlanDetail(await this.plans.cancel(principalOf(req), id)));
  }
}
