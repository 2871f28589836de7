import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AdminAuth, CurrentActor, RequirePermission } from '@conduit/auth';
import { type Actor, Permission } from '@conduit/domain';
import { WebhookEndpointsService, WebhookSamplesService } from '@conduit/webhooks';
import { listReply, parseListQuery } from './list-params';
import { WebhookEndpointDto, WebhookTestDto } from './webhook-dto';

/** admin-api.md `webhook-endpoints`: the signing secret is answered once, with no-store. */
@AdminAuth()
@Controller('admin/api/webhook-endpoints')
export class WebhookEndpointsController {
  constructor(
    private readonly endpoints: WebhookEndpointsService,
    private readonly samples: WebhookSamplesService,
  ) {}

  @Get()
  @RequirePermission(Permission.WEBHOOKS_READ)
  async list(
    @CurrentActor() actor: Actor,
    @Query() q: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const query = parseListQuery(q);
    return listReply(reply, 'webhook-endpoints', query, await this.endpoints.list(actor, query));
  }

  @Get(':id')
  @RequirePermission(Permission.WEBHOOKS_READ)
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.endpoints.get(actor, id);
  }

  @Get(':id/health')
  @RequirePermission(Permission.WEBHOOKS_READ)
  health(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.samples.health(actor, id);
  }

  @Post()
  @RequirePermission(Permission.WEBHOOKS_WRITE)
  create(
    @CurrentActor() actor: Actor,
    @Body() body: WebhookEndpointDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    reply.header('cache-control', 'no-store');
    return this.endpoints.create(actor, body);
  }

  @Put(':id')
  @RequirePermission(Permission.WEBHOOKS_WRITE)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: WebhookEndpointDto,
  ) {
    return this.endpoints.update(actor, id, body);
  }

  @Delete(':id')
  @RequirePermission(Permission.WEBHOOKS_WRITE)
  remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.endpoints.remove(actor, id);
  }

  @Post(':id/rotate-secret')
  @RequirePermission(Permission.WEBHOOKS_WRITE)
  @HttpCode(200)
  rotate(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    reply.header('cache-control', 'no-store');
    return this.endpoints.rotateSecret(actor, id);
  }

  @Post(':id/test')
  @RequirePermission(Permission.WEBHOOKS_WRITE)
  @HttpCode(200)
  test(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: WebhookTestDto) {
    return this.samples.test(actor, id, body);
  }
}
