-- CreateEnum
CREATE TYPE "consent_terms_kind" AS ENUM ('auto_debit', 'privacy');

-- CreateEnum
CREATE TYPE "enrollment_link_purpose" AS ENUM ('single', 'campaign', 'manage');

-- CreateEnum
CREATE TYPE "evidence_kind" AS ENUM ('signature_image', 'certificate_signature', 'paper_scan', 'recording');

-- CreateEnum
CREATE TYPE "consent_method" AS ENUM ('online_drawn', 'online_certificate', 'paper', 'recording');

-- CreateEnum
CREATE TYPE "cms_registration_status" AS ENUM ('pending', 'submitted', 'registered', 'rejected', 'cancel_requested', 'cancelled');

-- CreateTable
CREATE TABLE "cms_bank" (
    "code" TEXT NOT NULL,
    "name_ko" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "account_number_lengths" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "accepts_cms" BOOLEAN NOT NULL DEFAULT true,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cms_bank_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "consent_terms" (
    "id" SERIAL NOT NULL,
    "kind" "consent_terms_kind" NOT NULL,
    "version" INTEGER NOT NULL,
    "locale" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "consent_terms_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "enrollment_link" (
    "id" SERIAL NOT NULL,
    "purpose" "enrollment_link_purpose" NOT NULL,
    "token_hash" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "payer_id" INTEGER,
    "consent_id" INTEGER,
    "plugin_id" TEXT,
    "store_id" INTEGER,
    "campaign_label" TEXT,
    "amount_text" TEXT,
    "schedule_text" TEXT,
    "max_uses" INTEGER,
    "use_count" INTEGER NOT NULL DEFAULT 0,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "last_sent_at" TIMESTAMPTZ(3),
    "created_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "enrollment_link_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "otp_challenge" (
    "id" TEXT NOT NULL,
    "link_id" INTEGER NOT NULL,
    "phone_bidx" TEXT NOT NULL,
    "phone_enc" TEXT NOT NULL,
    "code_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "failed_attempts" INTEGER NOT NULL DEFAULT 0,
    "verified_at" TIMESTAMPTZ(3),
    "proof_hash" TEXT,
    "proof_expires_at" TIMESTAMPTZ(3),
    "proof_used_at" TIMESTAMPTZ(3),
    "ip" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "otp_challenge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "otp_phone_guard" (
    "phone_bidx" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "otp_phone_guard_pkey" PRIMARY KEY ("phone_bidx")
);

-- CreateTable
CREATE TABLE "evidence_file" (
    "id" SERIAL NOT NULL,
    "kind" "evidence_kind" NOT NULL,
    "content_type" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storage" TEXT NOT NULL DEFAULT 'postgres',
    "storage_key" TEXT,
    "key_id" TEXT,
    "content" BYTEA,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "redacted_at" TIMESTAMPTZ(3),

    CONSTRAINT "evidence_file_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "consent" (
    "id" SERIAL NOT NULL,
    "payer_id" INTEGER NOT NULL,
    "payer_account_id" INTEGER NOT NULL,
    "link_id" INTEGER,
    "method" "consent_method" NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "agreed_at" TIMESTAMPTZ(3) NOT NULL,
    "ip" TEXT,
    "user_agent" TEXT,
    "creditor_name" TEXT NOT NULL,
    "creditor_text" TEXT NOT NULL,
    "amount_text" TEXT,
    "schedule_text" TEXT,
    "terms_locale" TEXT NOT NULL,
    "auto_debit_terms_id" INTEGER,
    "auto_debit_terms_sha256" TEXT,
    "privacy_terms_id" INTEGER,
    "privacy_terms_sha256" TEXT,
    "payer_name" TEXT,
    "phone_masked" TEXT,
    "bank_code" TEXT NOT NULL,
    "account_masked" TEXT,
    "holder_name" TEXT,
    "otp_challenge_id" TEXT,
    "otp_verified_at" TIMESTAMPTZ(3),
    "holder_verified_at" TIMESTAMPTZ(3),
    "signature_file_id" INTEGER,
    "signature_sha256" TEXT,
    "certificate_provider" TEXT,
    "certificate_subject" TEXT,
    "evidence_file_id" INTEGER,
    "recorded_by_id" INTEGER,
    "recorded_by_email" TEXT,
    "note" TEXT,
    "document_sha256" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "redacted_at" TIMESTAMPTZ(3),

    CONSTRAINT "consent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "consent_withdrawal" (
    "id" SERIAL NOT NULL,
    "consent_id" INTEGER NOT NULL,
    "payer_id" INTEGER NOT NULL,
    "via" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "ip" TEXT,
    "user_agent" TEXT,
    "otp_challenge_id" TEXT,
    "reason" TEXT,
    "redacted_at" TIMESTAMPTZ(3),

    CONSTRAINT "consent_withdrawal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cms_registration" (
    "id" SERIAL NOT NULL,
    "payer_id" INTEGER NOT NULL,
    "payer_account_id" INTEGER NOT NULL,
    "consent_id" INTEGER NOT NULL,
    "status" "cms_registration_status" NOT NULL DEFAULT 'pending',
    "reason" TEXT,
    "payer_number" TEXT NOT NULL,
    "request_file_id" INTEGER,
    "request_record_no" INTEGER,
    "cancel_file_id" INTEGER,
    "cancel_record_no" INTEGER,
    "cancel_reason" TEXT,
    "replaces_registration_id" INTEGER,
    "registered_on" DATE,
    "finished_at" TIMESTAMPTZ(3),
    "finished_on" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cms_registration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cms_registration_event" (
    "id" SERIAL NOT NULL,
    "registration_id" INTEGER NOT NULL,
    "from_status" "cms_registration_status",
    "to_status" "cms_registration_status" NOT NULL,
    "reason" TEXT,
    "file_id" INTEGER,
    "actor_id" INTEGER,
    "actor_email" TEXT,
    "note" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "cms_registration_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cms_file" (
    "id" SERIAL NOT NULL,
    "direction" TEXT NOT NULL,
    "file_type" TEXT NOT NULL,
    "file_date" DATE NOT NULL,
    "sequence" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "provider_file_id" TEXT,
    "answers_file_id" TEXT,
    "record_count" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "content_enc" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "submitted_at" TIMESTAMPTZ(3),

    CONSTRAINT "cms_file_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "staff_notification" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "payer_id" INTEGER,
    "registration_id" INTEGER,
    "params" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "read_at" TIMESTAMPTZ(3),

    CONSTRAINT "staff_notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "retention_setting" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "consent_evidence_years" INTEGER NOT NULL DEFAULT 5,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "retention_setting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sandbox_bank_submission" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "org_code" TEXT NOT NULL,
    "file_date" DATE NOT NULL,
    "sequence" INTEGER NOT NULL,
    "content_sha256" TEXT NOT NULL,
    "content_enc" TEXT NOT NULL,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL,
    "received_on" DATE NOT NULL,
    "available_on" DATE NOT NULL,
    "answered" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "sandbox_bank_submission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sandbox_bank_result_file" (
    "id" TEXT NOT NULL,
    "submission_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "available_on" DATE NOT NULL,
    "content_enc" TEXT NOT NULL,

    CONSTRAINT "sandbox_bank_result_file_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sandbox_bank_registration" (
    "lookup_key" TEXT NOT NULL,
    "org_code" TEXT NOT NULL,
    "payer_number" TEXT NOT NULL,
    "bank_code" TEXT NOT NULL,
    "account_number_enc" TEXT NOT NULL,
    "birth_or_business_number_enc" TEXT NOT NULL,
    "holder_name" TEXT NOT NULL,
    "registered_on" DATE NOT NULL,

    CONSTRAINT "sandbox_bank_registration_pkey" PRIMARY KEY ("lookup_key")
);

-- CreateIndex
CREATE UNIQUE INDEX "consent_terms_kind_locale_version_key" ON "consent_terms"("kind", "locale", "version");

-- CreateIndex
CREATE UNIQUE INDEX "enrollment_link_token_hash_key" ON "enrollment_link"("token_hash");

-- CreateIndex
CREATE INDEX "enrollment_link_payer_id_idx" ON "enrollment_link"("payer_id");

-- CreateIndex
CREATE INDEX "enrollment_link_created_at_idx" ON "enrollment_link"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "otp_challenge_proof_hash_key" ON "otp_challenge"("proof_hash");

-- CreateIndex
CREATE INDEX "otp_challenge_phone_bidx_created_at_idx" ON "otp_challenge"("phone_bidx", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "consent_idempotency_key_key" ON "consent"("idempotency_key");

-- CreateIndex
CREATE INDEX "consent_payer_id_idx" ON "consent"("payer_id");

-- CreateIndex
CREATE INDEX "consent_created_at_idx" ON "consent"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "consent_withdrawal_consent_id_key" ON "consent_withdrawal"("consent_id");

-- CreateIndex
CREATE INDEX "consent_withdrawal_payer_id_idx" ON "consent_withdrawal"("payer_id");

-- CreateIndex
CREATE INDEX "cms_registration_status_idx" ON "cms_registration"("status");

-- CreateIndex
CREATE INDEX "cms_registration_payer_id_idx" ON "cms_registration"("payer_id");

-- CreateIndex
CREATE INDEX "cms_registration_request_file_id_idx" ON "cms_registration"("request_file_id");

-- CreateIndex
CREATE INDEX "cms_registration_cancel_file_id_idx" ON "cms_registration"("cancel_file_id");

-- CreateIndex
CREATE INDEX "cms_registration_created_at_idx" ON "cms_registration"("created_at");

-- CreateIndex
CREATE INDEX "cms_registration_event_registration_id_idx" ON "cms_registration_event"("registration_id");

-- CreateIndex
CREATE UNIQUE INDEX "cms_file_provider_file_id_key" ON "cms_file"("provider_file_id");

-- CreateIndex
CREATE UNIQUE INDEX "cms_file_direction_file_type_file_date_sequence_key" ON "cms_file"("direction", "file_type", "file_date", "sequence");

-- CreateIndex
CREATE INDEX "staff_notification_created_at_idx" ON "staff_notification"("created_at");

-- CreateIndex
CREATE INDEX "sandbox_bank_submission_answered_available_on_idx" ON "sandbox_bank_submission"("answered", "available_on");

-- CreateIndex
CREATE UNIQUE INDEX "sandbox_bank_result_file_submission_id_key" ON "sandbox_bank_result_file"("submission_id");

-- CreateIndex
CREATE INDEX "sandbox_bank_result_file_kind_available_on_idx" ON "sandbox_bank_result_file"("kind", "available_on");

-- AddForeignKey
ALTER TABLE "enrollment_link" ADD CONSTRAINT "enrollment_link_payer_id_fkey" FOREIGN KEY ("payer_id") REFERENCES "payer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consent" ADD CONSTRAINT "consent_payer_id_fkey" FOREIGN KEY ("payer_id") REFERENCES "payer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consent" ADD CONSTRAINT "consent_payer_account_id_fkey" FOREIGN KEY ("payer_account_id") REFERENCES "payer_account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consent" ADD CONSTRAINT "consent_signature_file_id_fkey" FOREIGN KEY ("signature_file_id") REFERENCES "evidence_file"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consent" ADD CONSTRAINT "consent_evidence_file_id_fkey" FOREIGN KEY ("evidence_file_id") REFERENCES "evidence_file"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consent_withdrawal" ADD CONSTRAINT "consent_withdrawal_consent_id_fkey" FOREIGN KEY ("consent_id") REFERENCES "consent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cms_registration" ADD CONSTRAINT "cms_registration_payer_id_fkey" FOREIGN KEY ("payer_id") REFERENCES "payer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cms_registration" ADD CONSTRAINT "cms_registration_payer_account_id_fkey" FOREIGN KEY ("payer_account_id") REFERENCES "payer_account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cms_registration" ADD CONSTRAINT "cms_registration_consent_id_fkey" FOREIGN KEY ("consent_id") REFERENCES "consent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cms_registration_event" ADD CONSTRAINT "cms_registration_event_registration_id_fkey" FOREIGN KEY ("registration_id") REFERENCES "cms_registration"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------
-- Hand-written: immutable consent evidence, its one redaction function, seeds.
-- ---------------------------------------------------------------------------

-- Terms are versioned: a published text never changes. The registration history is append-only.
CREATE TRIGGER consent_terms_append_only BEFORE UPDATE OR DELETE ON "consent_terms"
  FOR EACH ROW EXECUTE FUNCTION sunap_refuse_change();
CREATE TRIGGER consent_terms_no_truncate BEFORE TRUNCATE ON "consent_terms"
  FOR EACH STATEMENT EXECUTE FUNCTION sunap_refuse_change();
CREATE TRIGGER cms_registration_event_append_only BEFORE UPDATE OR DELETE ON "cms_registration_event"
  FOR EACH ROW EXECUTE FUNCTION sunap_refuse_change();
CREATE TRIGGER cms_registration_event_no_truncate BEFORE TRUNCATE ON "cms_registration_event"
  FOR EACH STATEMENT EXECUTE FUNCTION sunap_refuse_change();

-- Consent evidence is immutable. The only change ever let through is an UPDATE made while
-- sunap_redact_payer_personal_data() runs (it sets sunap.evidence_redaction for itself alone).
CREATE FUNCTION sunap_guard_evidence() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND current_setting('sunap.evidence_redaction', true) = 'on' THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'sunap: % is immutable consent evidence; % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'P0001', HINT = 'Only sunap_redact_payer_personal_data() may redact evidence past its retention.';
END;
$$;

CREATE TRIGGER consent_immutable BEFORE UPDATE OR DELETE ON "consent"
  FOR EACH ROW EXECUTE FUNCTION sunap_guard_evidence();
CREATE TRIGGER consent_no_truncate BEFORE TRUNCATE ON "consent"
  FOR EACH STATEMENT EXECUTE FUNCTION sunap_refuse_change();
CREATE TRIGGER consent_withdrawal_immutable BEFORE UPDATE OR DELETE ON "consent_withdrawal"
  FOR EACH ROW EXECUTE FUNCTION sunap_guard_evidence();
CREATE TRIGGER consent_withdrawal_no_truncate BEFORE TRUNCATE ON "consent_withdrawal"
  FOR EACH STATEMENT EXECUTE FUNCTION sunap_refuse_change();
CREATE TRIGGER evidence_file_immutable BEFORE UPDATE OR DELETE ON "evidence_file"
  FOR EACH ROW EXECUTE FUNCTION sunap_guard_evidence();
CREATE TRIGGER evidence_file_no_truncate BEFORE TRUNCATE ON "evidence_file"
  FOR EACH STATEMENT EXECUTE FUNCTION sunap_refuse_change();

-- The retention job's one way to touch evidence: for a payer whose relationship has ended (no
-- registration still active), blank the personal data of the payer, the accounts, the consents
-- and withdrawals, and delete the evidence files' bytes (hash, size and type stay as proof).
-- The payer row and its id stay, so ledger lines keep an anonymised reference. The caller
-- passes encrypted empty values for the NOT NULL encrypted columns (the database has no keys).
-- Writes its own audit record, in the same transaction.
CREATE FUNCTION sunap_redact_payer_personal_data(
  p_payer_id integer,
  p_phone_placeholder_enc text,
  p_account_placeholder_enc text,
  p_actor text,
  p_reason text
) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  v_active integer;
  v_files integer;
  v_consents integer;
  v_withdrawals integer;
  v_accounts integer;
  v_challenges integer;
  v_phone_bidx text;
  v_result jsonb;
BEGIN
  SELECT "phone_bidx" INTO v_phone_bidx FROM "payer" WHERE "id" = p_payer_id FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'sunap: payer % does not exist', p_payer_id USING ERRCODE = 'P0003';
  END IF;
  SELECT count(*) INTO v_active FROM "cms_registration"
    WHERE "payer_id" = p_payer_id AND "status" IN ('pending', 'submitted', 'registered', 'cancel_requested');
  IF v_active > 0 THEN
    RAISE EXCEPTION 'sunap: payer % still has an active registration; personal data not redacted', p_payer_id USING ERRCODE = 'P0003';
  END IF;

  PERFORM set_config('sunap.evidence_redaction', 'on', true);
  UPDATE "evidence_file" SET "content" = NULL, "storage_key" = NULL, "key_id" = NULL, "redacted_at" = now()
    WHERE "redacted_at" IS NULL AND "id" IN (
      SELECT "signature_file_id" FROM "consent" WHERE "payer_id" = p_payer_id AND "signature_file_id" IS NOT NULL
      UNION SELECT "evidence_file_id" FROM "consent" WHERE "payer_id" = p_payer_id AND "evidence_file_id" IS NOT NULL);
  GET DIAGNOSTICS v_files = ROW_COUNT;
  UPDATE "consent" SET "ip" = NULL, "user_agent" = NULL, "payer_name" = NULL, "phone_masked" = NULL, "account_masked" = NULL,
      "holder_name" = NULL, "certificate_subject" = NULL, "note" = NULL, "redacted_at" = now()
    WHERE "payer_id" = p_payer_id AND "redacted_at" IS NULL;
  GET DIAGNOSTICS v_consents = ROW_COUNT;
  UPDATE "consent_withdrawal" SET "ip" = NULL, "user_agent" = NULL, "reason" = NULL, "redacted_at" = now()
    WHERE "payer_id" = p_payer_id AND "redacted_at" IS NULL;
  GET DIAGNOSTICS v_withdrawals = ROW_COUNT;
  PERFORM set_config('sunap.evidence_redaction', 'off', true);

  UPDATE "payer_account" SET "account_number_enc" = p_account_placeholder_enc, "last4_bidx" = 'redacted', "holder_name" = ''
    WHERE "payer_id" = p_payer_id;
  GET DIAGNOSTICS v_accounts = ROW_COUNT;
  UPDATE "payer" SET "name" = '(파기됨)', "birth_date_enc" = NULL, "business_number_enc" = NULL, "representative" = NULL,
      "phone_enc" = p_phone_placeholder_enc, "phone_bidx" = 'redacted', "email" = NULL, "address" = NULL, "updated_at" = now()
    WHERE "id" = p_payer_id;
  DELETE FROM "otp_challenge" WHERE "phone_bidx" = v_phone_bidx;
  GET DIAGNOSTICS v_challenges = ROW_COUNT;

  v_result := jsonb_build_object('payerId', p_payer_id, 'evidenceFiles', v_files, 'consents', v_consents,
    'withdrawals', v_withdrawals, 'accounts', v_accounts, 'otpChallenges', v_challenges, 'reason', p_reason);
  INSERT INTO "audit_log" ("actor_email", "action", "entity_type", "entity_id", "after")
    VALUES (p_actor, 'retention.redact', 'payer', p_payer_id::text, v_result);
  RETURN v_result;
END;
$$;

-- Seeds: the retention setting, the banks (from the rails package's list), version 1 of the terms.
INSERT INTO "retention_setting" ("id", "consent_evidence_years") VALUES (1, 5);
INSERT INTO "cms_bank" ("code", "name_ko", "name_en", "kind", "account_number_lengths", "accepts_cms", "enabled", "sort_order") VALUES
  ('002', 'KDB산업은행', 'KDB Korea Development Bank', 'bank', '{11,14}', true, true, 10),
  ('003', 'IBK기업은행', 'IBK Industrial Bank of Korea', 'bank', '{10,11,12,14}', true, true, 20),
  ('004', 'KB국민은행', 'KB Kookmin Bank', 'bank', '{10,11,12,14}', true, true, 30),
  ('007', '수협은행', 'Suhyup Bank', 'bank', '{11,12,14}', true, true, 40),
  ('011', 'NH농협은행', 'NH NongHyup Bank', 'bank', '{11,12,13,14}', true, true, 50),
  ('012', '지역농축협', 'Local NongHyup and livestock cooperatives', 'bank', '{13,14}', true, true, 60),
  ('020', '우리은행', 'Woori Bank', 'bank', '{11,12,13,14}', true, true, 70),
  ('023', 'SC제일은행', 'SC First Bank', 'bank', '{10,11,14}', true, true, 80),
  ('027', '한국씨티은행', 'Citibank Korea', 'bank', '{10,11,12,13}', true, true, 90),
  ('031', 'iM뱅크(대구은행)', 'iM Bank (formerly Daegu Bank)', 'bank', '{7,8,9,10,11,12,13,14}', true, true, 100),
  ('032', '부산은행', 'Busan Bank', 'bank', '{12,13}', true, true, 110),
  ('034', '광주은행', 'Kwangju Bank', 'bank', '{12,13}', true, true, 120),
  ('035', '제주은행', 'Jeju Bank', 'bank', '{10,12}', true, true, 130),
  ('037', '전북은행', 'Jeonbuk Bank', 'bank', '{12,13}', true, true, 140),
  ('039', '경남은행', 'Kyongnam Bank', 'bank', '{12,13}', true, true, 150),
  ('045', '새마을금고', 'MG Saemaul Geumgo', 'bank', '{13}', true, true, 160),
  ('048', '신협', 'Shinhyup (credit unions)', 'bank', '{10,11,12,13,14}', true, true, 170),
  ('050', '저축은행', 'Savings banks', 'bank', '{}', true, true, 180),
  ('064', '산림조합', 'Korea Forestry Cooperatives', 'bank', '{12,13}', true, true, 190),
  ('071', '우체국', 'Korea Post', 'bank', '{12,13,14}', true, true, 200),
  ('081', '하나은행', 'Hana Bank', 'bank', '{11,12,14}', true, true, 210),
  ('088', '신한은행', 'Shinhan Bank', 'bank', '{11,12,13,14}', true, true, 220),
  ('089', '케이뱅크', 'K Bank', 'bank', '{10,12,13,14}', true, true, 230),
  ('090', '카카오뱅크', 'KakaoBank', 'bank', '{13}', true, true, 240),
  ('092', '토스뱅크', 'Toss Bank', 'bank', '{12}', true, true, 250),
  ('209', '유안타증권', 'Yuanta Securities', 'securities', '{}', true, true, 260),
  ('218', 'KB증권', 'KB Securities', 'securities', '{}', true, true, 270),
  ('238', '미래에셋증권', 'Mirae Asset Securities', 'securities', '{}', true, true, 280),
  ('240', '삼성증권', 'Samsung Securities', 'securities', '{}', true, true, 290),
  ('243', '한국투자증권', 'Korea Investment & Securities', 'securities', '{}', true, true, 300),
  ('247', 'NH투자증권', 'NH Investment & Securities', 'securities', '{}', true, true, 310),
  ('261', '교보증권', 'Kyobo Securities', 'securities', '{}', true, true, 320),
  ('262', 'iM증권(하이투자증권)', 'iM Securities (formerly Hi Investment & Securities)', 'securities', '{}', true, true, 330),
  ('263', '현대차증권', 'Hyundai Motor Securities', 'securities', '{}', true, true, 340),
  ('264', '키움증권', 'Kiwoom Securities', 'securities', '{}', true, true, 350),
  ('266', 'SK증권', 'SK Securities', 'securities', '{}', true, true, 360),
  ('267', '대신증권', 'Daishin Securities', 'securities', '{}', true, true, 370),
  ('269', '한화투자증권', 'Hanwha Investment & Securities', 'securities', '{}', true, true, 380),
  ('270', '하나증권', 'Hana Securities', 'securities', '{}', true, true, 390),
  ('278', '신한투자증권', 'Shinhan Securities', 'securities', '{}', true, true, 400),
  ('279', 'DB증권(DB금융투자)', 'DB Securities (formerly DB Financial Investment)', 'securities', '{}', true, true, 410),
  ('280', '유진투자증권', 'Eugene Investment & Securities', 'securities', '{}', true, true, 420),
  ('287', '메리츠증권', 'Meritz Securities', 'securities', '{}', true, true, 430);

-- sha256 is computed here from the exact text, so it always matches what is shown.
INSERT INTO "consent_terms" ("kind", "version", "locale", "title", "body", "sha256")
SELECT t.kind::"consent_terms_kind", 1, t.locale, t.title, t.body, encode(sha256(convert_to(t.body, 'UTF8')), 'hex')
FROM (VALUES
('auto_debit', 'ko', '자동이체(CMS) 출금동의 약관', $terms$제1조 (목적) 이 약관은 납부자(예금주)가 이용기관에 요금 등을 자동이체(CMS)로 납부하기 위하여 지정한 출금계좌에서 출금하는 데 동의하는 조건을 정합니다.
제2조 (출금) 이용기관은 납부자가 동의한 금액 또는 그 산정 방법과 일정에 따라 출금을 요청하며, 금융기관은 별도의 통지 없이 지정된 출금계좌에서 출금합니다. 출금일이 영업일이 아니면 다음 영업일에 출금합니다.
제3조 (잔액 부족 등) 출금일에 잔액이 부족하거나 계좌에 출금 제한이 있으면 출금되지 않을 수 있으며, 이용기관은 정한 바에 따라 다시 출금을 요청하거나 다른 납부 방법을 안내할 수 있습니다. 부분출금이 허용된 경우 잔액 범위 안에서 일부만 출금될 수 있습니다.
제4조 (동의의 해지) 납부자는 언제든지 이용기관 또는 출금 금융기관에 출금동의의 해지를 신청할 수 있으며, 해지 신청 이후에는 새로운 출금이 요청되지 않습니다.
제5조 (계좌 변경) 출금계좌를 바꾸려면 새 계좌로 다시 동의하여야 하며, 새 계좌가 등록된 뒤 기존 계좌의 등록이 해지됩니다.
제6조 (증빙의 보관) 이용기관은 전자금융거래법에 따라 이 동의의 증빙(동의 일시, 동의한 약관, 본인확인 기록, 서명)을 보관하며, 거래 관계가 끝난 뒤 보존기간이 지나면 파기합니다.$terms$),
('auto_debit', 'en', 'Automatic debit (CMS) consent terms', $terms$1 (Purpose) These terms set out the conditions on which the payer (account holder) consents to payments to the institution being debited from the account the payer names, by automatic debit (CMS).
2 (Debits) The institution requests debits for the amount, or by the method of calculation, and on the schedule the payer agreed to; the bank debits the named account without further notice. A debit due on a day that is not a banking day is made on the next banking day.
3 (Insufficient funds) If the balance is insufficient or the account is restricted on the debit day, the debit may fail; the institution may request it again or offer another way to pay as it has set out. Where partial debits are allowed, part of the amount may be debited up to the balance.
4 (Withdrawal) The payer may withdraw this consent at any time with the institution or with the bank. No new debit is requested after a withdrawal.
5 (Changing the account) To change the account, the payer consents again for the new account; the old account's registration is cancelled once the new one is registered.
6 (Evidence) As the Electronic Financial Transactions Act requires, the institution keeps the evidence of this consent (time, the terms agreed to, the identity check and the signature) and destroys it when the retention period after the relationship ends has passed.$terms$),
('privacy', 'ko', '개인정보 수집·이용 및 제공 동의', $terms$1. 수집·이용 목적: 자동이체(CMS) 출금동의와 출금계좌 등록, 요금 출금, 처리 결과 안내
2. 수집 항목: 성명, 생년월일(사업자는 사업자등록번호), 휴대전화번호, 금융기관, 계좌번호, 예금주명, 동의 일시, 접속 IP와 기기 정보, 서명
3. 보유·이용 기간: 거래 관계가 끝난 날부터 5년(관계 법령이 정한 보존기간). 기간이 지나면 지체 없이 파기합니다.
4. 제3자 제공: 출금 처리를 위하여 금융결제원과 출금 금융기관에 성명, 금융기관, 계좌번호, 생년월일(사업자등록번호)을 제공합니다.
5. 동의를 거부할 권리: 동의를 거부할 수 있으나, 거부하면 자동이체로 납부할 수 없습니다.$terms$),
('privacy', 'en', 'Consent to the collection, use and sharing of personal data', $terms$1. Purpose: the automatic debit (CMS) consent and the registration of the account, the debits, and telling you their results.
2. Data collected: name, birth date (for a business, its registration number), mobile phone number, bank, account number, account holder's name, time of consent, IP address and device information, signature.
3. Retention: five years from the end of the relationship (the period the law requires), then destroyed without delay.
4. Sharing: for the debits, the name, bank, account number and birth date (business number) are shared with the Korea Financial Telecommunications & Clearings Institute and the bank holding the account.
5. Your right to refuse: you may refuse this consent, but then you cannot pay by automatic debit.$terms$)
) AS t(kind, locale, title, body);
