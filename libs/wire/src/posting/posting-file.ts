import { formatAmount } from '@conduit/domain';
import { assertBatch, BatchTally } from './batch-tally';
import { cleanText, merchantClock, type MerchantClock } from './text';
import type { PostingBatch, PostingItem, PostingItemKind } from './types';

export const POSTING_RECORD = 'IMDPA14';
export const POSTING_TRAILER = 'IMDPT14';
const CRLF = '\r\n';
const PIPE = /\|/g;

/**
 * The Action column: the file's vocabulary knows only which way money moved and why. A won
 * dispute's ChargebackReversal brings the money back to the merchant, so it posts as AuthCapt,
 * like the sale it restores; the record's own StatusCode and TransactionID still tell it apart.
 */
export const POSTING_ACTION: Readonly<Record<PostingItemKind, string>> = {
  Sale: 'AuthCapt',
  Refund: 'Credit',
  Return: 'Return',
  Chargeback: 'Chargeback',
  ChargebackReversal: 'AuthCapt',
};

const text = (value: string | null | undefined) => cleanText(value, PIPE);

/**
 * Writes `POSTING_<MerchantID>_<YYYYMMDD>.txt` (batch-files.md) one record at a time: the caller
 * streams the batch's settled items through `record()` and ends with `trailer()`. Only the
 * running count and net are kept, and the trailer refuses a file that does not balance.
 */
export class PostingFileWriter {
  private readonly tally: BatchTally;
  private readonly clock: MerchantClock;

  constructor(batch: PostingBatch) {
    assertBatch(batch);
    this.tally = new BatchTally(batch);
    this.clock = merchantClock(batch.timeZone);
  }

  /** One `IMDPA14|…` line, CRLF-terminated, fields in batch-files.md's order. */
  record(item: PostingItem): string {
    this.tally.add(item);
    const action = POSTING_ACTION[item.kind];
    const info = Array.from({ length: 6 }, (_, i) => text(item.additionalInfo[i]));
    const fields = [
      POSTING_RECORD,
      text(item.merchantId),
      text(item.storeId),
      text(item.terminalId),
      text(item.tender),
      action,
      // The Action carries the direction; the Amount column is always positive.
      formatAmount(Math.abs(item.amountCents)),
      text(item.cardType),
      text(item.transactionId),
      text(item.authorizationNumber),
      // CCYYMMDDHHMMSS on the merchant's wall clock, as its staff saw the payment.
      this.clock(item.transactionDate, 'yyyyLLddHHmmss'),
      text(item.statusCode),
      text(item.patientId),
      text(item.patientFirstName),
      text(item.patientLastName),
      ...info,
      text(item.responseCode),
      text(item.responseMessage),
    ];
    return fields.join('|') + CRLF;
  }

  /** `IMDPT14|<record count>|<signed net>`; throws if the records disagree with the batch. */
  trailer(): string {
    const { count, netCents } = this.tally.close();
    return [POSTING_TRAILER, String(count), formatAmount(netCents)].join('|') + CRLF;
  }
}
