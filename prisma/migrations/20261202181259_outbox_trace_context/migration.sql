-- AlterTable
ALTER TABLE "outbox_events" ADD COLUMN     "trace_context" VARCHAR(55);
