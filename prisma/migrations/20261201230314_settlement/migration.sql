-- CreateEnum
CREATE TYPE "SettlementBatchStatus" AS ENUM ('OPEN', 'SUBMITTED', 'SETTLED', 'PARTIALLY_SETTLED', 'DEPOSITED');

-- CreateEnum
CREATE TYPE "DisputeStatus" AS ENUM ('NEEDS_RESPONSE', 'UNDER_REVIEW', 'WON', 'LOST');

-- AlterTable
ALTER TABLE "merchants" ADD COLUMN     "era_835_enabled" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "processor" VARCHAR(16) NOT NULL DEFAULT 'SANDBOX';

-- AlterTable
ALTER TABLE "transactions" DROP COLUMN "processor_later",
ADD COLUMN     "network_event_id" TEXT,
ADD COLUMN     "settled_at" TIMESTAMPTZ(6),
ADD COLUMN     "settlement_batch_id" CHAR(32),
ALTER COLUMN "action" SET DATA TYPE VARCHAR(20);

-- CreateTable
CREATE TABLE "settlement_batches" (
    "id" UUID NOT NULL,
    "batch_id" CHAR(32) NOT NULL,
    "organization_id" UUID NOT NULL,
    "merchant_ref" UUID NOT NULL,
    "status" "SettlementBatchStatus" NOT NULL DEFAULT 'OPEN',
    "cutoff_at" TIMESTAMPTZ(6) NOT NULL,
    "business_date" VARCHAR(10),
    "time_zone" TEXT NOT NULL,
    "closed_at" TIMESTAMPTZ(6),
    "item_count" INTEGER NOT NULL DEFAULT 0,
    "error_count" INTEGER NOT NULL DEFAULT 0,
    "sale_count" INTEGER NOT NULL DEFAULT 0,
    "sale_cents" BIGINT NOT NULL DEFAULT 0,
    "refund_count" INTEGER NOT NULL DEFAULT 0,
    "refund_cents" BIGINT NOT NULL DEFAULT 0,
    "return_count" INTEGER NOT NULL DEFAULT 0,
    "return_cents" BIGINT NOT NULL DEFAULT 0,
    "chargeback_count" INTEGER NOT NULL DEFAULT 0,
    "chargeback_cents" BIGINT NOT NULL DEFAULT 0,
    "reversal_count" INTEGER NOT NULL DEFAULT 0,
    "reversal_cents" BIGINT NOT NULL DEFAULT 0,
    "gross_cents" BIGINT NOT NULL DEFAULT 0,
    "fee_cents" BIGINT NOT NULL DEFAULT 0,
    "net_cents" BIGINT NOT NULL DEFAULT 0,
    "deposit_cents" BIGINT NOT NULL DEFAULT 0,
    "deposit_date" VARCHAR(10),
    "breakdown" JSONB NOT NULL DEFAULT '[]',
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "settlement_batches_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "settlement_items" (
    "batch_ref" UUID NOT NULL,
    "transaction_id" UUID NOT NULL,
    "kind" VARCHAR(20) NOT NULL,
    "tender" VARCHAR(12) NOT NULL,
    "brand" VARCHAR(12),
    "amount_cents" BIGINT NOT NULL,
    "fee_cents" BIGINT NOT NULL DEFAULT 0,
    "outcome" VARCHAR(8) NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "settlement_items_pkey" PRIMARY KEY ("batch_ref","transaction_id")
);

