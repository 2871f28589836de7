import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AdminAuth, CurrentActor, RequirePermission } from '@conduit/auth';
import { type Actor, Permission } from '@conduit/domain';
import { CheckImagesReviewService, parseTimeZone, TransactionsReviewService } from '@conduit/payments';
import { sendCsv, sendImage } from './stream-reply';
import { listReply, parseListQuery } from './list-params';

/** Read-only review of transactions for console users (admin-api.md `transactions`). */
@AdminAuth()
@RequirePermission(Permission.TRANSACTIONS_READ)
@Controller('admin/api')
export class TransactionsController {
  constructor(
    private readonly review: TransactionsReviewService,
    private readonly checkImages: CheckImagesReviewService,
  ) {}

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

  /** A deposited check's front or back image (contracts B); each view is audited. */
  @Get('transactions/:id/check-images/:side')
  async checkImage(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('side') side: string,
    @Res() reply: FastifyReply,
  ) {
    const image = await this.checkImages.open(actor, id, side);
    sendImage(reply, image.contentType, image.bytes);
  }

  /** `?timeZone=America/Chicago`: "today" in that zone (UTC without one); an unknown zone is a 400. */
  @Get('dashboard/summary')
  summary(@CurrentActor() actor: Actor, @Query('timeZone') timeZone?: string) {
    return this.review.summary(actor, parseTimeZone(timeZone));
  }
}
