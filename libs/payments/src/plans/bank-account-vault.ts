import { Injectable } from '@nestjs/common';
import { DomainError } from '@conduit/domain';
import { type Repositories, UnitOfWork } from '@conduit/db';
import { DataKeys } from '../data-keys.service';
import { newId } from '../ids';

export interface BankAccount {
  routingNumber: string;
  accountNumber: string;
  accountType: string;
  holderName: string | null;
}

export type RevealedBankAccount = BankAccount & { id: string };

/**
 * Bank accounts stored for eCheck payment plans, kept like vaulted cards (decision 0006): the
 * account number is AES-256-GCM ciphertext under a data key, bound to the row's id, so a copy in
 * another row does not decrypt. Only routing number and last four are in clear.
 */
@Injectable()
export class BankAccountVault {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly dataKeys: DataKeys,
  ) {}

  async store(
    r: Repositories,
    merchant: { id: string; organizationId: string },
    a: BankAccount,
  ): Promise<string> {
    const key = await this.dataKeys.current(r);
    const id = newId();
    await r.atMerchant(merchant).paymentPlans.insertBankAccount({
      id,
      dataKeyId: key.id,
      accountCiphertext: this.dataKeys.encrypt(key, a.accountNumber, `ba:${id}`) as Uint8Array<ArrayBuffer>,
      routingNumber: a.routingNumber,
      accountLast4: a.accountNumber.slice(-4),
      accountType: a.accountType,
      accountHolderName: a.holderName,
    });
    return id;
  }

  async revealMany(
    merchant: { id: string; organizationId: string },
    ids: string[],
  ): Promise<Map<string, RevealedBankAccount>> {
    const rows = await this.uow.read.atMerchant(merchant).paymentPlans.bankAccounts(ids);
    return new Map(
      rows.map((b) => [
        b.id,
        {
          id: b.id,
          routingNumber: b.routingNumber,
          accountNumber: this.dataKeys.decrypt(b.dataKey, b.accountCiphertext, `ba:${b.id}`),
          accountType: b.accountType,
          holderName: b.accountHolderName,
        },
      ]),
    );
  }

  async reveal(merchant: { id: string; organizationId: string }, id: string): Promise<RevealedBankAccount> {
    const found = (await this.revealMany(merchant, [id])).get(id);
    if (!found) throw DomainError.notFound('Payment method');
    return found;
  }
}
