import { Controller, Get, HttpCode, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiKeyAuth } from '@conduit/auth';
import { type CredentialPrincipal, DomainError } from '@conduit/domain';
import { IdempotencyService, PaymentsService } from '@conduit/payments';
import { header, requireContentType, sendIdempotent } from '../payments-http/idempotent-send';
import { CredentialRateLimitGuard } from '../payments-http/rate-limit.guard';
import { restInput } from './rest-input';
import { restResult, restTransaction } from './rest-output';
import { TransactionListService } from './transaction-list.service';

const JSON_TYPE = 'application/json; charset=utf-8';
type AuthedRequest = FastifyRequest & { user: { principal: CredentialPrincipal } };

/** The JSON REST interface (rest.md). Declines are 200s; errors render in the REST shape. */
@ApiKeyAuth()
@UseGuards(CredentialRateLimitGuard)
@Controller('rest/payment')
export class RestPaymentsController {
  constructor(
    private readonly payments: PaymentsService,
    private readonly idempotency: IdempotencyService,
    private readonly list: TransactionListService,
  ) {}

  private async run(req: FastifyRequest, reply: FastifyReply, action: string) {
    requireContentType(req, 'application/json');
    const principal = (req as AuthedRequest).user.principal;
    await sendIdempotent(
      this.idempotency,
      req,
      reply,
      principal.organizationId,
      header(req, 'idempotency-key'),
      async () => ({
        status: 200,
        contentType: JSON_TYPE,
        body: JSON.stringify(restResult(await this.payments.execute(principal, restInput(req.body, action)))),
      }),
    );
  }

  @Post('sale') @HttpCode(200) sale(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.run(req, reply, 'Sale');
  }

  @Post('authorization') @HttpCode(200) authorization(
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.run(req, reply, 'Authorization');
  }

  @Post('capture') @HttpCode(200) capture(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.run(req, reply, 'Capture');
  }

  @Post('void') @HttpCode(200) void(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.run(req, reply, 'Void');
  }

  @Post('refund-simple') @HttpCode(200) refundSimple(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.run(req, reply, 'SimpleRefund');
  }

  @Post('refund') @HttpCode(200) refund(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.run(req, reply, 'Refund');
  }

  /** `PaymentPlanType: "SaveOnFile"` saves a card; installment and recurring plans come later. */
  @Post('paymentplan') @HttpCode(200) paymentPlan(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const type = Object.entries(body).find(([k]) => k.toLowerCase() === 'paymentplantype')?.[1];
    if (String(type ?? '').toLowerCase() !== 'saveonfile') {
      throw DomainError.validation([
        {
          field: 'PaymentPlanType',
          message:
            'PaymentPlanType must be SaveOnFile (installment and recurring plans are not available yet)',
        },
      ]);
    }
    return this.run(req, reply, 'SaveOnFile');
  }

  @Get('transaction/:id')
  async transaction(@Req() req: FastifyRequest, @Param('id') id: string) {
    const { transaction, secondaries } = await this.payments.transactionWithSecondaries(
      (req as AuthedRequest).user.principal,
      id,
    );
    return {
      ...restTransaction(transaction),
      SecondaryTransactions: secondaries.map((s) => restTransaction(s)),
      WorkflowStatus: null,
    };
  }

  @Get('transactions')
  transactions(@Req() req: FastifyRequest, @Query() query: Record<string, string>) {
    return this.list.page((req as AuthedRequest).user.principal, query);
  }
}
