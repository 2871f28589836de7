-- AlterTable
ALTER TABLE "merchants" ADD COLUMN     "max_transaction_cents" BIGINT NOT NULL DEFAULT 9999999;
