import type {
  BatchFileRecordRow,
  BatchFileRow,
  DisputeRow,
  SettlementBatchListRow,
  SettlementItemRow,
} from '@conduit/db';
import { toWireId } from '../ids';

/** A settlement batch as the admin API answers it (docs/settlement.md). */
export function batchRecord(b: SettlementBatchListRow) {
  const n = (v: bigint) => Number(v);
  return {
    id: b.batchId,
    settlementBatchId: b.batchId,
    merchantId: b.merchant.merchantId,
    merchantName: b.merchant.name,
    organizationId: b.organizationId,
    timeZone: b.timeZone,
    businessDate: b.businessDate,
    status: b.status,
    cutoffAt: b.cutoffAt,
    closedAt: b.closedAt,
    itemCount: b.itemCount,
    errorCount: b.errorCount,
    saleCount: b.saleCount,
    saleCents: n(b.saleCents),
    refundCount: b.refundCount,
    refundCents: n(b.refundCents),
    returnCount: b.returnCount,
    returnCents: n(b.returnCents),
    chargebackCount: b.chargebackCount,
    chargebackCents: n(b.chargebackCents),
    reversalCount: b.reversalCount,
    reversalCents: n(b.reversalCents),
    grossCents: n(b.grossCents),
    feeCents: n(b.feeCents),
    netCents: n(b.netCents),
    depositCents: n(b.depositCents),
    depositDate: b.depositDate,
    depositStatus: b.status === 'DEPOSITED' ? 'DEPOSITED' : b.status === 'OPEN' ? null : 'EXPECTED',
    breakdown: b.breakdown,
  };
}

export function itemRecord(i: SettlementItemRow) {
  const t = i.transaction;
  return {
    id: toWireId(t.id),
    transactionId: toWireId(t.id),
    primaryTransactionId: t.primaryId ? toWireId(t.primaryId) : null,
    kind: i.kind,
    tender: i.tender,
    cardBrand: i.brand,
    cardLast4: t.cardLast4,
    accountLast4: t.accountLast4,
    amountCents: Number(i.amountCents),
    feeCents: Number(i.feeCents),
    outcome: i.outcome,
    status: t.status,
    merchantId: t.merchant.merchantId,
    storeId: t.outlet.storeId,
    terminalId: t.outlet.terminalId,
    patientId: t.patientId,
    capturedAt: t.capturedAt,
  };
}

export function disputeRecord(d: DisputeRow, textOf: (e: DisputeRow['evidence'][number]) => string | null) {
  return {
    id: d.disputeId,
    disputeId: d.disputeId,
    merchantId: d.merchant.merchantId,
    transactionId: toWireId(d.transactionId),
    chargebackTransactionId: toWireId(d.chargebackId),
    network: d.network,
    reasonCode: d.reasonCode,
    reasonDescription: d.reasonDescription,
    amountCents: Number(d.amountCents),
    status: d.status,
    openedAt: d.createdAt,
    dueAt: d.dueAt,
    submittedAt: d.submittedAt,
    resolvedAt: d.resolvedAt,
    cardBrand: d.transaction.cardBrand,
    cardLast4: d.transaction.cardLast4,
    patientId: d.transaction.patientId,
    evidence: d.evidence.map((e) => ({
      id: toWireId(e.id),
      kind: e.kind,
      text: e.kind === 'TEXT' ? textOf(e) : null,
      fileName: e.fileName,
      contentType: e.contentType,
      size: e.size,
      createdAt: e.createdAt,
    })),
  };
}

export function batchFileRecord(f: BatchFileRow) {
  return {
    id: toWireId(f.id),
    direction: f.direction,
    kind: f.kind,
    name: f.name,
    status: f.status,
    merchantId: f.merchant?.merchantId ?? null,
    /** Files of an SFTP account (inbound uploads, their acknowledgements) have no merchant. */
    accountId: f.account?.id ?? null,
    username: f.account?.username ?? null,
    settlementBatchId: f.batch?.batchId ?? null,
    businessDate: f.businessDate,
    recordCount: f.recordCount,
    acceptedCount: f.acceptedCount,
    rejectedCount: f.rejectedCount,
    netCents: Number(f.netCents),
    size: f.file ? Number(f.file.size) : Number(f.size),
    createdAt: f.createdAt,
    processedAt: f.processedAt,
    /** The acknowledgement of an inbound file; the inbound file of an acknowledgement. */
    relatedId: f.relatedRef ? toWireId(f.relatedRef) : null,
    errors: f.errors,
  };
}

/** One record of an inbound file and its result (the line of its acknowledgement). */
export function batchFileLineRecord(r: BatchFileRecordRow) {
  return {
    id: r.line,
    line: r.line,
    externalId: r.externalId,
    merchantId: r.merchantId,
    action: r.action,
    amountCents: r.amountCents === null ? null : Number(r.amountCents),
    result: r.result,
    transactionId: r.transactionId ? toWireId(r.transactionId) : null,
    responseCode: r.responseCode,
    responseMessage: r.responseMessage,
    errorText: r.errorText,
    duplicate: r.duplicate,
  };
}
