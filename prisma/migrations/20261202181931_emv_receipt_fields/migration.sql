-- AlterTable
ALTER TABLE "transactions" ADD COLUMN     "emv_application_id" VARCHAR(32),
ADD COLUMN     "emv_application_label" VARCHAR(32),
ADD COLUMN     "emv_cryptogram_type" VARCHAR(4),
ADD COLUMN     "emv_issuer_response" VARCHAR(64),
ADD COLUMN     "emv_tsi" VARCHAR(4),
ADD COLUMN     "emv_tvr" VARCHAR(10),
ADD COLUMN     "pin_verified" BOOLEAN NOT NULL DEFAULT false;
