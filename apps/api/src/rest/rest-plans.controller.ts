import { Controller, Get, HttpCode, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApiKeyAuth } from '@conduit/auth';
import type { CredentialPrincipal } from '@conduit/domain';
import { IdempotencyService, PaymentPlansService, PaymentsService } from '@conduit/payments';
import { header, requireContentType, sendIdempotent } from '../payments-http/idempotent-send';
import { CredentialRateLimitGuard } from '../payments-http/rate-limit.guard';
import { PlanOperation, RestErrors } from './openapi/decorators';
import {
  PaymentPlanCreated,
  PaymentPlanDetailOutput,
  PaymentPlanPage,
  PaymentPlanRequest,
  PaymentPlanUpdateRequest,
} from './openapi/plan-schemas';
import { restCommand } from './rest-input';
import { restResult } from './rest-output';
import { restPlanInput, restPlanUpdateInput } from './rest-plan-input';
import { restPlan, restPlanCreated, restPlanDetail } from './rest-plan-output';

const JSON_TYPE = 'application/json; charset=utf-8';
type AuthedRequest = FastifyRequest & { user: { principal: CredentialPrincipal } };
const principalOf = (req: FastifyRequest) => (req as AuthedRequest).user.principal;
const EXAMPLE_ID = '5F1C0B7E2D9A4C36B8E1A0F4D3C2B1A0';

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

  @PlanOperation(
    'Create a payment plan: SaveOnFile stores a card ($0 verification); Installment and Recurring schedule charges',
    PaymentPlanRequest,
    PaymentPlanCreated,
    'A declined down payment answers 200 with its ResponseCode and Transactions, and no PaymentPlanID.',
  )
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

  @ApiTags('payment plans')
  @ApiSecurity('Api-Key')
  @ApiSecurity('Api-Secret')
  @ApiOperation({ summary: 'One payment plan with its schedule: past charges and the dates to come' })
  @ApiParam({ name: 'id', example: EXAMPLE_ID })
  @ApiOkResponse({ type: PaymentPlanDetailOutput })
  @RestErrors()
  @Get('paymentplan/:id')
  async get(@Req() req: FastifyRequest, @Param('id') id: string) {
    return restPlanDetail(await this.plans.get(principalOf(req), id));
  }

  @ApiTags('payment plans')
  @ApiSecurity('Api-Key')
  @ApiSecurity('Api-Secret')
  @ApiOperation({ summary: 'Payment plans, newest first, with cursor pagination' })
  @ApiQuery({ name: 'MerchantID', required: false })
  @ApiQuery({ name: 'StoreID', required: false })
  @ApiQuery({ name: 'TerminalID', required: false })
  @ApiQuery({ name: 'PatientID', required: false })
  @ApiQuery({
    name: 'Status',
    required: false,
    description: 'One or several, comma-separated',
    enum: ['Active', 'Paused', 'PastDue', 'Completed', 'Cancelled'],
  })
  @ApiQuery({ name: 'Limit', required: false, example: 50, description: '1–200' })
  @ApiQuery({ name: 'Cursor', required: false, description: 'NextCursor of the previous page' })
  @ApiOkResponse({ type: PaymentPlanPage })
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

  @PlanOperation(
    'Change a plan: installment amount, frequency, day of month, dates or payment method',
    PaymentPlanUpdateRequest,
    PaymentPlanDetailOutput,
    'Absent fields stay as they are. An installment plan re-derives its count from the new amount.',
  )
  @ApiParam({ name: 'id', example: EXAMPLE_ID })
  @Post('paymentplan/:id/update')
  @HttpCode(200)
  update(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @Param('id') id: string) {
    return this.send(req, reply, async () =>
      restPlanDetail(await this.plans.update(principalOf(req), id, restPlanUpdateInput(req.body))),
    );
  }

  @PlanOperation('Pause a plan: its dates are skipped until resumed', null, PaymentPlanDetailOutput)
  @ApiParam({ name: 'id', example: EXAMPLE_ID })
  @Post('paymentplan/:id/pause')
  @HttpCode(200)
  pause(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @Param('id') id: string) {
    return this.send(req, reply, async () => restPlanDetail(await this.plans.pause(principalOf(req), id)));
  }

  @PlanOperation('Resume a paused plan from the next date after today', null, PaymentPlanDetailOutput)
  @ApiParam({ name: 'id', example: EXAMPLE_ID })
  @Post('paymentplan/:id/resume')
  @HttpCode(200)
  resume(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @Param('id') id: string) {
    return this.send(req, reply, async () => restPlanDetail(await this.plans.resume(principalOf(req), id)));
  }

  @PlanOperation('Cancel a plan (final)', null, PaymentPlanDetailOutput)
  @ApiParam({ name: 'id', example: EXAMPLE_ID })
  @Post('paymentplan/:id/cancel')
  @HttpCode(200)
  cancel(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @Param('id') id: string) {
    return this.send(req, reply, async () => restPlanDetail(await this.plans.cancel(principalOf(req), id)));
  }
}
