-- Pairing codes are stored as an HMAC under a key derived from the vault master key from now on
-- (decision 0039). A code issued before this migration was stored as a plain sha256 and would no
-- longer match, so it is withdrawn here: the terminal stays PENDING_PAIRING and an admin issues a
-- new code (codes live 15 minutes, so only codes issued in the last quarter hour are affected).
UPDATE "terminals"
SET "pairing_code_hash" = NULL, "pairing_code_expires_at" = NULL
WHERE "pairing_code_hash" IS NOT NULL;
