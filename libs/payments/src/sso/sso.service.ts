import { Inject, Injectable } from '@nestjs/common';
import { CONDUIT_CONFIG, type ConduitConfig } from '@conduit/config';
import {
  assertWithinLimit,
  type CredentialPrincipal,
  DomainError,
  organizationScope,
  type PaymentPrincipal,
  planClock,
} from '@conduit/domain';
import { randomToken, sha256Hex } from '@conduit/crypto';
import { SSO_ABANDONED_CLAIM_MS, type SsoTokenRow, UnitOfWork } from '@conduit/db';
import { CredentialAuthService } from '@conduit/tenancy';
import { newId } from '../ids';
import { resolveContext } from '../payment-context';
import { StatusCache } from './status-cache';
import { parseSsoInput, type SsoCreateInput, wantsPlan } from './sso-input';
import type { SsoPlanTerms } from './sso-plan-terms';
import { parseOutlet } from '../commands/parse-payment-command';

export type SsoStatus = 'NEW' | 'COMPLETE' | 'EXPIRED';

/**
 * The status a token has now: a NEW token past its expiry reads as EXPIRED even before the job
 * runs, unless a submission holds it (then it completes or is released) — or held it so long ago
 * that it was abandoned.
 */
export function statusOf(
  t: Pick<SsoTokenRow, 'status' | 'expiresAt' | 'claimedAt'>,
  now = new Date(),
): SsoStatus {
  const held = t.claimedAt !== null && now.getTime() - t.claimedAt.getTime() < SSO_ABANDONED_CLAIM_MS;
  if (t.status === 'NEW' && !held && t.expiresAt <= now) return 'EXPIRED';
  return t.status;
}

export const SSO_PAGE_PATH = '/providers/Form/PatientPayments/NewPaymentSimpleSSO';
export const SSO_PLAN_PAGE_PATH = '/providers/Form/PatientPayments/NewPaymentPlanSimpleSSO';
export const SSO_PLAN_METHOD_PAGE_PATH = '/providers/Form/PatientPayments/UpdatePaymentPlanSimpleSSO';

/** The page a token opens, by its action. */
export function pagePathOf(action: string): string {
  if (action === 'PaymentPlan') return SSO_PLAN_PAGE_PATH;
  if (action === 'UpdatePlanMethod') return SSO_PLAN_METHOD_PAGE_PATH;
  return SSO_PAGE_PATH;
}

/** A token row's plan terms (the jsonb column), typed. */
export const planTermsOf = (t: Pick<SsoTokenRow, 'planTerms'>) =>
  (t.planTerms ?? null) as SsoPlanTerms | null;

/** Single sign-on tokens: creation (NVP and REST), status polling, lookup for the hosted page. */
/** How long a polled token row is reused (per api process). */
export const STATUS_CACHE_MS = 1000;

@Injectable()
export class SsoService {
  private readonly recent = new StatusCache<SsoTokenRow>(STATUS_CACHE_MS);

  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: CredentialAuthService,
    @Inject(CONDUIT_CONFIG) private readonly config: ConduitConfig,
  ) {}

  async create(
    principal: PaymentPrincipal,
    input: SsoCreateInput,
    channel: 'NVP' | 'REST' | 'CONSOLE',
    replacing?: { paymentPlanId: string },
  ) {
    // A plan's terms are checked against the merchant's local date and limit, so the outlet is
    // resolved first for those; other tokens keep their order (field errors before the outlet).
    let options: ReturnType<typeof parseSsoInput>;
    let ctx: Awaited<ReturnType<typeof resolveContext>>;
    if (wantsPlan(input) && !replacing) {
      ctx = await resolveContext(this.access, principal, parseOutlet(input));
      options = parseSsoInput(input, {
        today: planClock(ctx.merchant).today,
        maxTransactionCents: Number(ctx.merchant.maxTransactionCents),
      });
    } else {
      options = parseSsoInput(replacing ? { ...input, transactionAction: 'SaveOnFile' } : input);
      ctx = await resolveContext(this.access, principal, parseOutlet(input));
    }
    if (replacing) {
      options.action = 'UpdatePlanMethod';
      options.planTerms = { kind: 'replace', paymentPlanId: replacing.paymentPlanId };
    }
    if (ctx.merchant.status !== 'ACTIVE') throw DomainError.forbidden('This merchant is suspended');
    // Refused now rather than when the patient submits the page (decision 0020).
    if (options.amountCents !== null)
      assertWithinLimit(Number(options.amountCents), Number(ctx.merchant.maxTransactionCents));
    const token = randomToken(32);
    const { responseActionType, planTerms, ...stored } = options;
    const row = await this.uow.read.forScope(ctx.scope).ssoTokens.create({
      id: newId(),
      tokenHash: sha256Hex(token),
      organizationId: ctx.merchant.organizationId,
      merchantRef: ctx.merchant.id,
      outletRef: ctx.outlet.id,
      storeId: ctx.outlet.storeId,
      terminalId: ctx.outlet.terminalId,
      credentialId: principal.credentialId,
      createdByUserId: principal.kind === 'STAFF' ? principal.userId : null,
      credentialIdentifier: principal.identifier,
      creatorIp: principal.ip,
      channel,
      ...stored,
      ...(planTerms ? { planTerms: planTerms as never } : {}),
      expiresAt: new Date(Date.now() + this.config.ssoTokenTtlMs),
    });
    const path = pagePathOf(options.action);
    return {
      id: row.id,
      token,
      pageUrl: `${this.config.publicBaseUrl}${path}?token=${token}`,
      expiresAt: row.expiresAt,
      responseActionType,
    };
  }

  /** Polling: NEW, COMPLETE or EXPIRED; another tenant's (or no) token is a 404. */
  async status(
    principal: CredentialPrincipal,
    token: unknown,
  ): Promise<{ status: SsoStatus; row: SsoTokenRow }> {
    const row = await this.find(principal, token);
    const status = statusOf(row);
    if (status === 'EXPIRED' && row.status === 'NEW') await this.uow.read.ssoTokens.expireDue();
    return { status, row };
  }

  async find(principal: CredentialPrincipal, token: unknown): Promise<SsoTokenRow> {
    if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{32,128}$/.test(token))
      throw DomainError.notFound('Single sign-on token');
    const [reach, row] = await Promise.all([
      this.access.reach(principal),
      this.cached(principal.organizationId, sha256Hex(token)),
    ]);
    // The row is cached per organization; the principal's narrowing (restriction, merchants'
    // allowlists) is applied to it on every read.
    if (!row || !reach.mayRead(row.merchantRef)) throw DomainError.notFound('Single sign-on token');
    return row;
  }

  /**
   * Polling reads (sso-and-polling.md §5: "cacheable"): a row is reused for STATUS_CACHE_MS in
   * this process (then refreshed by one read), so a completed payment shows within about that
   * time; expiry is computed at each read.
   */
  private cached(organizationId: string, hash: string): Promise<SsoTokenRow | null> {
    return this.recent.get(`${organizationId}:${hash}`, () =>
      this.uow.read.forScope(organizationScope(organizationId)).ssoTokens.byHash(hash),
    );
  }

  /** Forgets a polled row in this process (its page just completed). */
  forget(organizationId: string, hash: string) {
    this.recent.forget(`${organizationId}:${hash}`);
  }

  /** The hosted page's lookup: the token is its own credential. */
  async forPage(token: unknown): Promise<SsoTokenRow | null> {
    if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{32,128}$/.test(token)) return null;
    return this.uow.read.ssoTokens.byHash(sha256Hex(token));
  }
}
