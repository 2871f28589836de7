import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AdminAuth, CurrentActor, RequirePermission } from '@conduit/auth';
import { type Actor, Permission } from '@conduit/domain';
import { ReconciliationService, SettlementReviewService, SettlementRunsService } from '@conduit/payments';
import { listReply, parseListQuery } from './list-params';
import { sendCsv, sendFile } from './stream-reply';

/** Settlement batches, reconciliation and posting files, for finance (docs/settlement.md). */
@AdminAuth()
@RequirePermission(Permission.SETTLEMENTS_READ)
@Controller('admin/api')
export class SettlementsController {
  constructor(
    private readonly review: SettlementReviewService,
    private readonly runs: SettlementRunsService,
    private readonly reconciliations: ReconciliationService,
  ) {}

  @Get('settlements')
  async list(
    @CurrentActor() actor: Actor,
    @Query() q: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const query = parseListQuery(q);
    return listReply(reply, 'settlements', query, await this.review.list(actor, query));
  }

  @Get('settlements/export')
  export(@CurrentActor() actor: Actor, @Query() q: Record<string, unknown>, @Res() reply: FastifyReply) {
    const { filter } = parseListQuery({ ...q, range: undefined });
    sendCsv(reply, 'settlements', this.review.listCsv(actor, filter));
  }

  @Get('settlements/:id')
  get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.review.get(actor, id);
  }

  @Get('settlements/:id/items')
  async items(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Query() q: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const query = parseListQuery(q);
    return listReply(reply, 'settlement-items', query, await this.review.items(actor, id, query));
  }

  @Get('settlements/:id/items/export')
  async itemsExport(@CurrentActor() actor: Actor, @Param('id') id: string, @Res() reply: FastifyReply) {
    await this.review.get(actor, id); // a 404 before any CSV header is sent
    sendCsv(reply, `settlement-${id}-items`, this.review.itemsCsv(actor, id));
  }

  @Get('reconciliation')
  reconciliation(@CurrentActor() actor: Actor, @Query() q: Record<string, unknown>) {
    return this.reconciliations.reconciliation(actor, parseListQuery({ filter: q.filter }).filter);
  }

  @Get('reconciliation/export')
  async reconciliationExport(
    @CurrentActor() actor: Actor,
    @Query() q: Record<string, unknown>,
    @Res() reply: FastifyReply,
  ) {
    const filter = parseListQuery({ filter: q.filter }).filter;
    await this.reconciliations.reconciliation(actor, filter); // validation errors before the stream starts
    sendCsv(reply, 'reconciliation', this.reconciliations.reconciliationCsv(actor, filter));
  }

  @Get('dashboard/finance')
  dashboard(@CurrentActor() actor: Actor) {
    return this.review.dashboard(actor);
  }

  @Get('batch-files')
  async batchFiles(
    @CurrentActor() actor: Actor,
    @Query() q: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const query = parseListQuery(q);
    return listReply(reply, 'batch-files', query, await this.review.batchFiles(actor, query));
  }

  @Get('batch-files/:id')
  batchFile(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.review.batchFile(actor, id);
  }

  @Get('batch-files/:id/records')
  async batchFileRecords(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Query() q: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const query = parseListQuery(q);
    return listReply(
      reply,
      'batch-file-records',
      query,
      await this.review.batchFileRecords(actor, id, query),
    );
  }

  @Get('batch-files/:id/download')
  async download(@CurrentActor() actor: Actor, @Param('id') id: string, @Res() reply: FastifyReply) {
    const file = await this.review.download(actor, id);
    const type = file.kind === 'ERA_835' ? 'application/edi-x12' : 'text/plain; charset=utf-8';
    sendFile(reply, file.name, type, file.content);
  }

  /** settlement.md: practice and platform admins, sandbox merchants, exactly as a cut-off. */
  @Post('merchants/:merchantId/settle-now')
  @HttpCode(200)
  @RequirePermission(Permission.SETTLEMENTS_SETTLE_NOW)
  async settleNow(@CurrentActor() actor: Actor, @Param('merchantId') merchantId: string) {
    const result = await this.runs.settleNow(actor, merchantId);
    if (!result.settlementBatchId) return { settled: false, batch: null };
    return { settled: true, batch: await this.review.get(actor, result.settlementBatchId) };
  }
}
