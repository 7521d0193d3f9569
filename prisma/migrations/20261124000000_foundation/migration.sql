-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "role" AS ENUM ('admin', 'finance', 'franchise_hq', 'store_owner', 'auditor');

-- CreateEnum
CREATE TYPE "account_type" AS ENUM ('asset', 'liability', 'equity', 'revenue', 'expense');

-- CreateTable
CREATE TABLE "app_user" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "role" NOT NULL,
    "password_hash" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'ko',
    "failed_logins" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "password_changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disabled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user_store" (
    "user_id" INTEGER NOT NULL,
    "store_id" INTEGER NOT NULL,

    CONSTRAINT "user_store_pkey" PRIMARY KEY ("user_id","store_id")
);

-- CreateTable
CREATE TABLE "session" (
    "token_hash" TEXT NOT NULL,
    "user_id" INTEGER NOT NULL,
    "csrf_token" TEXT NOT NULL,
    "ip" TEXT,
    "user_agent" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "session_pkey" PRIMARY KEY ("token_hash")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" INTEGER,
    "actor_email" TEXT,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT,
    "before" JSONB,
    "after" JSONB,
    "ip" TEXT,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ledger_account" (
    "code" TEXT NOT NULL,
    "name_ko" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "type" "account_type" NOT NULL,
    "plugin_id" TEXT,

    CONSTRAINT "ledger_account_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "journal_entry" (
    "id" SERIAL NOT NULL,
    "effective_on" DATE NOT NULL,
    "posted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "memo" TEXT NOT NULL DEFAULT '',
    "source" TEXT NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "created_by_id" INTEGER,
    "reverses_entry_id" INTEGER,

    CONSTRAINT "journal_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "journal_line" (
    "id" SERIAL NOT NULL,
    "entry_id" INTEGER NOT NULL,
    "account_code" TEXT NOT NULL,
    "amount_won" BIGINT NOT NULL,
    "payer_id" INTEGER,
    "invoice_id" INTEGER,
    "store_id" INTEGER,
    "effective_on" DATE NOT NULL,

    CONSTRAINT "journal_line_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "accounting_period" (
    "month" DATE NOT NULL,
    "closed_at" TIMESTAMPTZ(3),
    "closed_by_id" INTEGER,

    CONSTRAINT "accounting_period_pkey" PRIMARY KEY ("month")
);

-- CreateTable
CREATE TABLE "organization" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "legal_name" TEXT NOT NULL,
    "business_number" TEXT NOT NULL,
    "representative" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "cms_institution_code" TEXT NOT NULL,
    "settlement_bank_code" TEXT NOT NULL,
    "settlement_account" TEXT NOT NULL,
    "time_zone" TEXT NOT NULL DEFAULT 'Asia/Seoul',
    "creditor_text" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "clock_override" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "today" DATE NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "clock_override_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "store" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "opened_on" DATE NOT NULL,
    "closed_on" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "store_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- CreateIndex
CREATE INDEX "session_expires_at_idx" ON "session"("expires_at");

-- CreateIndex
CREATE INDEX "session_user_id_idx" ON "session"("user_id");

-- CreateIndex
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");

-- CreateIndex
CREATE INDEX "audit_log_entity_type_entity_id_idx" ON "audit_log"("entity_type", "entity_id");

-- CreateIndex
CREATE INDEX "audit_log_actor_id_idx" ON "audit_log"("actor_id");

-- CreateIndex
CREATE UNIQUE INDEX "journal_entry_idempotency_key_key" ON "journal_entry"("idempotency_key");

-- CreateIndex
CREATE UNIQUE INDEX "journal_entry_reverses_entry_id_key" ON "journal_entry"("reverses_entry_id");

-- CreateIndex
CREATE INDEX "journal_entry_effective_on_idx" ON "journal_entry"("effective_on");

-- CreateIndex
CREATE INDEX "journal_line_account_code_effective_on_idx" ON "journal_line"("account_code", "effective_on");

-- CreateIndex
CREATE INDEX "journal_line_payer_id_effective_on_idx" ON "journal_line"("payer_id", "effective_on");

-- CreateIndex
CREATE INDEX "journal_line_invoice_id_effective_on_idx" ON "journal_line"("invoice_id", "effective_on");

-- CreateIndex
CREATE INDEX "journal_line_store_id_effective_on_idx" ON "journal_line"("store_id", "effective_on");

-- CreateIndex
CREATE INDEX "journal_line_entry_id_idx" ON "journal_line"("entry_id");

