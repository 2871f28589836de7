import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AdminAuth, CurrentActor } from '@conduit/auth';
import type { Actor } from '@conduit/domain';
import { MerchantsService } from '@conduit/tenancy';
import { CreateMerchantDto, UpdateMerchantDto } from './dto';
import { listReply, parseListQuery } from './list-params';

/** Merchants are addressed by their 13-digit MerchantID. They are suspended, never deleted. */
@AdminAuth()
@Controller('admin/api/merchants')
export class MerchantsController {
  constructor(private readonly merchants: MerchantsService) {}

  @Get()
  async list(
    @CurrentActor() actor: Actor,
    @Query() q: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const query = parseListQuery(q);
    return listReply(reply, 'merchants', query, await this.merchants.list(actor, query));
  }

  @Get(':merchantId')
  get(@CurrentActor() actor: Actor, @Param('merchantId') merchantId: string) {
    return this.merchants.get(actor, merchantId);
  }

  @Post()
  create(@CurrentActor() actor: Actor, @Body() body: CreateMerchantDto) {
    return this.merchants.create(actor, body);
  }

  @Put(':merchantId')
  update(
    @CurrentActor() actor: Actor,
    @Param('merchantId') merchantId: string,
    @Body() body: UpdateMerchantDto,
  ) {
    const {
      id: _id,
      merchantId: _m,
      organizationId: _o,
      createdAt: _c,
      updatedAt: _u,
      processor: _p,
      ...changes
    } = body;
    return this.merchants.update(actor, merchantId, changes);
  }
}
