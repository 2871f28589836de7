-- Hand-written: api processes cache credential lookups (decision 0010) and LISTEN on
-- "conduit_auth_changed" to drop them. Every change that could alter an authentication answer
-- notifies at commit: credentials (except the last-used stamp), organizations (allowlists),
-- credential merchant restrictions and merchants.
CREATE FUNCTION "conduit_auth_changed_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('conduit_auth_changed', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "api_credentials_auth_changed_write" AFTER INSERT OR DELETE OR TRUNCATE ON "api_credentials"
  FOR EACH STATEMENT EXECUTE FUNCTION "conduit_auth_changed_notify"();
CREATE TRIGGER "api_credentials_auth_changed_update" AFTER UPDATE ON "api_credentials"
  FOR EACH ROW
  WHEN ((to_jsonb(OLD) - 'last_used_at' - 'updated_at') IS DISTINCT FROM (to_jsonb(NEW) - 'last_used_at' - 'updated_at'))
  EXECUTE FUNCTION "conduit_auth_changed_notify"();

CREATE TRIGGER "organizations_auth_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "organizations"
  FOR EACH STATEMENT EXECUTE FUNCTION "conduit_auth_changed_notify"();
CREATE TRIGGER "credential_merchants_auth_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "credential_merchants"
  FOR EACH STATEMENT EXECUTE FUNCTION "conduit_auth_changed_notify"();
CREATE TRIGGER "merchants_auth_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "merchants"
  FOR EACH STATEMENT EXECUTE FUNCTION "conduit_auth_changed_notify"();
