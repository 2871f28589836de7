import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AdminAuth, CurrentActor, RequirePermission } from '@conduit/auth';
import { type Actor, Permission } from '@conduit/domain';
import { WebhookDeliveriesService } from '@conduit/webhooks';
import { listReply, parseListQuery } from './list-params';
import { ResendMatchingDto } from './webhook-dto';

/** admin-api.md `webhook-deliveries`: read-only, plus resend one or all matching a filter. */
@AdminAuth()
@Controller('admin/api/webhook-deliveries')
export class WebhookDeliveriesController {
  constructor(private readonly deliveries: WebhookDeliveriesService) {}

  @Get()
  @RequirePermission(Permission.WEBHOOKS_READ)
  async list(
    @CurrentActor() actor: Actor,
    @Query() q: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const query = parseListQuery(q);
    return listReply(reply, 'webhook-deliveries', query, await this.deliveries.list(actor, query));
  }

  @Post('resend')
  @RequirePermission(Permission.WEBHOOKS_RESEND)
  @HttpCode(200)
  resendMatching(@CurrentActor() actor: Actor, @Body() body: ResendMatchingDto) {
    return this.deliveries.resendMatching(actor, body.filter ?? {});
  }

  @Get(':id')
  @RequirePermission(Permission.WEBHOOKS_READ)
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.deliveries.get(actor, id);
  }

  @Post(':id/resend')
  @RequirePermission(Permission.WEBHOOKS_RESEND)
  @HttpCode(200)
  resend(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.deliveries.resend(actor, id);
  }
}
