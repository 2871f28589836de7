-- Decision 0019: the unkeyed SHA-256 of the raw body let a CVN be recovered by guessing. The old
-- digests are dropped with their column; rows written before this migration keep their stored
-- answer (a repeat is still replayed, not charged again) but can no longer tell a different body
-- from the same one. They expire within 24 hours and are purged after 48.
-- AlterTable
ALTER TABLE "idempotency_keys" DROP COLUMN "request_hash",
ADD COLUMN     "fingerprint_key_version" INTEGER,
ADD COLUMN     "request_fingerprint" VARCHAR(64);
