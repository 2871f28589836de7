import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AdminAuth, CurrentActor } from '@conduit/auth';
import type { Actor } from '@conduit/domain';
import { TerminalsAdminService } from '@conduit/payments';
import { CreateTerminalDto } from './dto';
import { listReply, parseListQuery } from './list-params';

/** Server-driven terminals: practice admins pair and revoke them; everyone lists them. */
@AdminAuth()
@Controller('admin/api/terminals')
export class TerminalsController {
  constructor(private readonly terminals: TerminalsAdminService) {}

  @Get()
  async list(
    @CurrentActor() actor: Actor,
    @Query() q: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const query = parseListQuery(q);
    return listReply(reply, 'terminals', query, await this.terminals.list(actor, query));
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.terminals.get(actor, id);
  }

  @Post()
  create(@CurrentActor() actor: Actor, @Body() body: CreateTerminalDto) {
    return this.terminals.create(actor, { outletId: body.outletId, label: body.label });
  }

  @Post(':id/pairing-code')
  @HttpCode(200)
  pairingCode(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.terminals.newPairingCode(actor, id);
  }

  @Delete(':id')
  revoke(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.terminals.revoke(actor, id);
  }
}
