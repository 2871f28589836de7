-- AlterTable
ALTER TABLE "merchants" ADD COLUMN     "ignore_unknown_nvp_fields" BOOLEAN NOT NULL DEFAULT false;
