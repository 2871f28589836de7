-- AlterTable
ALTER TABLE "merchants" ADD COLUMN     "plan_charge_hour" SMALLINT NOT NULL DEFAULT 6,
ADD COLUMN     "plan_retry_days" SMALLINT[] DEFAULT ARRAY[1, 3, 5]::SMALLINT[];

-- AlterTable
ALTER TABLE "transactions" ADD COLUMN     "installment_count" INTEGER,
ADD COLUMN     "installment_sequence" INTEGER,
ADD COLUMN     "payment_plan_ref" UUID,
ADD COLUMN     "payment_plan_type" VARCHAR(12);

-- CreateTable
CREATE TABLE "stored_bank_accounts" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "merchant_ref" UUID NOT NULL,
    "data_key_id" UUID NOT NULL,
    "account_ciphertext" BYTEA NOT NULL,
    "routing_number" VARCHAR(9) NOT NULL,
    "account_last4" VARCHAR(4) NOT NULL,
    "account_type" VARCHAR(8) NOT NULL,
    "account_holder_name" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stored_bank_accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payment_plans" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "merchant_ref" UUID NOT NULL,
    "outlet_ref" UUID NOT NULL,
    "credential_id" UUID,
    "channel" VARCHAR(8) NOT NULL,
    "type" VARCHAR(12) NOT NULL,
    "status" VARCHAR(10) NOT NULL,
    "card_ref" UUID,
    "bank_account_ref" UUID,
    "patient_id" TEXT,
    "patient_first_name" TEXT,
    "patient_last_name" TEXT,
    "additional_info" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "total_cents" BIGINT,
    "down_payment_cents" BIGINT NOT NULL DEFAULT 0,
    "installment_cents" BIGINT NOT NULL,
    "installment_count" INTEGER,
    "frequency" VARCHAR(10) NOT NULL,
    "start_date" DATE NOT NULL,
    "day_of_month" SMALLINT,
    "end_date" DATE,
    "next_sequence" INTEGER NOT NULL DEFAULT 1,
    "next_charge_date" DATE,
    "scheduled_date" DATE,
    "due_date" DATE,
    "represent_sequence" INTEGER,
    "failed_attempts" INTEGER NOT NULL DEFAULT 0,
    "representments" INTEGER NOT NULL DEFAULT 0,
    "installments_paid" INTEGER NOT NULL DEFAULT 0,
    "amount_paid_cents" BIGINT NOT NULL DEFAULT 0,
    "last_response_code" VARCHAR(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payment_plans_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payment_plan_charges" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "merchant_ref" UUID NOT NULL,
    "plan_ref" UUID NOT NULL,
    "sequence" INTEGER NOT NULL,
    "attempt" INTEGER NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "amount_cents" BIGINT NOT NULL,
    "due_date" DATE NOT NULL,
    "status" VARCHAR(10) NOT NULL,
    "response_code" VARCHAR(3),
    "claimed_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMPTZ(6),

    CONSTRAINT "payment_plan_charges_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "stored_bank_accounts_organization_id_idx" ON "stored_bank_accounts"("organization_id");

-- CreateIndex
CREATE INDEX "payment_plans_organization_id_created_at_idx" ON "payment_plans"("organization_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "payment_plans_merchant_ref_next_charge_date_idx" ON "payment_plans"("merchant_ref", "next_charge_date");

-- CreateIndex
CREATE INDEX "payment_plans_organization_id_patient_id_idx" ON "payment_plans"("organization_id", "patient_id");

-- CreateIndex
CREATE INDEX "payment_plan_charges_status_claimed_at_idx" ON "payment_plan_charges"("status", "claimed_at");

-- CreateIndex
CREATE UNIQUE INDEX "payment_plan_charges_plan_ref_sequence_attempt_key" ON "payment_plan_charges"("plan_ref", "sequence", "attempt");

-- CreateIndex
CREATE INDEX "transactions_payment_plan_ref_installment_sequence_idx" ON "transactions"("payment_plan_ref", "installment_sequence");

-- AddForeignKey
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_payment_plan_ref_fkey" FOREIGN KEY ("payment_plan_ref") REFERENCES "payment_plans"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stored_bank_accounts" ADD CONSTRAINT "stored_bank_accounts_merchant_ref_fkey" FOREIGN KEY ("merchant_ref") REFERENCES "merchants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stored_bank_accounts" ADD CONSTRAINT "stored_bank_accounts_data_key_id_fkey" FOREIGN KEY ("data_key_id") REFERENCES "data_keys"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment_plans" ADD CONSTRAINT "payment_plans_merchant_ref_fkey" FOREIGN KEY ("merchant_ref") REFERENCES "merchants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment_plans" ADD CONSTRAINT "payment_plans_outlet_ref_fkey" FOREIGN KEY ("outlet_ref") REFERENCES "outlets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment_plans" ADD CONSTRAINT "payment_plans_card_ref_fkey" FOREIGN KEY ("card_ref") REFERENCES "payment_methods"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment_plans" ADD CONSTRAINT "payment_plans_bank_account_ref_fkey" FOREIGN KEY ("bank_account_ref") REFERENCES "stored_bank_accounts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment_plan_charges" ADD CONSTRAINT "payment_plan_charges_plan_ref_fkey" FOREIGN KEY ("plan_ref") REFERENCES "payment_plans"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written (decision 0024): "exactly one charge per (plan, sequence)" held by PostgreSQL.
-- At most one attempt that holds or has collected money per sequence: a declined or returned
-- attempt frees the slot for a retry or a re-presentment, nothing else does.
CREATE UNIQUE INDEX "payment_plan_charges_standing_key" ON "payment_plan_charges"("plan_ref", "sequence")
  WHERE "status" IN ('PENDING', 'APPROVED');
-- At most one charge of a plan in flight at a time.
CREATE UNIQUE INDEX "payment_plan_charges_in_flight_key" ON "payment_plan_charges"("plan_ref")
  WHERE "status" = 'PENDING';
-- The scheduler's read: a merchant's plans that may be due, in the order it charges them (the
-- page is read off the index, no sort of every due plan).
CREATE INDEX "payment_plans_due_idx" ON "payment_plans"("merchant_ref", "next_charge_date", "id")
  WHERE "status" IN ('Active', 'PastDue') AND "next_charge_date" IS NOT NULL;
-- A plan charges exactly one instrument.
ALTER TABLE "payment_plans" ADD CONSTRAINT "payment_plans_one_instrument"
  CHECK (("card_ref" IS NULL) <> ("bank_account_ref" IS NULL));
ALTER TABLE "payment_plans" ADD CONSTRAINT "payment_plans_amounts"
  CHECK ("installment_cents" > 0 AND "down_payment_cents" >= 0 AND "amount_paid_cents" >= 0);
ALTER TABLE "merchants" ADD CONSTRAINT "merchants_plan_charge_hour"
  CHECK ("plan_charge_hour" BETWEEN 0 AND 23);
