-- CreateTable
CREATE TABLE "transactions" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "merchant_ref" UUID NOT NULL,
    "outlet_ref" UUID NOT NULL,
    "credential_id" UUID,
    "channel" VARCHAR(8) NOT NULL,
    "action" VARCHAR(16) NOT NULL,
    "tender" VARCHAR(12) NOT NULL,
    "status" VARCHAR(2) NOT NULL,
    "response_code" VARCHAR(3) NOT NULL,
    "response_message" TEXT NOT NULL,
    "request_cents" BIGINT NOT NULL,
    "amount_cents" BIGINT NOT NULL,
    "refunded_cents" BIGINT NOT NULL DEFAULT 0,
    "is_partial" BOOLEAN NOT NULL DEFAULT false,
    "authorization_number" VARCHAR(6),
    "processor_reference" TEXT,
    "processor_later" VARCHAR(16),
    "return_reason_code" VARCHAR(4),
    "primary_id" UUID,
    "payment_method_id" UUID,
    "card_brand" VARCHAR(12),
    "card_bin" VARCHAR(6),
    "card_last4" VARCHAR(4),
    "card_exp_month" SMALLINT,
    "card_exp_year" SMALLINT,
    "card_holder_name" TEXT,
    "payment_card_type" VARCHAR(6),
    "entry_mode" VARCHAR(12),
    "card_present_status" VARCHAR(24),
    "routing_number" VARCHAR(9),
    "account_last4" VARCHAR(4),
    "account_type" VARCHAR(8),
    "check_number" VARCHAR(16),
    "account_holder_name" TEXT,
    "check_present_status" VARCHAR(12),
    "patient_id" TEXT,
    "patient_account_number" TEXT,
    "patient_first_name" TEXT,
    "patient_last_name" TEXT,
    "patient_birth_date" VARCHAR(10),
    "additional_info" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "captured_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "transactions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payment_methods" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "merchant_ref" UUID NOT NULL,
    "data_key_id" UUID NOT NULL,
    "pan_ciphertext" BYTEA NOT NULL,
    "card_brand" VARCHAR(12) NOT NULL,
    "card_bin" VARCHAR(6) NOT NULL,
    "card_last4" VARCHAR(4) NOT NULL,
    "card_exp_month" SMALLINT NOT NULL,
    "card_exp_year" SMALLINT NOT NULL,
    "card_holder_name" TEXT,
    "payment_card_type" VARCHAR(6) NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payment_methods_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "data_keys" (
    "id" UUID NOT NULL,
    "wrapped_key" BYTEA NOT NULL,
    "master_version" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retired_at" TIMESTAMPTZ(6),

    CONSTRAINT "data_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "idempotency_keys" (
    "organization_id" UUID NOT NULL,
    "key" VARCHAR(255) NOT NULL,
    "request_hash" VARCHAR(64) NOT NULL,
    "state" VARCHAR(10) NOT NULL,
    "response_status" INTEGER,
    "response_type" TEXT,
    "response_body" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMPTZ(6),

    CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("organization_id","key")
);

-- CreateTable
CREATE TABLE "outbox_events" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "merchant_ref" UUID NOT NULL,
    "transaction_id" UUID,
    "event_type" VARCHAR(32) NOT NULL,
    "payload" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMPTZ(6),

    CONSTRAINT "outbox_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "transactions_organization_id_created_at_idx" ON "transactions"("organization_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "transactions_merchant_ref_created_at_idx" ON "transactions"("merchant_ref", "created_at" DESC);

-- CreateIndex
CREATE INDEX "transactions_primary_id_idx" ON "transactions"("primary_id");

-- CreateIndex
CREATE INDEX "transactions_organization_id_patient_id_idx" ON "transactions"("organization_id", "patient_id");

-- CreateIndex
CREATE INDEX "payment_methods_organization_id_idx" ON "payment_methods"("organization_id");

-- CreateIndex
CREATE INDEX "idempotency_keys_created_at_idx" ON "idempotency_keys"("created_at");

-- CreateIndex
CREATE INDEX "outbox_events_published_at_created_at_idx" ON "outbox_events"("published_at", "created_at");

-- AddForeignKey
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_merchant_ref_fkey" FOREIGN KEY ("merchant_ref") REFERENCES "merchants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_outlet_ref_fkey" FOREIGN KEY ("outlet_ref") REFERENCES "outlets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_primary_id_fkey" FOREIGN KEY ("primary_id") REFERENCES "transactions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_payment_method_id_fkey" FOREIGN KEY ("payment_method_id") REFERENCES "payment_methods"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment_methods" ADD CONSTRAINT "payment_methods_merchant_ref_fkey" FOREIGN KEY ("merchant_ref") REFERENCES "merchants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment_methods" ADD CONSTRAINT "payment_methods_data_key_id_fkey" FOREIGN KEY ("data_key_id") REFERENCES "data_keys"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: the relay reads only unpublished events; keep that index small.
CREATE INDEX "outbox_events_unpublished_idx" ON "outbox_events" ("created_at") WHERE "published_at" IS NULL;
-- Money is never negative, and a secondary never points at itself.
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_money_check"
  CHECK ("request_cents" >= 0 AND "amount_cents" >= 0 AND "refunded_cents" >= 0 AND "refunded_cents" <= "amount_cents");
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_primary_check" CHECK ("primary_id" IS NULL OR "primary_id" <> "id");
