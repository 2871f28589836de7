/** Transactions as the admin API answers them; aliases of the generated types (./types.ts). */
import type { components } from './generated/admin-api';

type S = components['schemas'];

export type TransactionStatus = S['TransactionStatus'];

/** A delivery as the transaction record lists it (docs/webhooks.md). */
export type WebhookDelivery = S['TransactionDelivery'];

/**
 * The chip (EMV) receipt fields (contracts A), written from the contract until the admin OpenAPI
 * document describes them.
 */
export interface EmvReceipt {
  isEmvTransaction?: boolean | null;
  isEmvVerifiedByPin?: boolean | null;
  emvApplicationLabel?: string | null;
  emvApplicationId?: string | null;
  emvTvr?: string | null;
  emvTsi?: string | null;
  emvCryptogramType?: string | null;
  emvIssuerResponse?: string | null;
}

/** A scanned check's side; `url` answers its bytes (each read is audited). */
export type CheckImage = S['CheckImage'];

/**
 * A console transaction record: flat and display-only. The list answers `Transaction`; the show
 * page (`GET /transactions/:id`) adds the secondary transactions, deliveries and check images.
 */
export type Transaction = S['Transaction'] &
  EmvReceipt &
  Partial<Pick<S['TransactionDetail'], 'secondaryTransactions' | 'deliveries' | 'checkImages'>>;
