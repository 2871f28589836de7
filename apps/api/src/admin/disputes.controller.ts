import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AdminAuth, CurrentActor, RequirePermission } from '@conduit/auth';
import { type Actor, Permission } from '@conduit/domain';
import { DisputesService } from '@conduit/payments';
import { parseDisputeResponse } from './dispute-response';
import { listReply, parseListQuery } from './list-params';
import { sendFile } from './stream-reply';

/** Chargeback disputes: finance and practice admins read and answer them (docs/settlement.md). */
@AdminAuth()
@RequirePermission(Permission.DISPUTES_READ)
@Controller('admin/api/disputes')
export class DisputesController {
  constructor(private readonly disputes: DisputesService) {}

  @Get()
  async list(
    @CurrentActor() actor: Actor,
    @Query() q: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const query = parseListQuery(q);
    return listReply(reply, 'disputes', query, await this.disputes.list(actor, query));
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.disputes.get(actor, id);
  }

  @Post(':id/evidence')
  @HttpCode(200)
  @RequirePermission(Permission.DISPUTES_RESPOND)
  respond(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: unknown) {
    return this.disputes.respond(actor, id, parseDisputeResponse(body));
  }

  @Get(':id/evidence/:evidenceId')
  async evidence(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('evidenceId') evidenceId: string,
    @Res() reply: FastifyReply,
  ) {
    const file = await this.disputes.evidenceFile(actor, id, evidenceId);
    sendFile(reply, file.fileName, file.contentType, file.content);
  }
}
