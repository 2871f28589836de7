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
import { AdminAuth, CurrentActor } from '@conduit/auth';
import type { Actor } from '@conduit/domain';
import { CredentialsService } from '@conduit/tenancy';
import { CreateCredentialDto, RotateCredentialDto, UpdateCredentialDto } from './dto';
import { listReply, parseListQuery } from './list-params';

/** Creating and rotating answer the secret once, with `Cache-Control: no-store`. */
@AdminAuth()
@Controller('admin/api/credentials')
export class CredentialsController {
  constructor(private readonly credentials: CredentialsService) {}

  @Get()
  async list(
    @CurrentActor() actor: Actor,
    @Query() q: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const query = parseListQuery(q);
    return listReply(reply, 'credentials', query, await this.credentials.list(actor, query));
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.credentials.get(actor, id);
  }

  @Post()
  create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateCredentialDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    reply.header('cache-control', 'no-store');
    return this.credentials.create(actor, body);
  }

  @Put(':id')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateCredentialDto,
  ) {
    return this.credentials.update(actor, id, {
      description: body.description,
      enabled: body.enabled,
      merchantIds: body.merchantIds,
    });
  }

  @Post(':id/rotate')
  @HttpCode(200)
  rotate(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RotateCredentialDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    reply.header('cache-control', 'no-store');
    return this.credentials.rotate(actor, id, body.gracePeriodSeconds ?? 0);
  }

  @Delete(':id')
  remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.credentials.remove(actor, id);
  }
}
