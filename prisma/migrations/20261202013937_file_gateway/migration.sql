-- AlterTable
ALTER TABLE "transactions" ADD COLUMN     "external_id" VARCHAR(64);

-- AlterTable
ALTER TABLE "stored_files" ADD COLUMN     "location" VARCHAR(8) NOT NULL DEFAULT 'DATABASE';

-- AlterTable
ALTER TABLE "batch_files" ADD COLUMN     "accepted_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "account_ref" UUID,
ADD COLUMN     "processed_at" TIMESTAMPTZ(6),
ADD COLUMN     "rejected_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "related_ref" UUID,
ADD COLUMN     "size" BIGINT NOT NULL DEFAULT 0,
ALTER COLUMN "merchant_ref" DROP NOT NULL;

-- CreateTable
CREATE TABLE "batch_file_records" (
    "batch_file_ref" UUID NOT NULL,
    "line" INTEGER NOT NULL,
    "external_id" VARCHAR(64),
    "merchant_id" VARCHAR(13),
    "action" VARCHAR(20),
    "amount_cents" BIGINT,
    "result" CHAR(1) NOT NULL,
    "transaction_id" UUID,
    "response_code" VARCHAR(3) NOT NULL DEFAULT '',
    "response_message" TEXT NOT NULL DEFAULT '',
    "error_text" TEXT NOT NULL DEFAULT '',
    "duplicate" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "batch_file_records_pkey" PRIMARY KEY ("batch_file_ref","line")
);

-- CreateTable
CREATE TABLE "sftp_accounts" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "username" VARCHAR(64) NOT NULL,
    "merchant_refs" UUID[],
    "password_hash" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "quota_bytes" BIGINT NOT NULL,
    "pgp_public_key" TEXT NOT NULL,
    "pgp_fingerprint" VARCHAR(64) NOT NULL,
    "pgp_private_key_sealed" TEXT NOT NULL,
    "client_pgp_public_key" TEXT,
    "client_pgp_fingerprint" VARCHAR(64),
    "last_login_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "sftp_accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sftp_public_keys" (
    "id" UUID NOT NULL,
    "account_ref" UUID NOT NULL,
    "algorithm" VARCHAR(32) NOT NULL,
    "bits" INTEGER NOT NULL,
    "fingerprint" VARCHAR(64) NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "public_key" TEXT NOT NULL,
    "weak" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sftp_public_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "gateway_files" (
    "id" UUID NOT NULL,
    "account_ref" UUID NOT NULL,
    "folder" VARCHAR(8) NOT NULL,
    "name" VARCHAR(255) NOT NULL,
    "size" BIGINT NOT NULL,
    "file_ref" UUID NOT NULL,
    "batch_file_ref" UUID,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "gateway_files_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "sftp_accounts_username_key" ON "sftp_accounts"("username");

-- CreateIndex
CREATE INDEX "sftp_accounts_organization_id_idx" ON "sftp_accounts"("organization_id");

-- CreateIndex
CREATE UNIQUE INDEX "sftp_public_keys_account_ref_fingerprint_key" ON "sftp_public_keys"("account_ref", "fingerprint");

-- CreateIndex
CREATE INDEX "gateway_files_batch_file_ref_idx" ON "gateway_files"("batch_file_ref");

-- CreateIndex
CREATE UNIQUE INDEX "gateway_files_account_ref_folder_name_key" ON "gateway_files"("account_ref", "folder", "name");

-- CreateIndex
CREATE INDEX "batch_files_account_ref_created_at_idx" ON "batch_files"("account_ref", "created_at" DESC);

-- AddForeignKey
ALTER TABLE "batch_files" ADD CONSTRAINT "batch_files_account_ref_fkey" FOREIGN KEY ("account_ref") REFERENCES "sftp_accounts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "batch_file_records" ADD CONSTRAINT "batch_file_records_batch_file_ref_fkey" FOREIGN KEY ("batch_file_ref") REFERENCES "batch_files"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sftp_accounts" ADD CONSTRAINT "sftp_accounts_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sftp_public_keys" ADD CONSTRAINT "sftp_public_keys_account_ref_fkey" FOREIGN KEY ("account_ref") REFERENCES "sftp_accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "gateway_files" ADD CONSTRAINT "gateway_files_account_ref_fkey" FOREIGN KEY ("account_ref") REFERENCES "sftp_accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "gateway_files" ADD CONSTRAINT "gateway_files_file_ref_fkey" FOREIGN KEY ("file_ref") REFERENCES "stored_files"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: a batch record's ExternalID is charged once per merchant (batch-files.md). The
-- unique index is what makes it so under concurrent workers, in the payment's own transaction.
CREATE UNIQUE INDEX "transactions_merchant_external_id_key" ON "transactions"("merchant_ref", "external_id") WHERE "external_id" IS NOT NULL;

-- Hand-written: "the accounts scoped to this merchant" (posting files go to each one's /outbound).
CREATE INDEX "sftp_accounts_merchant_refs_idx" ON "sftp_accounts" USING GIN ("merchant_refs");
