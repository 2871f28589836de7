import { Controller, Get, HttpCode, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApiKeyAuth } from '@conduit/auth';
import type { CredentialPrincipal } from '@conduit/domain';
import { IdempotencyService, PaymentsService, TransactionPageService } from '@conduit/payments';
import { header, requireContentType, sendIdempotent } from '../payments-http/idempotent-send';
import { CredentialRateLimitGuard } from '../payments-http/rate-limit.guard';
import { PaymentOperation, RestErrors } from './openapi/decorators';
import { PaymentRequest, SecondaryRequest, TransactionDetail, TransactionPage } from './openapi/schemas';
import { restCommand } from './rest-input';
import { restResult, restTransaction } from './rest-output';

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
    private readonly list: TransactionPageService,
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
        body: JSON.stringify(
          restResult(await this.payments.execute(principal, restCommand(req.body, action))),
        ),
      }),
    );
  }

  @PaymentOperation(
    'Sale: authorize and capture',
    PaymentRequest,
    'Card (keyed, swiped, chip, contactless), card on file, or eCheck. SaveOnFile also stores the card.',
  )
  @Post('sale')
  @HttpCode(200)
  sale(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.run(req, reply, 'Sale');
  }

  @PaymentOperation('Authorization: hold funds', PaymentRequest, 'Cards only; capture within 7 days.')
  @Post('authorization')
  @HttpCode(200)
  authorization(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.run(req, reply, 'Authorization');
  }

  @PaymentOperation('Capture a prior authorization, once, for at most its amount', SecondaryRequest)
  @Post('capture')
  @HttpCode(200)
  capture(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.run(req, reply, 'Capture');
  }

  @PaymentOperation('Void an unsettled authorization or sale', SecondaryRequest)
  @Post('void')
  @HttpCode(200)
  void(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.run(req, reply, 'Void');
  }

  @PaymentOperation(
    'Refund a captured transaction by its ID, up to what remains, within a year',
    SecondaryRequest,
  )
  @Post('refund-simple')
  @HttpCode(200)
  refundSimple(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.run(req, reply, 'SimpleRefund');
  }

  @PaymentOperation('Unreferenced refund to a card (merchant setting, off by default)', PaymentRequest)
  @Post('refund')
  @HttpCode(200)
  refund(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.run(req, reply, 'Refund');
  }

  @ApiTags('transactions')
  @ApiSecurity('Api-Key')
  @ApiSecurity('Api-Secret')
  @ApiOperation({ summary: 'One transaction with its secondary transactions and webhook workflow status' })
  @ApiParam({ name: 'id', example: '0CA7530A86084B468FFF132AB7F04491' })
  @ApiOkResponse({ type: TransactionDetail })
  @RestErrors()
  @Get('transaction/:id')
  async transaction(@Req() req: FastifyRequest, @Param('id') id: string) {
    const { transaction, secondaries, workflowStatus } = await this.payments.transactionWithSecondaries(
      (req as AuthedRequest).user.principal,
      id,
    );
    return {
      ...restTransaction(transaction),
      SecondaryTransactions: secondaries.map((s) => restTransaction(s)),
      WorkflowStatus: workflowStatus,
    };
  }

  @ApiTags('transactions')
  @ApiSecurity('Api-Key')
  @ApiSecurity('Api-Secret')
  @ApiOperation({ summary: 'Transactions, newest first, with cursor pagination' })
  @ApiQuery({ name: 'MerchantID', required: false })
  @ApiQuery({ name: 'StoreID', required: false })
  @ApiQuery({ name: 'TerminalID', required: false })
  @ApiQuery({ name: 'Status', required: false, enum: ['A', 'C', 'O', 'D', 'V', 'X', 'S', 'SE', 'RI', 'CB'] })
  @ApiQuery({ name: 'From', required: false, example: '2026-11-01T00:00:00Z' })
  @ApiQuery({ name: 'To', required: false, example: '2026-11-30T23:59:59Z' })
  @ApiQuery({ name: 'PatientID', required: false })
  @ApiQuery({ name: 'Limit', required: false, example: 50, description: '1–200' })
  @ApiQuery({ name: 'Cursor', required: false, description: 'NextCursor of the previous page' })
  @ApiOkResponse({ type: TransactionPage })
  @RestErrors()
  @Get('transactions')
  async transactions(@Req() req: FastifyRequest, @Query() query: Record<string, string>) {
    const page = await this.list.page((req as AuthedRequest).user.principal, query);
    return { Transactions: page.transactions.map((t) => restTransaction(t)), NextCursor: page.nextCursor };
  }
}
