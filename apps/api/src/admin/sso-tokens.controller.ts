import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AdminAuth, CurrentActor, RequirePermission } from '@conduit/auth';
import { type Actor, Permission } from '@conduit/domain';
import { SsoReviewService, TakePaymentService } from '@conduit/payments';
import { TakePaymentDto } from './dto';
import { listReply, parseListQuery } from './list-params';

/**
 * admin-api.md `sso-tokens`: status, created, expires, transaction; and the console's "Take a
 * payment", which creates one for a staff user (decision 0011).
 */
@AdminAuth()
@RequirePermission(Permission.TRANSACTIONS_READ)
@Controller('admin/api/sso-tokens')
export class SsoTokensController {
  constructor(
    private readonly tokens: SsoReviewService,
    private readonly take: TakePaymentService,
  ) {}

  /** Answers `{ id, pageUrl, expiresAt }`; the console opens pageUrl in a new tab. */
  @Post()
  @RequirePermission(Permission.PAYMENTS_TAKE)
  create(@CurrentActor() actor: Actor, @Body() body: TakePaymentDto) {
    return this.take.create(actor, body);
  }

  @Get()
  async list(
    @CurrentActor() actor: Actor,
    @Query() q: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const query = parseListQuery(q);
    return listReply(reply, 'sso-tokens', query, await this.tokens.list(actor, query));
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.tokens.get(actor, id);
  }
}
