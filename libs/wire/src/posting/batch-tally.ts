import { IANAZone } from 'luxon';
import {
  type PostingBatch,
  PostingFileError,
  type PostingItem,
  type PostingItemKind,
  type PostingTender,
} from './types';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MAX_CONTROL_NUMBER = 999_999_999;
const MAX_ADDITIONAL_INFO = 6;

const TENDERS: ReadonlySet<PostingTender> = new Set(['CreditCard', 'DebitCard', 'eCheck']);

const KINDS: ReadonlySet<PostingItemKind> = new Set([
  'Sale',
  'Refund',
  'Return',
  'Chargeback',
  'ChargebackReversal',
]);

/** Kinds that take money back from the merchant: their amounts are negative, all others positive. */
const OUTGOING: ReadonlySet<PostingItemKind> = new Set(['Refund', 'Return', 'Chargeback']);

export function isOutgoing(kind: PostingItemKind): boolean {
  return OUTGOING.has(kind);
}

/** `YYYY-MM-DD` that names a real calendar day (2026-02-30 is refused). */
export function assertIsoDate(value: string, field: string): void {
  const m = ISO_DATE.exec(value);
  const ok =
    m !== null &&
    (() => {
      const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
      return d.toISOString().slice(0, 10) === value;
    })();
  if (!ok)
    throw new PostingFileError(`${field} must be a calendar date YYYY-MM-DD, got ${JSON.stringify(value)}`);
}

/**
 * MerchantIDs are 13 digits today; letters and digits up to 15 are accepted because that is what
 * fits the X12 receiver ID (ISA08) and can never name a path (`/`, `..`) in a file name.
 */
export function assertMerchantId(merchantId: string): void {
  if (!/^[0-9A-Za-z]{1,15}$/.test(merchantId))
    throw new PostingFileError('merchantId must be 1 to 15 letters or digits');
}

/** Checks what the renderers rely on, so a bad batch fails at construction, not half-way. */
export function assertBatch(batch: PostingBatch): void {
  assertMerchantId(batch.merchantId);
  if (!/^[0-9A-Fa-f]{32}$/.test(batch.settlementBatchId))
    throw new PostingFileError('settlementBatchId must be 32 hexadecimal characters');
  assertIsoDate(batch.businessDate, 'businessDate');
  assertIsoDate(batch.depositDate, 'depositDate');
  if (!IANAZone.isValidZone(batch.timeZone))
    throw new PostingFileError(`timeZone ${JSON.stringify(batch.timeZone)} is not an IANA zone`);
  if (!(batch.closedAt instanceof Date) || Number.isNaN(batch.closedAt.getTime()))
    throw new PostingFileError('closedAt must be a valid Date');
  if (!Number.isSafeInteger(batch.itemCount) || batch.itemCount < 0)
    throw new PostingFileError('itemCount must be a non-negative integer');
  if (!Number.isSafeInteger(batch.itemsNetCents))
    throw new PostingFileError('itemsNetCents must be an integer number of cents');
  if (!Number.isSafeInteger(batch.feeCents) || batch.feeCents < 0)
    throw new PostingFileError('feeCents must be a non-negative integer number of cents');
  if (
    !Number.isSafeInteger(batch.controlNumber) ||
    batch.controlNumber < 1 ||
    batch.controlNumber > MAX_CONTROL_NUMBER
  )
    throw new PostingFileError(`controlNumber must be an integer from 1 to ${MAX_CONTROL_NUMBER}`);
}

/**
 * The running count and signed sum of the items written so far: the only state a streaming
 * writer keeps, so 100,000 items cost no more memory than one. `close()` refuses a file whose
 * items disagree with the batch's own totals: such a file is never finished.
 */
export class BatchTally {
  private count = 0;
  private netCents = 0;
  private closed = false;

  constructor(private readonly batch: PostingBatch) {}

  /** Validates one item against the batch and adds it in. */
  add(item: PostingItem): void {
    if (this.closed) throw new PostingFileError('The file is already closed by its trailer');
    // One file per merchant: an item of another merchant here would leak it to the wrong practice.
    if (item.merchantId !== this.batch.merchantId)
      throw new PostingFileError(
        `Item ${item.transactionId} belongs to merchant ${item.merchantId}, not ${this.batch.merchantId}`,
      );
    if (!KINDS.has(item.kind)) throw new PostingFileError(`Unknown item kind ${JSON.stringify(item.kind)}`);
    if (!TENDERS.has(item.tender))
      throw new PostingFileError(`Unknown tender ${JSON.stringify(item.tender)}`);
    // It is what every record is traced by: it must survive the text cleaning of both formats.
    if (typeof item.transactionId !== 'string' || !/[\p{L}\p{N}]/u.test(item.transactionId))
      throw new PostingFileError('Every item needs its transactionId (letters or digits)');
    const cents = item.amountCents;
    if (!Number.isSafeInteger(cents) || cents === 0)
      throw new PostingFileError(`Item ${item.transactionId}: amountCents must be a non-zero integer`);
    if (isOutgoing(item.kind) !== cents < 0)
      throw new PostingFileError(
        `Item ${item.transactionId}: a ${item.kind} must be ${isOutgoing(item.kind) ? 'negative' : 'positive'}`,
      );
    if (!(item.transactionDate instanceof Date) || Number.isNaN(item.transactionDate.getTime()))
      throw new PostingFileError(`Item ${item.transactionId}: transactionDate must be a valid Date`);
    if (item.additionalInfo.length > MAX_ADDITIONAL_INFO)
      throw new PostingFileError(
        `Item ${item.transactionId}: at most ${MAX_ADDITIONAL_INFO} additionalInfo values, got ${item.additionalInfo.length}`,
      );
    const next = this.netCents + cents;
    if (!Number.isSafeInteger(next)) throw new PostingFileError('The net amount of the file overflows');
    this.netCents = next;
    this.count += 1;
  }

  /** The totals, once; throws unless they equal the batch's `itemCount` and `itemsNetCents`. */
  close(): { count: number; netCents: number } {
    if (this.closed) throw new PostingFileError('The trailer was already written');
    if (this.count !== this.batch.itemCount || this.netCents !== this.batch.itemsNetCents)
      throw new PostingFileError(
        `The file does not balance: ${this.count} items totalling ${this.netCents} cents were written, ` +
          `the batch has ${this.batch.itemCount} items totalling ${this.batch.itemsNetCents} cents`,
      );
    this.closed = true;
    return { count: this.count, netCents: this.netCents };
  }
}
