-- AlterTable
ALTER TABLE "sso_tokens" ADD COLUMN     "plan_terms" JSONB;