-- CreateTable
CREATE TABLE "disputes" (
    "id" UUID NOT NULL,
    "dispute_id" CHAR(32) NOT NULL,
    "organization_id" UUID NOT NULL,
    "merchant_ref" UUID NOT NULL,
    "transaction_id" UUID NOT NULL,
    "chargeback_id" UUID NOT NULL,
    "network" VARCHAR(12) NOT NULL,
    "reason_code" VARCHAR(8) NOT NULL,
    "reason_description" TEXT NOT NULL,
    "amount_cents" BIGINT NOT NULL,
    "status" "DisputeStatus" NOT NULL DEFAULT 'NEEDS_RESPONSE',
    "due_at" TIMESTAMPTZ(6) NOT NULL,
    "submitted_at" TIMESTAMPTZ(6),
    "resolved_at" TIMESTAMPTZ(6),
    "reversal_id" UUID,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "disputes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dispute_evidence" (
    "id" UUID NOT NULL,
    "dispute_ref" UUID NOT NULL,
    "kind" VARCHAR(4) NOT NULL,
    "text_cipher" BYTEA,
    "text_key_id" UUID,
    "file_ref" UUID,
    "file_name" TEXT,
    "content_type" TEXT,
    "size" INTEGER,
    "created_by" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dispute_evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stored_files" (
    "id" UUID NOT NULL,
    "data_key_id" UUID NOT NULL,
    "size" BIGINT NOT NULL,
    "chunks" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stored_files_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stored_file_chunks" (
    "file_ref" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "cipher" BYTEA NOT NULL,

    CONSTRAINT "stored_file_chunks_pkey" PRIMARY KEY ("file_ref","seq")
);

-- CreateTable
CREATE TABLE "batch_files" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "merchant_ref" UUID NOT NULL,
    "direction" VARCHAR(8) NOT NULL,
    "kind" VARCHAR(12) NOT NULL,
    "name" TEXT NOT NULL,
    "status" VARCHAR(12) NOT NULL,
    "batch_ref" UUID,
    "business_date" VARCHAR(10),
    "record_count" INTEGER NOT NULL DEFAULT 0,
    "net_cents" BIGINT NOT NULL DEFAULT 0,
    "file_ref" UUID,
    "errors" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "batch_files_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sandbox_network_events" (
    "id" TEXT NOT NULL,
    "merchant_id" VARCHAR(13) NOT NULL,
    "kind" VARCHAR(20) NOT NULL,
    "reference" TEXT NOT NULL,
    "after_batch_id" CHAR(32),
    "detail" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "delivered_at" TIMESTAMPTZ(6),

    CONSTRAINT "sandbox_network_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "settlement_batches_batch_id_key" ON "settlement_batches"("batch_id");

-- CreateIndex
CREATE INDEX "settlement_batches_organization_id_business_date_idx" ON "settlement_batches"("organization_id", "business_date" DESC);

-- CreateIndex
CREATE INDEX "settlement_batches_merchant_ref_business_date_idx" ON "settlement_batches"("merchant_ref", "business_date" DESC);

-- CreateIndex
CREATE INDEX "settlement_batches_status_deposit_date_idx" ON "settlement_batches"("status", "deposit_date");

-- CreateIndex
CREATE UNIQUE INDEX "settlement_batches_merchant_ref_cutoff_at_key" ON "settlement_batches"("merchant_ref", "cutoff_at");

-- CreateIndex
CREATE INDEX "settlement_items_transaction_id_idx" ON "settlement_items"("transaction_id");

-- CreateIndex
CREATE UNIQUE INDEX "disputes_dispute_id_key" ON "disputes"("dispute_id");

-- CreateIndex
CREATE UNIQUE INDEX "disputes_chargeback_id_key" ON "disputes"("chargeback_id");

-- CreateIndex
CREATE UNIQUE INDEX "disputes_reversal_id_key" ON "disputes"("reversal_id");

-- CreateIndex
CREATE INDEX "disputes_organization_id_status_due_at_idx" ON "disputes"("organization_id", "status", "due_at");

-- CreateIndex
CREATE INDEX "disputes_merchant_ref_created_at_idx" ON "disputes"("merchant_ref", "created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "dispute_evidence_file_ref_key" ON "dispute_evidence"("file_ref");

-- CreateIndex
CREATE INDEX "dispute_evidence_dispute_ref_created_at_idx" ON "dispute_evidence"("dispute_ref", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "batch_files_file_ref_key" ON "batch_files"("file_ref");

-- CreateIndex
CREATE INDEX "batch_files_organization_id_created_at_idx" ON "batch_files"("organization_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "batch_files_merchant_ref_created_at_idx" ON "batch_files"("merchant_ref", "created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "batch_files_batch_ref_kind_key" ON "batch_files"("batch_ref", "kind");

-- CreateIndex
CREATE INDEX "sandbox_network_events_merchant_id_delivered_at_idx" ON "sandbox_network_events"("merchant_id", "delivered_at");

-- CreateIndex
CREATE UNIQUE INDEX "transactions_network_event_id_key" ON "transactions"("network_event_id");

-- AddForeignKey
ALTER TABLE "settlement_batches" ADD CONSTRAINT "settlement_batches_merchant_ref_fkey" FOREIGN KEY ("merchant_ref") REFERENCES "merchants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "settlement_items" ADD CONSTRAINT "settlement_items_batch_ref_fkey" FOREIGN KEY ("batch_ref") REFERENCES "settlement_batches"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "settlement_items" ADD CONSTRAINT "settlement_items_transaction_id_fkey" FOREIGN KEY ("transaction_id") REFERENCES "transactions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_merchant_ref_fkey" FOREIGN KEY ("merchant_ref") REFERENCES "merchants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_transaction_id_fkey" FOREIGN KEY ("transaction_id") REFERENCES "transactions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispute_evidence" ADD CONSTRAINT "dispute_evidence_dispute_ref_fkey" FOREIGN KEY ("dispute_ref") REFERENCES "disputes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispute_evidence" ADD CONSTRAINT "dispute_evidence_file_ref_fkey" FOREIGN KEY ("file_ref") REFERENCES "stored_files"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stored_file_chunks" ADD CONSTRAINT "stored_file_chunks_file_ref_fkey" FOREIGN KEY ("file_ref") REFERENCES "stored_files"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "batch_files" ADD CONSTRAINT "batch_files_merchant_ref_fkey" FOREIGN KEY ("merchant_ref") REFERENCES "merchants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "batch_files" ADD CONSTRAINT "batch_files_batch_ref_fkey" FOREIGN KEY ("batch_ref") REFERENCES "settlement_batches"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "batch_files" ADD CONSTRAINT "batch_files_file_ref_fkey" FOREIGN KEY ("file_ref") REFERENCES "stored_files"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: at most one open batch per merchant.
CREATE UNIQUE INDEX "settlement_batches_one_open" ON "settlement_batches" ("merchant_ref") WHERE "status" = 'OPEN';

-- Hand-written: what a close gathers, without scanning settled history. Small: only rows that
-- are still waiting to settle are in it.
CREATE INDEX "transactions_settleable" ON "transactions" ("merchant_ref", "id")
  WHERE "settlement_batch_id" IS NULL AND "status" IN ('C', 'SE') AND "action" <> 'Capture';
