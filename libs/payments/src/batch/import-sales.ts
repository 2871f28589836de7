import { Injectable } from '@nestjs/common';
import { type BatchPrincipal, DomainError } from '@conduit/domain';
import type { PageCharge } from '@conduit/db';
import type { ImportCommand } from '@conduit/wire';
import { CredentialAuthService } from '@conduit/tenancy';
import { parseCardCommand, parseOutlet } from '../commands/parse-payment-command';
import { fromWireId } from '../ids';
import { type PaymentContext, resolveContext, type TransactionWrite } from '../payment-context';
import { PrimaryPayments } from '../primary-payments';
import type { TransactionView } from '../transaction-view';
import { type RevealedCard, VaultService } from '../vault.service';
import { paymentInputOf } from './import-record';

/** Processor calls of a page in flight at once (the sandbox answers in memory; a network would not). */
const PROCESSOR_CONCURRENCY = 64;

export interface PageSale {
  line: number;
  command: ImportCommand;
  /** The account's merchant the record names (checked by the caller). */
  merchant: { id: string; organizationId: string };
}

/** A Sale's outcome before anything is written: a charge to write, or the core's refusal. */
export type SaleOutcome =
  | { line: number; command: ImportCommand; charge: PageCharge; view: TransactionView }
  | { line: number; command: ImportCommand; refused: DomainError };

/**
 * The Sale records of an import page through the same rules as `PaymentsService.execute`
 * (merchant and outlet of the principal's reach, merchant status, the per-transaction limit, the
 * stored card of that merchant only, the processor's answer): the very same code
 * (`resolveContext`, `PrimaryPayments.card`), but with the page's stored cards read in one query
 * per merchant, its merchant/outlet resolved once per distinct value, and its rows kept in memory
 * so the caller writes them all in one database transaction (docs/batch-import.md).
 */
@Injectable()
export class ImportSales {
  constructor(
    private readonly access: CredentialAuthService,
    private readonly primary: PrimaryPayments,
    private readonly vault: VaultService,
  ) {}

  async charge(principal: BatchPrincipal, sales: PageSale[]): Promise<SaleOutcome[]> {
    const cards = await this.cardsOf(sales);
    const contexts = new Map<string, Promise<PaymentContext>>();
    const contextOf = (c: ImportCommand) => {
      const key = `${c.merchantId}|${c.storeId}|${c.terminalId}`;
      let found = contexts.get(key);
      if (!found) {
        found = Promise.resolve().then(() => resolveContext(this.access, principal, parseOutlet(c)));
        found.catch(() => undefined); // each record awaits it (and reports its refusal) itself
        contexts.set(key, found);
      }
      return found;
    };
    const out: SaleOutcome[] = new Array(sales.length);
    let next = 0;
    const lane = async () => {
      for (let i = next++; i < sales.length; i = next++) {
        const { line, command } = sales[i];
        try {
          // As PaymentsService.execute runs a card Sale.
          const sale = parseCardCommand(paymentInputOf(command));
          const ctx = await contextOf(command);
          let write: TransactionWrite | undefined;
          const result = await this.primary.card(ctx, sale, {
            cards,
            add: (w) => (write = w),
          });
          if (!write) throw new Error('The card payment wrote nothing');
          out[i] = {
            line,
            command,
            charge: { row: write.row, event: write.event },
            view: result.transaction,
          };
        } catch (err) {
          if (!(err instanceof DomainError)) throw err;
          out[i] = { line, command, refused: err };
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(PROCESSOR_CONCURRENCY, sales.length) }, lane));
    return out;
  }

  /**
   * The page's stored cards, one query per merchant, answered like `VaultService.reveal`: a card
   * is found only at the merchant that saved it; anything else is `Payment method not found`.
   */
  private async cardsOf(sales: PageSale[]): Promise<Pick<VaultService, 'reveal'>> {
    const wanted = new Map<string, { merchant: PageSale['merchant']; ids: Set<string> }>();
    for (const s of sales) {
      let id: string;
      try {
        id = fromWireId(s.command.paymentMethodId, 'Payment method');
      } catch {
        continue; // resolveCard reports it for the record
      }
      const w = wanted.get(s.merchant.id) ?? { merchant: s.merchant, ids: new Set<string>() };
      w.ids.add(id);
      wanted.set(s.merchant.id, w);
    }
    const found = new Map<string, Map<string, RevealedCard>>();
    for (const [ref, w] of wanted) found.set(ref, await this.vault.revealMany(w.merchant, [...w.ids]));
    return {
      reveal: (merchant, id) => {
        const card = found.get(merchant.id)?.get(id);
        return card ? Promise.resolve(card) : Promise.reject(DomainError.notFound('Payment method'));
      },
    };
  }
}
