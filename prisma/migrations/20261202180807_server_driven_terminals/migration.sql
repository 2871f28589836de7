-- CreateEnum
CREATE TYPE "TerminalStatus" AS ENUM ('PENDING_PAIRING', 'PAIRED', 'REVOKED');

-- CreateTable
CREATE TABLE "terminals" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "merchant_ref" UUID NOT NULL,
    "outlet_ref" UUID NOT NULL,
    "terminal_device_id" VARCHAR(28) NOT NULL,
    "label" TEXT NOT NULL,
    "model" TEXT,
    "serial_number" TEXT,
    "firmware" TEXT,
    "capabilities" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "status" "TerminalStatus" NOT NULL DEFAULT 'PENDING_PAIRING',
    "pairing_code_hash" CHAR(64),
    "pairing_code_expires_at" TIMESTAMPTZ(3),
    "secret_hash" CHAR(64),
    "paired_at" TIMESTAMPTZ(3),
    "last_seen_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "terminals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "terminal_actions" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "merchant_ref" UUID NOT NULL,
    "terminal_ref" UUID NOT NULL,
    "credential_id" UUID,
    "action" VARCHAR(16) NOT NULL,
    "amount_cents" BIGINT NOT NULL,
    "entry_modes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "timeout_seconds" INTEGER NOT NULL,
    "request" JSONB NOT NULL,
    "state" VARCHAR(12) NOT NULL,
    "device_status" VARCHAR(16),
    "device_status_text" TEXT,
    "outcome" VARCHAR(8),
    "transaction_id" UUID,
    "error_message" TEXT,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "card_at" TIMESTAMPTZ(3),
    "completed_at" TIMESTAMPTZ(3),
    "delivered_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "terminal_actions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "terminals_terminal_device_id_key" ON "terminals"("terminal_device_id");

-- CreateIndex
CREATE UNIQUE INDEX "terminals_pairing_code_hash_key" ON "terminals"("pairing_code_hash");

-- CreateIndex
CREATE INDEX "terminals_organization_id_created_at_idx" ON "terminals"("organization_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "terminals_merchant_ref_idx" ON "terminals"("merchant_ref");

-- CreateIndex
CREATE INDEX "terminal_actions_terminal_ref_created_at_idx" ON "terminal_actions"("terminal_ref", "created_at" DESC);

-- CreateIndex
CREATE INDEX "terminal_actions_state_expires_at_idx" ON "terminal_actions"("state", "expires_at");

-- AddForeignKey
ALTER TABLE "terminals" ADD CONSTRAINT "terminals_merchant_ref_fkey" FOREIGN KEY ("merchant_ref") REFERENCES "merchants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "terminals" ADD CONSTRAINT "terminals_outlet_ref_fkey" FOREIGN KEY ("outlet_ref") REFERENCES "outlets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "terminal_actions" ADD CONSTRAINT "terminal_actions_terminal_ref_fkey" FOREIGN KEY ("terminal_ref") REFERENCES "terminals"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- One open action per terminal (Prisma cannot express a partial unique index).
CREATE UNIQUE INDEX "terminal_actions_one_open" ON "terminal_actions" ("terminal_ref")
  WHERE "state" IN ('PENDING', 'IN_PROGRESS', 'PROCESSING');
