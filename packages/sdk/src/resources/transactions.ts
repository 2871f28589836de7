import { pagedList, type PagedList } from '../pages.js';
import type { RestClient } from '../rest.js';
import type { RequestOptions } from '../transport.js';
import type { Transaction, TransactionDetail, TransactionListQuery, TransactionPage } from '../types.js';

export class Transactions {
  constructor(private readonly rest: RestClient) {}

  /** One transaction with its secondary transactions and its webhook workflow status. */
  get(transactionId: string, options?: RequestOptions): Promise<TransactionDetail> {
    return this.rest.get(`rest/payment/transaction/${encodeURIComponent(transactionId)}`, {}, options);
  }

  /** Newest first; `for await (const t of conduit.transactions.list({ ... }))` walks every page. */
  list(query: TransactionListQuery = {}, options?: RequestOptions): PagedList<Transaction, TransactionPage> {
    return pagedList(
      (cursor) =>
        this.rest.get<TransactionPage>('rest/payment/transactions', { ...query, Cursor: cursor }, options),
      (page) => page.Transactions,
    );
  }
}