-- CreateIndex
CREATE UNIQUE INDEX "store_code_key" ON "store"("code");

-- AddForeignKey
ALTER TABLE "user_store" ADD CONSTRAINT "user_store_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_store" ADD CONSTRAINT "user_store_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "journal_line" ADD CONSTRAINT "journal_line_entry_id_fkey" FOREIGN KEY ("entry_id") REFERENCES "journal_entry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "journal_line" ADD CONSTRAINT "journal_line_account_code_fkey" FOREIGN KEY ("account_code") REFERENCES "ledger_account"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "journal_line" ADD CONSTRAINT "journal_line_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "store"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- ---------------------------------------------------------------------------
-- Hand-written: the rules the database itself enforces (Prisma does not model triggers).
-- ---------------------------------------------------------------------------

-- History never changes: journal entries, journal lines and the audit log refuse UPDATE, DELETE and TRUNCATE.
CREATE FUNCTION sunap_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'sunap: % is append-only; % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'P0001', HINT = 'Correct with a reversing entry instead.';
END;
$$;

CREATE TRIGGER journal_entry_append_only BEFORE UPDATE OR DELETE ON "journal_entry"
  FOR EACH ROW EXECUTE FUNCTION sunap_refuse_change();
CREATE TRIGGER journal_entry_no_truncate BEFORE TRUNCATE ON "journal_entry"
  FOR EACH STATEMENT EXECUTE FUNCTION sunap_refuse_change();
CREATE TRIGGER journal_line_append_only BEFORE UPDATE OR DELETE ON "journal_line"
  FOR EACH ROW EXECUTE FUNCTION sunap_refuse_change();
CREATE TRIGGER journal_line_no_truncate BEFORE TRUNCATE ON "journal_line"
  FOR EACH STATEMENT EXECUTE FUNCTION sunap_refuse_change();
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION sunap_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION sunap_refuse_change();

-- An entry dated in a closed accounting period is refused.
CREATE FUNCTION sunap_refuse_closed_period() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM "accounting_period"
    WHERE "month" = date_trunc('month', NEW."effective_on")::date AND "closed_at" IS NOT NULL
  ) THEN
    RAISE EXCEPTION 'sunap: accounting period % is closed', to_char(NEW."effective_on", 'YYYY-MM')
      USING ERRCODE = 'P0002';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER journal_entry_open_period BEFORE INSERT ON "journal_entry"
  FOR EACH ROW EXECUTE FUNCTION sunap_refuse_closed_period();

-- Each entry has at least two lines, they sum to zero and carry the entry's date.
-- Deferred to commit so the entry and its lines can be inserted in any order in one transaction.
CREATE FUNCTION sunap_check_entry_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  target_entry integer;
  line_count integer;
  total numeric;
  wrong_dates integer;
BEGIN
  IF TG_TABLE_NAME = 'journal_entry' THEN
    target_entry := NEW."id";
  ELSE
    target_entry := NEW."entry_id";
  END IF;
  SELECT count(*), coalesce(sum(l."amount_won"), 0), count(*) FILTER (WHERE l."effective_on" <> e."effective_on")
    INTO line_count, total, wrong_dates
    FROM "journal_entry" e LEFT JOIN "journal_line" l ON l."entry_id" = e."id"
   WHERE e."id" = target_entry AND l."id" IS NOT NULL;
  IF line_count < 2 THEN
    RAISE EXCEPTION 'sunap: journal entry % has % line(s); at least two are needed', target_entry, line_count
      USING ERRCODE = 'P0003';
  END IF;
  IF total <> 0 THEN
    RAISE EXCEPTION 'sunap: journal entry % is unbalanced by % won', target_entry, total
      USING ERRCODE = 'P0003';
  END IF;
  IF wrong_dates > 0 THEN
    RAISE EXCEPTION 'sunap: journal entry % has lines dated differently from the entry', target_entry
      USING ERRCODE = 'P0003';
  END IF;
  RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER journal_entry_balanced AFTER INSERT ON "journal_entry"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION sunap_check_entry_balanced();
CREATE CONSTRAINT TRIGGER journal_line_balanced AFTER INSERT ON "journal_line"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION sunap_check_entry_balanced();

-- There is only ever one organisation and one clock override.
ALTER TABLE "organization" ADD CONSTRAINT "organization_single_row" CHECK ("id" = 1);
ALTER TABLE "clock_override" ADD CONSTRAINT "clock_override_single_row" CHECK ("id" = 1);
