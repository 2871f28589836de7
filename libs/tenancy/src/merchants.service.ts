import { Injectable, Optional } from '@nestjs/common';
import {
  type Actor,
  assertCan,
  assertRiskChangeAllowed,
  DEFAULT_MERCHANT_RISK,
  DomainError,
  isValidTimeZone,
  type MerchantRiskSettings,
  owningOrganization,
  parseAmount,
  parseRetryDays,
  Permission,
  scopeOf,
} from '@conduit/domain';
import { type ListQuery, type Merchant, type MerchantWrite, UnitOfWork } from '@conduit/db';
import { auditOf } from './audit';
import { cleanAllowlist } from './cidr-list';
import { merchantView } from './views';
import { authChange, CredentialCache } from './credential-cache';

/** What the admin API takes: the columns, with the amount limit as a decimal string. */
export type MerchantInput = Omit<MerchantWrite, 'maxTransactionCents' | 'planRetryDays'> & {
  merchantId?: string;
  organizationId?: string;
  maxTransactionAmount?: string;
  /** A list of days or the forms' comma-separated text ("1,3,5"; "" for none). */
  planRetryDays?: unknown;
};

function checkChargeHour(hour: unknown) {
  if (hour !== undefined && !(Number.isInteger(hour) && (hour as number) >= 0 && (hour as number) <= 23))
    throw DomainError.validation([
      { field: 'planChargeHour', message: 'planChargeHour must be a whole hour from 0 to 23' },
    ]);
}

const riskOf = (m: Merchant): MerchantRiskSettings => ({
  status: m.status,
  allowUnreferencedRefunds: m.allowUnreferencedRefunds,
  maxTransactionCents: Number(m.maxTransactionCents),
});

/** The columns to write, the risk controls requested, and what the audit log records. */
function prepare(input: MerchantInput) {
  const { merchantId: _id, organizationId: _org, maxTransactionAmount, planRetryDays, ...rest } = input;
  checkChargeHour(input.planChargeHour);
  const retryDays = planRetryDays === undefined ? undefined : parseRetryDays(planRetryDays);
  const limitCents =
    maxTransactionAmount === undefined
      ? undefined
      : parseAmount(maxTransactionAmount, 'maxTransactionAmount');
  const columns = {
    ...rest,
    ipAllowlist: cleanAllowlist(input.ipAllowlist),
    ...(retryDays === undefined ? {} : { planRetryDays: retryDays }),
  };
  const data: MerchantWrite =
    limitCents === undefined ? columns : { ...columns, maxTransactionCents: BigInt(limitCents) };
  const risk: Partial<MerchantRiskSettings> = {
    status: input.status,
    allowUnreferencedRefunds: input.allowUnreferencedRefunds,
    maxTransactionCents: limitCents,
  };
  return { data, risk, audited: { ...columns, maxTransactionAmount } };
}

function checkTimeZone(zone: string | undefined) {
  if (zone !== undefined && !isValidTimeZone(zone)) {
    throw DomainError.validation([
      { field: 'timeZone', message: `timeZone "${zone}" is not an IANA time zone` },
    ]);
  }
}

@Injectable()
export class MerchantsService {
  constructor(
    private readonly uow: UnitOfWork,
    @Optional() private readonly cache?: CredentialCache,
  ) {}

  async list(actor: Actor, query: ListQuery) {
    assertCan(actor, Permission.MERCHANTS_READ);
    const { rows, total } = await this.uow.read.merchants.list(scopeOf(actor), query);
    return { rows: rows.map(merchantView), total };
  }

  async get(actor: Actor, merchantId: string) {
    assertCan(actor, Permission.MERCHANTS_READ);
    const merchant = await this.uow.read.merchants.getReadable(scopeOf(actor), merchantId);
    if (!merchant) throw DomainError.notFound('Merchant');
    return merchantView(merchant);
  }

  async create(actor: Actor, input: MerchantInput & { merchantId: string; name: string }) {
    assertCan(actor, Permission.MERCHANTS_WRITE);
    checkTimeZone(input.timeZone);
    const organizationId = owningOrganization(actor, input.organizationId);
    const { data, risk, audited } = prepare(input);
    assertRiskChangeAllowed(actor, DEFAULT_MERCHANT_RISK, risk);
    return authChange(this.uow, this.cache, async (r) => {
      const org = await r.organizations.get(scopeOf(actor), organizationId);
      if (!org)
        throw DomainError.validation([
          { field: 'organizationId', message: 'organizationId names no organization' },
        ]);
      if (org.kind !== 'PRACTICE')
        throw DomainError.validation([
          { field: 'organizationId', message: 'only practice organizations have merchants' },
        ]);
      if (await r.merchants.merchantIdTaken(input.merchantId))
        throw DomainError.conflict(`merchantId ${input.merchantId} is already in use`);
      const merchant = await r.merchants.create(organizationId, input.merchantId, {
        ...data,
        name: input.name,
        ipAllowlist: data.ipAllowlist ?? [],
      });
      await r.audit.record(
        auditOf(actor, organizationId, 'create', 'merchants', input.merchantId, {
          merchantId: input.merchantId,
          ...audited,
        }),
      );
      return merchantView(merchant);
    });
  }

  async update(actor: Actor, merchantId: string, input: MerchantInput) {
    assertCan(actor, Permission.MERCHANTS_WRITE);
    checkTimeZone(input.timeZone);
    const { data, risk, audited } = prepare(input);
    return authChange(this.uow, this.cache, async (r) => {
      const existing = await r.merchants.getOwned(scopeOf(actor), merchantId);
      if (!existing) throw DomainError.notFound('Merchant');
      assertRiskChangeAllowed(actor, riskOf(existing), risk);
      const merchant = await r.merchants.update(scopeOf(actor), existing.id, data);
      await r.audit.record(
        auditOf(actor, existing.organizationId, 'update', 'merchants', merchantId, audited),
      );
      return merchantView(merchant);
    });
  }
}
