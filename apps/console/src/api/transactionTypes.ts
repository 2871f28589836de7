/** Transactions as the admin API answers them; aliases of the generated types (./types.ts). */
import type { components } from './generated/admin-api';

type S = components['schemas'];

export type TransactionStatus = S['TransactionStatus'];

/** A delivery as the transaction record lists it (docs/webhooks.md). */
export type WebhookDelivery = S['TransactionDelivery'];

/** A scanned check's side; `url` answers its bytes (each read is audited). */
export type CheckImage = S['CheckImage'];

/**
 * A console transaction record: flat and display-only. The list answers `Transaction`; the show
 * page (`GET /transactions/:id`) adds the secondary transactions, deliveries and check images.
 */
export type Transaction = S['Transaction'] &
  Partial<Pick<S['TransactionDetail'], 'secondaryTransactions' | 'deliveries' | 'checkImages'>>;
