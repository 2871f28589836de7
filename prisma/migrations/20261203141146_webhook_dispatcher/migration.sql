-- The worker leases owed deliveries straight from this table instead of carrying one BullMQ job
-- per delivery (decision 0043), so the time a job was queued is no longer kept.
ALTER TABLE "webhook_deliveries" DROP COLUMN "queued_at";

-- Only the deliveries owed an attempt, by due time: the lease reads the head of this index and
-- never walks the completed deliveries, which are kept for review and outnumber the owed ones.
CREATE INDEX "webhook_deliveries_owed_idx" ON "webhook_deliveries" ("next_attempt_at")
  WHERE "workflow_status" IN ('PENDING', 'PENDING_POSTING_RETRY');
