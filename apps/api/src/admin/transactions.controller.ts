import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AdminAuth, CurrentActor, RequirePermission } from '@conduit/auth';
import { type Actor, Permission } from '@conduit/domain';
import { parseTimeZone, TransactionsReviewService } from '@conduit/payments';
import { sendCsv } from './stream-reply';
import { listReply, parseListQuery } from './list-params';

/** Read-only review of transactions for console users (admin-api.md `transactions`). */
@AdminAuth()
@RequirePermission(Permission.TRANSACTIONS_READ)
@Controller('admin/api')
export class TransactionsController {
  constructor(private readonly review: TransactionsReviewService) {}

  @Get('transactions')
  async list(
    @CurrentActor() actor: Actor,
    @Query() q: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const query = parseListQuery(q);
    return listReply(reply, 'transactions', query, await this.review.list(actor, query));
  }

  /**
   * CSV of every transaction matching the filter, newest first (the list's sort does not apply),
   * for finance: streamed page by page, with no row limit. A failure after the first page aborts
   * the response, so a download is complete or visibly broken, never silently short.
   */
  @Get('transactions/export')
  async export(
    @CurrentActor() actor: Actor,
    @Query() q: Record<string, unknown>,
    @Res() reply: FastifyReply,
  ) {
    const lines = await this.review.csv(actor, parseListQuery({ ...q, range: undefined }).filter);
    sendCsv(reply, 'transactions', lines);
  }

  @Get('transactions/:id')
  get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.review.get(actor, id);
  }

  /** `?timeZone=America/Chicago`: "today" in that zone (UTC without one); an unknown zone is a 400. */
  @Get('dashboard/summary')
  summary(@CurrentActor() actor: Actor, @Query('timeZone') timeZone?: string) {
    return this.review.summary(actor, parseTimeZone(timeZone));
  }
}
