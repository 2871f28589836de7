import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AdminAuth, CurrentActor, RequirePermission } from '@conduit/auth';
import { type Actor, Permission } from '@conduit/domain';
import { SsoReviewService } from '@conduit/payments';
import { listReply, parseListQuery } from './list-params';

/** admin-api.md `sso-tokens`: status, created, expires, transaction. */
@AdminAuth()
@RequirePermission(Permission.TRANSACTIONS_READ)
@Controller('admin/api/sso-tokens')
export class SsoTokensController {
  constructor(private readonly tokens: SsoReviewService) {}

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
