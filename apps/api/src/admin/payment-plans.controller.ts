import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AdminAuth, CurrentActor, RequirePermission } from '@conduit/auth';
import { type Actor, Permission } from '@conduit/domain';
import { listReply, parseListQuery } from './list-params';
import { PaymentPlansAdminService } from './payment-plans-admin.service';
import { sendCsv } from './stream-reply';

/**
 * Payment plans for console users (payment-plans.md "Admin API"): everyone reads and exports;
 * the actions need `payment-plans:manage` (practice admins, on their own organization's plans).
 */
@AdminAuth()
@RequirePermission(Permission.PAYMENT_PLANS_READ)
@Controller('admin/api/payment-plans')
export class PaymentPlansController {
  constructor(private readonly plans: PaymentPlansAdminService) {}

  @Get()
  async list(
    @CurrentActor() actor: Actor,
    @Query() q: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const query = parseListQuery(q);
    return listReply(reply, 'payment-plans', query, await this.plans.list(actor, query));
  }

  /** Every matching plan, newest first (the list's sort and range do not apply), streamed. */
  @Get('export.csv')
  async export(
    @CurrentActor() actor: Actor,
    @Query() q: Record<string, unknown>,
    @Res() reply: FastifyReply,
  ) {
    const { filter } = parseListQuery({ ...q, range: undefined, sort: undefined });
    await this.plans.checkFilter(actor, filter); // a 400 before any CSV header is sent
    sendCsv(reply, 'payment-plans', this.plans.csv(actor, filter));
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.plans.get(actor, id);
  }

  @Post(':id/pause')
  @HttpCode(200)
  @RequirePermission(Permission.PAYMENT_PLANS_MANAGE)
  pause(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.plans.changeStatus(actor, id, 'pause');
  }

  @Post(':id/resume')
  @HttpCode(200)
  @RequirePermission(Permission.PAYMENT_PLANS_MANAGE)
  resume(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.plans.changeStatus(actor, id, 'resume');
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @RequirePermission(Permission.PAYMENT_PLANS_MANAGE)
  cancel(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.plans.changeStatus(actor, id, 'cancel');
  }

  /** The plan detail with the charge's transaction (approved or declined). */
  @Post(':id/charge-now')
  @HttpCode(200)
  @RequirePermission(Permission.PAYMENT_PLANS_MANAGE)
  chargeNow(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.plans.chargeNow(actor, id);
  }

  /** Sandbox merchants only: the next scheduled charge now, as the scheduler would run it. */
  @Post(':id/run-next')
  @HttpCode(200)
  @RequirePermission(Permission.PAYMENT_PLANS_MANAGE)
  runNext(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.plans.runNext(actor, id);
  }

  /** A hosted page where the patient enters a new card: `{ pageUrl, token }`. */
  @Post(':id/replace-card')
  @HttpCode(200)
  @RequirePermission(Permission.PAYMENT_PLANS_MANAGE)
  replaceCard(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.plans.replaceCard(actor, id);
  }
}
