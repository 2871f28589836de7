import { planClock } from '@conduit/domain';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { inject } from 'vitest';
import { RedisLoginThrottle } from '@conduit/auth';
import type { CredentialPrincipal } from '@conduit/domain';
import { createPrismaClient, type DbClient, UnitOfWork } from '@conduit/db';
import { BankAccountVault, DataKeys, PaymentPlansService, toWireId, VaultService } from '@conduit/payments';
import { SandboxProcessor } from '@conduit/processor';
import { CredentialAuthService } from '@conduit/tenancy';
import { PrimaryPayments } from '../../libs/payments/src/primary-payments';
import { DEMO } from './client';
import { FUTURE } from './payments-client';

/**
 * The vault master keys test/setup/apps.global.ts starts the api with: plans made here store
 * their cards so that the api and worker can charge them.
 */
const E2E_VAULT_MASTER_KEYS = `1:${Buffer.alloc(32, 7).toString('base64')}`;

/**
 * Creates plans on the running platform's database through the payments core, for the admin
 * API and console tests. (The REST and NVP plan endpoints are another part of issue 13; once
 * they are on main these tests can create plans over `POST /rest/payment/paymentplan`.)
 */
export class PlanMaker {
  private constructor(
    readonly db: DbClient,
    private readonly uow: UnitOfWork,
    private readonly redis: Redis,
    private readonly plans: PaymentPlansService,
    private readonly vault: VaultService,
    private readonly principal: CredentialPrincipal,
  ) {}

  static async open(): Promise<PlanMaker> {
    const db = createPrismaClient(inject('databaseUrl'), 2);
    const uow = new UnitOfWork(db);
    const redis = new Redis(inject('redisUrl'), { maxRetriesPerRequest: null });
    const access = new CredentialAuthService(
      uow,
      new RedisLoginThrottle(redis, {
        maxFailuresPerAccountAddress: 5,
        maxFailuresPerIp: 1000,
        lockoutSeconds: 30,
        slowdownAfter: 100,
      }),
    );
    const dataKeys = new DataKeys({ vaultMasterKeys: E2E_VAULT_MASTER_KEYS } as never);
    const vault = new VaultService(uow, dataKeys);
    const primary = new PrimaryPayments(uow, vault, new SandboxProcessor());
    const plans = new PaymentPlansService(uow, access, primary, vault, new BankAccountVault(uow, dataKeys));
    const { identifier, password } = DEMO.lakeside.account;
    const principal = await access.authenticate('ACCOUNT', identifier, password, null);
    return new PlanMaker(db, uow, redis, plans, vault, principal);
  }

  async close() {
    await this.db.$disconnect();
    await this.redis.quit();
  }

  /** A monthly installment plan at Lakeside starting today, on a good Visa: its PaymentPlanID. */
  async installment(total: string, count: number, patientId = `P-${randomUUID().slice(0, 8)}`) {
    const m = await this.db.merchant.findUniqueOrThrow({ where: { merchantId: DEMO.lakeside.merchantId } });
    const made = await this.plans.create(this.principal, {
      channel: 'REST',
      merchantId: DEMO.lakeside.merchantId,
      storeId: DEMO.lakeside.outlet.storeId,
      terminalId: DEMO.lakeside.outlet.terminalId,
      paymentPlanType: 'Installment',
      totalAmount: total,
      installmentCount: String(count),
      frequency: 'Monthly',
      startDate: planClock(m).today,
      card: { cardNumber: '4111111111111111', cardExpiration: FUTURE, cardHolderName: 'Rosa Diaz' },
      patient: { patientId, firstName: 'Rosa', lastName: 'Diaz' },
    });
    if (!made.detail) throw new Error(`plan refused: ${JSON.stringify(made.declined)}`);
    return { id: made.detail.plan.paymentPlanId, patientId };
  }

  /**
   * Puts the sandbox's insufficient-funds card (051) on a plan. Its $0 verification declines, so
   * it cannot be saved over the API: it is vaulted directly, then set as the plan's method.
   */
  async switchToDecliningCard(planId: string) {
    const m = await this.db.merchant.findUniqueOrThrow({ where: { merchantId: DEMO.lakeside.merchantId } });
    const pm = await this.uow.run((r) =>
      this.vault.store(r, m, {
        pan: '4000000000009995',
        brand: 'VISA',
        bin: '400000',
        last4: '9995',
        expMonth: 12,
        expYear: new Date().getUTCFullYear() + 3,
        holderName: 'Rosa Diaz',
        paymentCardType: 'CREDIT',
      }),
    );
    await this.plans.update(this.principal, planId, { channel: 'REST', paymentMethodId: toWireId(pm) });
  }
}
