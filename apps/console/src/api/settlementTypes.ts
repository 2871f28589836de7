/**
 * Admin API shapes for settlement, reconciliation, disputes and posting files (docs/settlement.md);
 * aliases of the generated types (./types.ts). Money in integer cents.
 */
import type { components } from './generated/admin-api';

type S = components['schemas'];

export type Settlement = S['Settlement'];
export type SettlementStatus = Settlement['status'];
export type DepositStatus = Settlement['depositStatus'];
/** One tender and card brand of a batch (eCheck rows have no brand). */
export type SettlementBreakdownRow = S['SettlementBreakdownRow'];
/** Counts and amounts per kind of item. */
export type SettlementFigures = Omit<SettlementBreakdownRow, 'tender' | 'brand'>;
export type SettlementItem = S['SettlementItem'];
export type SettlementItemKind = SettlementItem['kind'];
export type SettleNowResult = S['SettleNowResult'];

/** The reconciliation's `filter` query (not a body, so not a schema of the document). */
export interface ReconciliationFilter {
  /** YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
  merchantId?: string;
}

export type Reconciliation = S['Reconciliation'];
export type ReconciliationFigures = Reconciliation['totals'];
export type ReconciliationDay = S['ReconciliationDay'];

export type Dispute = S['Dispute'];
export type DisputeStatus = Dispute['status'];
export type DisputeEvidence = S['DisputeEvidence'];
export type EvidenceSubmission = S['EvidenceSubmission'];
export type EvidenceFile = NonNullable<EvidenceSubmission['files']>[number];

export type BatchFile = S['BatchFile'];
/** One record of an inbound file and its result (batch-files.md acknowledgement line). */
export type BatchFileLine = S['BatchFileLine'];
export type FinanceDashboard = S['FinanceDashboard'];
