import { Injectable } from '@nestjs/common';
import { type Actor, assertCan, Permission } from '@conduit/domain';
import { CredentialAuthService } from '@conduit/tenancy';
import { SsoService } from './sso.service';

/** What staff choose in the console's "Take a payment" form. */
export interface TakePaymentInput {
  merchantId: string;
  storeId: string;
  terminalId: string;
  transactionAction?: 'Sale' | 'SaveOnFile';
  amount?: string;
  isReadOnly?: boolean;
  patientId?: string;
  patientFirstName?: string;
  patientLastName?: string;
  preventCheck?: boolean;
  preventCard?: boolean;
}

/**
 * The console's "Take a payment" (decision 0011): a practice administrator opens a single-use
 * hosted page to key a patient's card or bank account. The token records the user instead of an
 * API credential; the page is checked against that user again when it is submitted. No return or
 * cancel URL: the page ends on its receipt, in the tab the console opened.
 */
@Injectable()
export class TakePaymentService {
  constructor(
    private readonly sso: SsoService,
    private readonly access: CredentialAuthService,
  ) {}

  async create(actor: Actor, input: TakePaymentInput) {
    assertCan(actor, Permission.PAYMENTS_TAKE);
    const principal = await this.access.staffPrincipal(actor.userId, actor.organizationId, actor.ip);
    const created = await this.sso.create(
      principal,
      {
        merchantId: input.merchantId,
        storeId: input.storeId,
        terminalId: input.terminalId,
        transactionAction: input.transactionAction ?? 'Sale',
        amount: input.amount,
        isReadOnly: input.isReadOnly,
        patientId: input.patientId,
        patientFirstName: input.patientFirstName,
        patientLastName: input.patientLastName,
        preventCheck: input.preventCheck,
        preventCard: input.preventCard,
      },
      'CONSOLE',
    );
    return { id: created.id, pageUrl: created.pageUrl, expiresAt: created.expiresAt };
  }
}
