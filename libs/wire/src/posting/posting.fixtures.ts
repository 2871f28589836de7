import type { PostingBatch, PostingItem } from './types';

/** Test data for the posting renderers: one item, and a batch whose totals match given items. */

export function postingItem(overrides: Partial<PostingItem> = {}): PostingItem {
  return {
    merchantId: '1000000000001',
    storeId: 'STORE1',
    terminalId: 'TERM1',
    tender: 'CreditCard',
    kind: 'Sale',
    amountCents: 12_34,
    cardType: 'VISA',
    transactionId: 'T0000000001',
    authorizationNumber: 'A12345',
    transactionDate: new Date('2026-11-24T15:04:05Z'),
    statusCode: 'S',
    patientId: 'P-1001',
    patientFirstName: 'Ada',
    patientLastName: 'Lovelace',
    additionalInfo: ['info1', 'info2'],
    responseCode: '000',
    responseMessage: 'Approved',
    ...overrides,
  };
}

export function postingBatch(items: PostingItem[], overrides: Partial<PostingBatch> = {}): PostingBatch {
  return {
    merchantId: '1000000000001',
    merchantName: 'Lakeside Clinic',
    settlementBatchId: '0123456789ABCDEF0123456789ABCDEF',
    businessDate: '2026-11-24',
    timeZone: 'America/New_York',
    closedAt: new Date('2026-11-25T01:00:00Z'),
    itemCount: items.length,
    itemsNetCents: items.reduce((sum, i) => sum + i.amountCents, 0),
    feeCents: 0,
    depositDate: '2026-11-25',
    controlNumber: 42,
    ...overrides,
  };
}
