-- Hand-written: api processes also cache which merchant and outlet a credential may pay at
-- (decision 0010), so outlet and partner-grant changes notify "conduit_auth_changed" too.
CREATE TRIGGER "outlets_auth_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "outlets"
  FOR EACH STATEMENT EXECUTE FUNCTION "conduit_auth_changed_notify"();
CREATE TRIGGER "partner_grants_auth_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "partner_grants"
  FOR EACH STATEMENT EXECUTE FUNCTION "conduit_auth_changed_notify"();
