-- Hand-written: the outbox relay is woken by a Redis message after each payment commits, no longer
-- by NOTIFY (decision 0012). A transaction that NOTIFYs takes a database-wide lock held through its
-- commit, so every sale's commit waited for the previous one's WAL flush.
DROP TRIGGER IF EXISTS "outbox_events_notify" ON "outbox_events";
DROP FUNCTION IF EXISTS "conduit_outbox_notify"();
