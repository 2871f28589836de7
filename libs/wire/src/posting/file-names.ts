import { assertIsoDate, assertMerchantId } from './batch-tally';
import { compactDate } from './text';

// Both names land in the merchant's /outbound directory: the MerchantID is checked so that it
// cannot name a file anywhere else.

/** `POSTING_<MerchantID>_<YYYYMMDD>.txt` (batch-files.md); businessDate is `YYYY-MM-DD`. */
export function postingFileName(merchantId: string, businessDate: string): string {
  assertMerchantId(merchantId);
  assertIsoDate(businessDate, 'businessDate');
  return `POSTING_${merchantId}_${compactDate(businessDate)}.txt`;
}

/** `ERA_<MerchantID>_<YYYYMMDD>.835`: the same content as an X12 835. */
export function eraFileName(merchantId: string, businessDate: string): string {
  assertMerchantId(merchantId);
  assertIsoDate(businessDate, 'businessDate');
  return `ERA_${merchantId}_${compactDate(businessDate)}.835`;
}
