/** Admin API shapes for settlement, reconciliation, disputes and posting files (docs/settlement.md). */
export type SettlementStatus = 'OPEN' | 'SUBMITTED' | 'SETTLED' | 'PARTIALLY_SETTLED' | 'DEPOSITED';
export type DepositStatus = 'EXPECTED' | 'DEPOSITED';

/** Counts and amounts per kind of item; money in integer cents. */
export interface SettlementFigures {
  saleCount: number;
  saleCents: number;
  refundCount: number;
  refundCents: number;
  returnCount: number;
  returnCents: number;
  chargebackCount: number;
  chargebackCents: number;
  reversalCount: number;
  reversalCents: number;
  feeCents: number;
  netCents: number;
}

/** One tender and card brand of a batch (eCheck rows have no brand). */
export interface SettlementBreakdownRow extends SettlementFigures {
  tender: string;
  brand: string | null;
}

export interface Settlement extends SettlementFigures {
  id: string;
  /** 32 upper-case hex. */
  settlementBatchId: string;
  merchantId: string;
  merchantName: string;
  organizationId: string;
  timeZone: string;
  /** The merchant-local date of the cut-off, YYYY-MM-DD. */
  businessDate: string;
  status: SettlementStatus;
  cutoffAt: string;
  closedAt: string | null;
  itemCount: number;
  errorCount: number;
  grossCents: number;
  depositCents: number;
  /** YYYY-MM-DD. */
  depositDate: string | null;
  depositStatus: DepositStatus;
  breakdown: SettlementBreakdownRow[];
}

export type SettlementItemKind = 'Sale' | 'Refund' | 'Return' | 'Chargeback' | 'ChargebackReversal';

export interface SettlementItem {
  id: string;
  transactionId: string;
  primaryTransactionId: string | null;
  kind: SettlementItemKind;
  tender: string | null;
  cardBrand: string | null;
  cardLast4: string | null;
  accountLast4: string | null;
  /** Signed: refunds, returns and chargebacks are negative. */
  amountCents: number;
  feeCents: number;
  outcome: 'SETTLED' | 'ERROR';
  status: string | null;
  merchantId: string;
  storeId: string | null;
  terminalId: string | null;
  patientId: string | null;
  capturedAt: string | null;
}

export interface SettleNowResult {
  settled: boolean;
  batch: Settlement | null;
}

export interface ReconciliationFilter {
  /** YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
  merchantId?: string;
}

export interface ReconciliationFigures {
  batchCount: number;
  grossCents: number;
  refundCents: number;
  returnCents: number;
  chargebackCents: number;
  reversalCents: number;
  feeCents: number;
  netCents: number;
  depositsExpectedCents: number;
  depositsDepositedCents: number;
}

export interface ReconciliationDay extends ReconciliationFigures {
  /** YYYY-MM-DD. */
  date: string;
}

export interface Reconciliation {
  from: string;
  to: string;
  totals: ReconciliationFigures;
  days: ReconciliationDay[];
}

export type DisputeStatus = 'NEEDS_RESPONSE' | 'UNDER_REVIEW' | 'WON' | 'LOST';

export interface DisputeEvidence {
  id: string;
  kind: 'TEXT' | 'FILE';
  text: string | null;
  fileName: string | null;
  contentType: string | null;
  /** Bytes. */
  size: number | null;
  createdAt: string;
}

export interface Dispute {
  id: string;
  disputeId: string;
  merchantId: string;
  transactionId: string;
  chargebackTransactionId: string | null;
  network: string | null;
  reasonCode: string;
  reasonDescription: string | null;
  amountCents: number;
  status: DisputeStatus;
  openedAt: string;
  dueAt: string;
  submittedAt: string | null;
  resolvedAt: string | null;
  cardBrand: string | null;
  cardLast4: string | null;
  patientId: string | null;
  evidence: DisputeEvidence[];
}

export interface EvidenceFile {
  fileName: string;
  contentType: string;
  contentBase64: string;
}

export interface EvidenceSubmission {
  text: string;
  files: EvidenceFile[];
}

export interface BatchFile {
  id: string;
  direction: 'INBOUND' | 'OUTBOUND';
  kind: 'POSTING' | 'ERA_835' | 'IMPORT' | 'ACK';
  name: string;
  /** Outbound: READY. Inbound: RECEIVED, PROCESSING, PROCESSED or REJECTED. */
  status: string;
  /** Null for an SFTP account's files (uploads and their acknowledgements). */
  merchantId: string | null;
  accountId: string | null;
  username: string | null;
  settlementBatchId: string | null;
  businessDate: string | null;
  recordCount: number;
  acceptedCount: number;
  rejectedCount: number;
  netCents: number;
  /** Bytes. */
  size: number;
  createdAt: string;
  processedAt: string | null;
  relatedId: string | null;
  errors: string[];
}

/** One record of an inbound file and its result (batch-files.md acknowledgement line). */
export interface BatchFileLine {
  id: number;
  line: number;
  externalId: string | null;
  merchantId: string | null;
  action: string | null;
  amountCents: number | null;
  result: 'A' | 'R';
  transactionId: string | null;
  responseCode: string;
  responseMessage: string;
  errorText: string;
  duplicate: boolean;
}

export interface FinanceDashboard {
  nextDeposit: { amountCents: number; date: string } | null;
  openDisputes: { count: number; nextDueAt: string | null };
  lastBatch: Settlement | null;
}
