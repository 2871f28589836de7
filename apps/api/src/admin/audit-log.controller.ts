import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AdminAuth, CurrentActor, RequirePermission } from '@conduit/auth';
import { type Actor, Permission } from '@conduit/domain';
import { AuditLogService } from '@conduit/tenancy';
import { listReply, parseListQuery } from './list-params';

@AdminAuth()
@RequirePermission(Permission.AUDIT_READ)
@Controller('admin/api/audit-log')
export class AuditLogController {
  constructor(private readonly audit: AuditLogService) {}

  @Get()
  async list(
    @CurrentActor() actor: Actor,
    @Query() q: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const query = parseListQuery(q);
    return listReply(reply, 'audit-log', query, await this.audit.list(actor, query));
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.audit.get(actor, id);
  }
}
