-- CreateEnum
CREATE TYPE "SsoTokenStatus" AS ENUM ('NEW', 'COMPLETE', 'EXPIRED');

-- AlterTable
ALTER TABLE "merchants" ADD COLUMN     "allowed_frame_origins" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "sso_tokens" (
    "id" UUID NOT NULL,
    "token_hash" VARCHAR(64) NOT NULL,
    "organization_id" UUID NOT NULL,
    "merchant_ref" UUID NOT NULL,
    "outlet_ref" UUID NOT NULL,
    "store_id" VARCHAR(3) NOT NULL,
    "terminal_id" VARCHAR(3) NOT NULL,
    "credential_id" UUID NOT NULL,
    "credential_identifier" TEXT NOT NULL,
    "creator_ip" TEXT,
    "channel" VARCHAR(8) NOT NULL,
    "action" VARCHAR(16) NOT NULL,
    "amount_cents" BIGINT,
    "is_read_only" BOOLEAN NOT NULL DEFAULT false,
    "patient_id" TEXT,
    "patient_first_name" TEXT,
    "patient_last_name" TEXT,
    "additional_info" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "prevent_check" BOOLEAN NOT NULL DEFAULT false,
    "prevent_card" BOOLEAN NOT NULL DEFAULT false,
    "suppress_receipt" BOOLEAN NOT NULL DEFAULT false,
    "light_weight" BOOLEAN NOT NULL DEFAULT false,
    "confirm_url" TEXT,
    "cancel_url" TEXT,
    "relay_state" TEXT,
    "status" "SsoTokenStatus" NOT NULL DEFAULT 'NEW',
    "claimed_at" TIMESTAMPTZ(3),
    "transaction_id" UUID,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "completed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sso_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "sso_tokens_token_hash_key" ON "sso_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "sso_tokens_organization_id_created_at_idx" ON "sso_tokens"("organization_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "sso_tokens_status_expires_at_idx" ON "sso_tokens"("status", "expires_at");

-- AddForeignKey
ALTER TABLE "sso_tokens" ADD CONSTRAINT "sso_tokens_merchant_ref_fkey" FOREIGN KEY ("merchant_ref") REFERENCES "merchants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sso_tokens" ADD CONSTRAINT "sso_tokens_transaction_id_fkey" FOREIGN KEY ("transaction_id") REFERENCES "transactions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
