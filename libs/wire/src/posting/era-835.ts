import { formatAmount } from '@conduit/domain';
import { assertBatch, BatchTally, isOutgoing } from './batch-tally';
import { cleanText, compactDate, merchantClock, type MerchantClock } from './text';
import { type PostingBatch, PostingFileError, type PostingItem } from './types';

/** Separators of every 835 we write; the ISA announces them (ISA11 repetition, ISA16 component). */
export const ERA_DELIMITERS = { element: '*', segment: '~', component: ':', repetition: '^' } as const;
const IMPLEMENTATION = '005010X221A1';
const ISA_LENGTH = 106;
const SEPARATORS = /[*~:^]/g;

export interface Era835Options {
  /** ISA06 / GS02: Conduit's interchange sender ID (default `CONDUITHC`, as in the EDI 271s). */
  senderId?: string;
  /** N102 of the payer loop (default `CONDUIT`). */
  payerName?: string;
  /**
   * TRN03: the TR3 asks for `1` followed by the payer's EIN (10 characters). The batch does not
   * carry Conduit's EIN, so the default is a placeholder of the right shape; production should
   * configure the real one.
   */
  payerIdentifier?: string;
  /** ISA15: `P` production (default) or `T` test, e.g. for sandbox merchants. */
  usage?: 'P' | 'T';
}

/**
 * X12 decimal (R): the sign, and no trailing zeros after the point, as the X12 standard asks of
 * R elements: -2500 → `-25`, 1250 → `12.5`, 1234 → `12.34`, 0 → `0`.
 */
export function x12Amount(cents: number): string {
  return formatAmount(cents).replace(/\.?0+$/, '');
}

const text = (value: string | null | undefined, maxLength: number) => cleanText(value, SEPARATORS, maxLength);

/** One segment; trailing empty elements are dropped, as X12 requires. */
function segment(...elements: string[]): string {
  let end = elements.length;
  while (end > 1 && elements[end - 1] === '') end -= 1;
  return elements.slice(0, end).join(ERA_DELIMITERS.element) + ERA_DELIMITERS.segment;
}

/**
 * Writes `ERA_<MerchantID>_<YYYYMMDD>.835`, the posting file's content as an X12 835
 * (005010X221A1): `header()`, then `claim()` per settled item as it streams by, then `trailer()`.
 * Like PostingFileWriter it keeps only counters, and its trailer refuses a batch that does not
 * balance, so what it finishes always satisfies BPR02 = Σ CLP04 − Σ PLB amounts.
 *
 * Segment choices (docs/settlement.md "Posting files"):
 * - every item is one claim: LX (its own header number), CLP, NM1*QC, REF*BB when there is an
 *   authorization number, DTM*050 (the date the payment was taken, merchant-local);
 * - CLP02 `1` (processed as primary) for money to the merchant: sales and chargeback reversals;
 *   `22` (reversal of previous payment) for refunds, returns and chargebacks, with negative
 *   CLP03/CLP04 as the TR3 prescribes for reversals;
 * - CLP03 (charge) = CLP04 (payment): a card or eCheck payment is paid as charged, so the claim
 *   balances with no CAS segment (a CAS of zero would only be noise to the posting system);
 * - fees are a provider-level adjustment, PLB `CS` (adjustment) referencing the batch;
 * - a negative net is carried forward with PLB `FB` (forwarding balance), see trailer().
 */
export class Era835Writer {
  private readonly tally: BatchTally;
  private readonly clock: MerchantClock;
  private readonly opts: Required<Era835Options>;
  private state: 'new' | 'open' | 'closed' = 'new';
  /** Segments from ST on, for SE01. */
  private segments = 0;
  private claims = 0;

  constructor(
    private readonly batch: PostingBatch,
    options: Era835Options = {},
  ) {
    assertBatch(batch);
    this.tally = new BatchTally(batch);
    this.clock = merchantClock(batch.timeZone);
    this.opts = {
      senderId: options.senderId ?? 'CONDUITHC',
      payerName: options.payerName ?? 'CONDUIT',
      payerIdentifier: options.payerIdentifier ?? '1CONDUITHC',
      usage: options.usage ?? 'P',
    };
    if (!/^[0-9A-Z]{1,15}$/.test(this.opts.senderId))
      throw new PostingFileError('senderId must be 1 to 15 upper-case letters or digits');
    if (!/^1[0-9A-Z]{9}$/.test(this.opts.payerIdentifier))
      throw new PostingFileError('payerIdentifier must be 1 followed by 9 letters or digits');
  }

