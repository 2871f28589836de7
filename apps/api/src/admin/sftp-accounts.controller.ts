import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AdminAuth, CurrentActor } from '@conduit/auth';
import type { Actor } from '@conduit/domain';
import { SftpAccountsService } from '@conduit/payments';
import { listReply, parseListQuery } from './list-params';
import { parseSftpAccountInput } from './sftp-account-input';

/** SFTP/FTPS accounts of the file gateway (batch-files.md); passwords and private keys never leave. */
@AdminAuth()
@Controller('admin/api/sftp-accounts')
export class SftpAccountsController {
  constructor(private readonly accounts: SftpAccountsService) {}

  @Get()
  async list(
    @CurrentActor() actor: Actor,
    @Query() q: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const query = parseListQuery(q);
    return listReply(reply, 'sftp-accounts', query, await this.accounts.list(actor, query));
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.accounts.get(actor, id);
  }

  @Post()
  async create(@CurrentActor() actor: Actor, @Body() body: Record<string, unknown>) {
    this.accounts.assertMayManage(actor);
    return this.accounts.create(actor, await parseSftpAccountInput(body, 'create'));
  }

  @Put(':id')
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Record<string, unknown>,
  ) {
    this.accounts.assertMayManage(actor);
    return this.accounts.update(actor, id, await parseSftpAccountInput(body, 'update'));
  }

  @Delete(':id')
  remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.accounts.remove(actor, id);
  }
}
