-- Key rotation re-encrypts an evidence file's bytes under the new active key: the same plaintext
-- (its SHA-256, checked on every read, stays as it was) and nothing else of the row changes. Like
-- redaction, it goes through one function that flags its own statement; the guard lets through
-- only that, and only a change of key_id and content.
CREATE OR REPLACE FUNCTION sunap_guard_evidence() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND current_setting('sunap.evidence_redaction', true) = 'on' THEN
    RETURN NEW;
  END IF;
  -- Nested: the row comparison names evidence_file's columns, which other guarded tables lack.
  IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'evidence_file' AND current_setting('sunap.evidence_reencryption', true) = 'on' THEN
    IF (NEW.id, NEW.kind, NEW.content_type, NEW.size_bytes, NEW.sha256, NEW.storage, NEW.storage_key, NEW.created_at, NEW.redacted_at)
       IS NOT DISTINCT FROM (OLD.id, OLD.kind, OLD.content_type, OLD.size_bytes, OLD.sha256, OLD.storage, OLD.storage_key, OLD.created_at, OLD.redacted_at) THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'sunap: % is immutable consent evidence; % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'P0001', HINT = 'Only sunap_redact_payer_personal_data() may redact evidence past its retention, and sunap_reencrypt_evidence() re-encrypt it.';
END;
$$;

-- Swaps one file's encrypted bytes for the same bytes under another key, if the row is still on
-- the key the caller read it with (so a concurrent rotation or redaction is never overwritten).
-- The database has no keys: the caller decrypts, checks the hash and encrypts.
CREATE FUNCTION sunap_reencrypt_evidence(p_id integer, p_old_key_id text, p_new_key_id text, p_content bytea) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
  v_count integer;
BEGIN
  PERFORM set_config('sunap.evidence_reencryption', 'on', true);
  UPDATE "evidence_file" SET "key_id" = p_new_key_id, "content" = p_content
   WHERE "id" = p_id AND "key_id" = p_old_key_id AND "content" IS NOT NULL AND "redacted_at" IS NULL;
  GET DIAGNOSTICS v_count = ROW_COUNT;
  PERFORM set_config('sunap.evidence_reencryption', 'off', true);
  RETURN v_count = 1;
END;
$$;
