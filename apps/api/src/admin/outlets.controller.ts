import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AdminAuth, CurrentActor } from '@conduit/auth';
import type { Actor } from '@conduit/domain';
import { OutletsService } from '@conduit/tenancy';
import { CreateOutletDto, UpdateOutletDto } from './dto';
import { listReply, parseListQuery } from './list-params';

@AdminAuth()
@Controller('admin/api/outlets')
export class OutletsController {
  constructor(private readonly outlets: OutletsService) {}

  @Get()
  async list(
    @CurrentActor() actor: Actor,
    @Query() q: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const query = parseListQuery(q);
    return listReply(reply, 'outlets', query, await this.outlets.list(actor, query));
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.outlets.get(actor, id);
  }

  @Post()
  create(@CurrentActor() actor: Actor, @Body() body: CreateOutletDto) {
    return this.outlets.create(actor, body);
  }

  @Put(':id')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateOutletDto,
  ) {
    return this.outlets.update(actor, id, { name: body.name, active: body.active });
  }

  @Delete(':id')
  remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.outlets.remove(actor, id);
  }
}
