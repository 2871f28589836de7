import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AdminAuth, CurrentActor } from '@conduit/auth';
import type { Actor } from '@conduit/domain';
import { TwoFactorService, UsersService } from '@conduit/tenancy';
import { CreateUserDto, UpdateUserDto } from './dto';
import { listReply, parseListQuery } from './list-params';

@AdminAuth()
@Controller('admin/api/users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly twoFactor: TwoFactorService,
  ) {}

  @Get()
  async list(
    @CurrentActor() actor: Actor,
    @Query() q: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const query = parseListQuery(q);
    return listReply(reply, 'users', query, await this.users.list(actor, query));
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.users.get(actor, id);
  }

  @Post()
  create(@CurrentActor() actor: Actor, @Body() body: CreateUserDto) {
    return this.users.create(actor, body);
  }

  @Put(':id')
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateUserDto) {
    return this.users.update(actor, id, {
      name: body.name,
      role: body.role,
      disabled: body.disabled,
      password: body.password,
    });
  }

  @Delete(':id')
  remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.users.remove(actor, id);
  }

  /** Platform admins: clear a user's two-factor (a lost phone); they enrol again at next sign-in. */
  @Delete(':id/two-factor')
  async resetTwoFactor(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    await this.twoFactor.reset(actor, id);
    return { ok: true };
  }
}
