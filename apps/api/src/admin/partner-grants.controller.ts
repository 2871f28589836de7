import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AdminAuth, CurrentActor } from '@conduit/auth';
import type { Actor } from '@conduit/domain';
import { PartnerGrantsService } from '@conduit/tenancy';
import { CreateGrantDto } from './dto';
import { listReply, parseListQuery } from './list-params';

/** DELETE revokes a grant (it stays listed, with `revokedAt`). */
@AdminAuth()
@Controller('admin/api/partner-grants')
export class PartnerGrantsController {
  constructor(private readonly grants: PartnerGrantsService) {}

  @Get()
  async list(
    @CurrentActor() actor: Actor,
    @Query() q: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const query = parseListQuery(q);
    return listReply(reply, 'partner-grants', query, await this.grants.list(actor, query));
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.grants.get(actor, id);
  }

  @Post()
  create(@CurrentActor() actor: Actor, @Body() body: CreateGrantDto) {
    return this.grants.create(actor, body);
  }

  @Delete(':id')
  revoke(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.grants.revoke(actor, id);
  }
}
