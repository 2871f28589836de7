-- AlterTable
ALTER TABLE "sso_tokens" ADD COLUMN     "created_by_user_id" UUID,
ALTER COLUMN "credential_id" DROP NOT NULL;

-- Hand-written: a token is created by an API credential or by a console user, never both or neither.
-- No foreign key to users, as for credential_id: removing a user keeps its tokens' history.
ALTER TABLE "sso_tokens" ADD CONSTRAINT "sso_tokens_one_creator"
  CHECK (num_nonnulls("credential_id", "created_by_user_id") = 1);