  /** ISA, GS, ST … N1*PE: everything before the first claim. */
  header(): string {
    if (this.state !== 'new') throw new PostingFileError('The 835 header was already written');
    this.state = 'open';
    const b = this.batch;
    const { senderId, usage } = this.opts;
    const paid = b.itemsNetCents - b.feeCents;
    const isa = segment(
      'ISA',
      '00',
      ' '.repeat(10),
      '00',
      ' '.repeat(10),
      'ZZ',
      senderId.padEnd(15),
      'ZZ',
      b.merchantId.padEnd(15),
      this.clock(b.closedAt, 'yyLLdd'),
      this.clock(b.closedAt, 'HHmm'),
      ERA_DELIMITERS.repetition,
      '00501',
      this.isa13(),
      '0',
      usage,
      ERA_DELIMITERS.component,
    );
    // The fixed width is what lets a reader find the separators at all; never emit a wrong one.
    if (isa.length !== ISA_LENGTH) throw new PostingFileError(`ISA is ${isa.length} characters, not 106`);
    const gs = segment(
      'GS',
      'HP',
      senderId,
      b.merchantId,
      this.clock(b.closedAt, 'yyyyLLdd'),
      this.clock(b.closedAt, 'HHmm'),
      String(b.controlNumber),
      'X',
      IMPLEMENTATION,
    );
    return (
      isa +
      gs +
      this.counted(
        segment('ST', '835', this.st02(), IMPLEMENTATION),
        this.bpr(paid),
        // The trace number ties the remittance to the deposit: the settlement batch it pays.
        segment('TRN', '1', b.settlementBatchId.toUpperCase(), this.opts.payerIdentifier),
        segment('DTM', '405', compactDate(b.businessDate)),
        segment('N1', 'PR', text(this.opts.payerName, 60)),
        // The TR3 lists FI (TIN), XV (plan ID) and XX (NPI) for N103; a batch knows none of them,
        // so the MerchantID goes as ZZ (mutually defined): what the practice's system matches on.
        segment('N1', 'PE', text(b.merchantName, 60) || b.merchantId, 'ZZ', b.merchantId),
      )
    );
  }

  /** LX, CLP, NM1*QC, REF*BB?, DTM*050 for one settled item. */
  claim(item: PostingItem): string {
    if (this.state !== 'open')
      throw new PostingFileError(this.state === 'new' ? 'Write the header first' : 'The 835 is closed');
    this.tally.add(item);
    this.claims += 1;
    const amount = x12Amount(item.amountCents);
    const transactionId = text(item.transactionId, 50);
    const authorization = text(item.authorizationNumber, 50);
    return this.counted(
      segment('LX', String(this.claims)),
      segment(
        'CLP',
        // Patient control number: the practice's patient ID when it has one, else the transaction.
        text(item.patientId, 38) || transactionId.slice(0, 38),
        isOutgoing(item.kind) ? '22' : '1',
        amount,
        amount,
        '',
        // ZZ (mutually defined): a patient's own payment was never filed with an insurer.
        'ZZ',
        transactionId,
      ),
      // NM1*QC is required in every claim; the names go in when the payment carried them.
      segment('NM1', 'QC', '1', text(item.patientLastName, 60), text(item.patientFirstName, 35)),
      ...(authorization ? [segment('REF', 'BB', authorization)] : []),
      segment('DTM', '050', this.clock(item.transactionDate, 'yyyyLLdd')),
    );
  }

  /**
   * PLB (when there is anything to adjust), SE, GE, IEA. Throws if the claims disagree with the
   * batch's totals: the BPR written in the header promised exactly those.
   */
  trailer(): string {
    if (this.state !== 'open')
      throw new PostingFileError(this.state === 'new' ? 'Write the header first' : 'The 835 is closed');
    const { netCents } = this.tally.close();
    this.state = 'closed';
    const b = this.batch;
    const paid = netCents - b.feeCents;
    const reference = b.settlementBatchId.toUpperCase();
    const adjustments: string[] = [];
    // A positive PLB amount reduces the payment: the fees the processor kept.
    if (b.feeCents > 0) adjustments.push(`CS${ERA_DELIMITERS.component}${reference}`, x12Amount(b.feeCents));
    // BPR02 cannot be negative: when refunds, returns, chargebacks and fees exceed the sales, the
    // header said 0 (BPR01 H) and the shortfall is carried to a later remittance as a negative
    // forwarding balance, which brings Σ CLP04 − Σ PLB to exactly 0. The recovering 835 reports
    // the same FB (and reference) with a positive amount.
    if (paid < 0) adjustments.push(`FB${ERA_DELIMITERS.component}${reference}`, x12Amount(paid));
    // PLB02: the TR3 asks for the last day of the provider's fiscal year, Dec 31 when unknown.
    const plb = adjustments.length
      ? [segment('PLB', b.merchantId, `${b.businessDate.slice(0, 4)}1231`, ...adjustments)]
      : [];
    const body = this.counted(...plb);
    this.segments += 1; // SE counts itself
    return (
      body +
      segment('SE', String(this.segments), this.st02()) +
      segment('GE', '1', String(b.controlNumber)) +
      segment('IEA', '1', this.isa13())
    );
  }

  /**
   * BPR01 I (remittance information only): the money moves separately, as the processor's
   * deposit on BPR16's date. The deposit's bank accounts are the processor's and not in the
   * batch, so BPR05–BPR15 stay empty. Nothing to pay (0 or less): H (notification only), BPR02 0
   * and payment method NON, the combination the X12 guide prescribes when no money moves.
   */
  private bpr(paid: number): string {
    const [handling, amount, method] = paid > 0 ? ['I', x12Amount(paid), 'ACH'] : ['H', '0', 'NON'];
    const empty = Array.from({ length: 11 }, () => '');
    return segment('BPR', handling, amount, 'C', method, ...empty, compactDate(this.batch.depositDate));
  }

  private counted(...segments: string[]): string {
    this.segments += segments.length;
    return segments.join('');
  }

  private isa13(): string {
    return String(this.batch.controlNumber).padStart(9, '0');
  }

  private st02(): string {
    return String(this.batch.controlNumber).padStart(4, '0');
  }
}
