import { Controller, Get, HttpCode, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiOperation, ApiParam } from '@nestjs/swagger';
import { ApiKeyAuth, Public } from '@conduit/auth';
import type { CredentialPrincipal } from '@conduit/domain';
import {
  type ActionResult,
  IdempotencyService,
  TerminalActionsService,
  TerminalDevicesService,
} from '@conduit/payments';
import { header, requireContentType, sendIdempotent } from '../payments-http/idempotent-send';
import { CredentialRateLimitGuard } from '../payments-http/rate-limit.guard';
import { PairingRateLimitGuard } from '../terminals/pairing-rate-limit.guard';
import { CONNECT_PATH } from '../terminals/terminal-gateway';
import { JsonAnswer, JsonBody, PlanOperation, RestErrors, RestSecurity } from './openapi/decorators';
import { restResult } from './rest-output';
import { restPairing, restTerminalAction } from './terminal-fields';

const JSON_TYPE = 'application/json; charset=utf-8';
type AuthedRequest = FastifyRequest & { user: { principal: CredentialPrincipal } };
const principalOf = (req: FastifyRequest) => (req as AuthedRequest).user.principal;
const DeviceId = () =>
  ApiParam({
    name: 'id',
    description: 'The TerminalDeviceID',
    schema: { type: 'string', pattern: '^tmd_[0-9a-z]{24}$', example: 'tmd_3f9a0c1b2d4e5f6a7b8c9d0e' },
  });

const rendered = (r: ActionResult) => ({
  ...r.action,
  Transaction: r.payment ? restResult(r.payment) : null,
});

/**
 * Server-driven terminals over REST (devices.md): the device pairs with its one-time code; the
 * vendor's server asks a terminal for a payment, reads the action and cancels it. The outcome also
 * arrives by the transaction's ordinary webhooks.
 */
@Controller('rest/terminals')
export class RestTerminalsController {
  constructor(
    private readonly actions: TerminalActionsService,
    private readonly devices: TerminalDevicesService,
    private readonly idempotency: IdempotencyService,
  ) {}

  @Public()
  @UseGuards(PairingRateLimitGuard)
  @ApiOperation({
    operationId: 'pairTerminal',
    summary: 'Pair a terminal with its one-time code (called by the device, no Api-Key)',
    description:
      'Answers the device its TerminalDeviceID and DeviceSecret (shown once) for the WebSocket at ConnectURL. A wrong, used or expired code is a 401; attempts are rate-limited per address.',
  })
  @JsonBody('TerminalPairingRequest')
  @JsonAnswer('TerminalPairingResponse', 'The device’s credentials and its outlet')
  @RestErrors()
  @Post('pair')
  @HttpCode(200)
  async pair(@Req() req: FastifyRequest) {
    requireContentType(req, 'application/json');
    const paired = await this.devices.pair(restPairing(req.body));
    return {
      TerminalDeviceID: paired.terminalDeviceId,
      DeviceSecret: paired.deviceSecret,
      Outlet: {
        MerchantID: paired.outlet.merchantId,
        StoreID: paired.outlet.storeId,
        TerminalID: paired.outlet.terminalId,
      },
      ConnectURL: CONNECT_PATH,
    };
  }

  @ApiKeyAuth()
  @UseGuards(CredentialRateLimitGuard)
  @RestSecurity()
  @ApiOperation({
    operationId: 'listTerminals',
    summary: 'The terminals this credential may take payments on',
  })
  @JsonAnswer('TerminalList', 'Paired and pending terminals, oldest first')
  @RestErrors()
  @Get()
  async list(@Req() req: FastifyRequest) {
    return { Terminals: await this.actions.list(principalOf(req)) };
  }

  @ApiKeyAuth()
  @UseGuards(CredentialRateLimitGuard)
  @PlanOperation({
    operationId: 'processTerminalPayment',
    summary: 'Ask a terminal to take a payment',
    description:
      'Answers 202 with the action (Pending); poll GET …/action or wait for the transaction webhook. One action at a time: 409 names the open ActionID; an offline terminal is a 409 too.',
    body: 'TerminalActionRequest',
    answer: 'TerminalAction',
    answerDescription: 'The action, as queued',
  })
  @DeviceId()
  @Post(':id/process-payment')
  @HttpCode(202)
  async process(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @Param('id') id: string) {
    requireContentType(req, 'application/json');
    const principal = principalOf(req);
    await sendIdempotent(
      this.idempotency,
      req,
      reply,
      principal.organizationId,
      header(req, 'idempotency-key'),
      async () => ({
        status: 202,
        contentType: JSON_TYPE,
        body: JSON.stringify(
          rendered(await this.actions.process(principal, id, restTerminalAction(req.body))),
        ),
      }),
    );
  }

  @ApiKeyAuth()
  @UseGuards(CredentialRateLimitGuard)
  @RestSecurity()
  @ApiOperation({ operationId: 'getTerminalAction', summary: 'The terminal’s open action, else its latest' })
  @DeviceId()
  @JsonAnswer('TerminalAction', 'The action, with its transaction once there is one')
  @RestErrors()
  @Get(':id/action')
  async action(@Req() req: FastifyRequest, @Param('id') id: string) {
    return rendered(await this.actions.current(principalOf(req), id));
  }

  @ApiKeyAuth()
  @UseGuards(CredentialRateLimitGuard)
  @PlanOperation({
    operationId: 'cancelTerminalAction',
    summary: 'Cancel the terminal’s open action',
    description: 'Only before a card reached the server: once it is processing, or finished, a 409.',
    answer: 'TerminalAction',
    answerDescription: 'The cancelled action',
  })
  @DeviceId()
  @Post(':id/cancel')
  @HttpCode(200)
  async cancel(@Req() req: FastifyRequest, @Param('id') id: string) {
    return rendered(await this.actions.cancel(principalOf(req), id));
  }
}
