-- CreateEnum
CREATE TYPE "contract_status" AS ENUM ('active', 'ended');

-- CreateEnum
CREATE TYPE "payment_method" AS ENUM ('bank_transfer', 'cash', 'customer_credit');

-- CreateTable
CREATE TABLE "contract" (
    "id" SERIAL NOT NULL,
    "plugin_id" TEXT NOT NULL,
    "payer_id" INTEGER NOT NULL,
    "store_id" INTEGER,
    "title" TEXT NOT NULL,
    "terms" JSONB NOT NULL,
    "status" "contract_status" NOT NULL DEFAULT 'active',
    "starts_on" DATE NOT NULL,
    "ended_on" DATE,
    "next_issue_on" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "contract_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "plugin_settings" (
    "plugin_id" TEXT NOT NULL,
    "settings" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "plugin_settings_pkey" PRIMARY KEY ("plugin_id")
);

-- CreateTable
CREATE TABLE "invoice" (
    "id" SERIAL NOT NULL,
    "number" TEXT NOT NULL,
    "contract_id" INTEGER NOT NULL,
    "plugin_id" TEXT NOT NULL,
    "payer_id" INTEGER NOT NULL,
    "store_id" INTEGER,
    "period_key" TEXT NOT NULL,
    "period_start" DATE NOT NULL,
    "period_end" DATE NOT NULL,
    "issue_on" DATE NOT NULL,
    "due_on" DATE NOT NULL,
    "total_won" BIGINT NOT NULL,
    "open_won" BIGINT NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "entry_id" INTEGER NOT NULL,
    "void_entry_id" INTEGER,
    "voided_at" TIMESTAMPTZ(3),
    "void_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "invoice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invoice_line" (
    "id" SERIAL NOT NULL,
    "invoice_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "label_ko" TEXT NOT NULL,
    "label_en" TEXT NOT NULL,
    "amount_won" BIGINT NOT NULL,
    "credit_account" TEXT NOT NULL,
    "basis_ko" TEXT,
    "basis_en" TEXT,

    CONSTRAINT "invoice_line_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invoice_sequence" (
    "year" INTEGER NOT NULL,
    "last_number" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "invoice_sequence_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "payment" (
    "id" SERIAL NOT NULL,
    "payer_id" INTEGER NOT NULL,
    "received_on" DATE NOT NULL,
    "amount_won" BIGINT NOT NULL,
    "method" "payment_method" NOT NULL,
    "reference" TEXT NOT NULL DEFAULT '',
    "memo" TEXT NOT NULL DEFAULT '',
    "idempotency_key" TEXT NOT NULL,
    "entry_id" INTEGER NOT NULL,
    "void_entry_id" INTEGER,
    "voided_at" TIMESTAMPTZ(3),
    "void_reason" TEXT,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payment_allocation" (
    "id" SERIAL NOT NULL,
    "payment_id" INTEGER NOT NULL,
    "invoice_id" INTEGER NOT NULL,
    "amount_won" BIGINT NOT NULL,

    CONSTRAINT "payment_allocation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "billing_run" (
    "id" SERIAL NOT NULL,
    "run_on" DATE NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "trigger" TEXT NOT NULL,
    "contracts" INTEGER NOT NULL DEFAULT 0,
    "issued" INTEGER NOT NULL DEFAULT 0,
    "total_won" BIGINT NOT NULL DEFAULT 0,
    "failures" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "billing_run_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "donor_tax_consent" (
    "payer_id" INTEGER NOT NULL,
    "resident_number_enc" TEXT,
    "consented_at" TIMESTAMPTZ(3) NOT NULL,
    "terms_version" TEXT NOT NULL,
    "withdrawn_at" TIMESTAMPTZ(3),

    CONSTRAINT "donor_tax_consent_pkey" PRIMARY KEY ("payer_id")
);

-- CreateTable
CREATE TABLE "donation_receipt_issue" (
    "id" SERIAL NOT NULL,
    "payer_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "serial" TEXT NOT NULL,
    "total_won" BIGINT NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "donation_receipt_issue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "royalty_sales_report" (
    "id" SERIAL NOT NULL,
    "store_id" INTEGER NOT NULL,
    "month" TEXT NOT NULL,
    "gross_sales_won" BIGINT NOT NULL,
    "source" TEXT NOT NULL,
    "reported_by_id" INTEGER,
    "reported_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revision" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "royalty_sales_report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "royalty_tax_invoice" (
    "id" SERIAL NOT NULL,
    "invoice_id" INTEGER NOT NULL,
    "provider" TEXT NOT NULL,
    "provider_ref" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "royalty_tax_invoice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "subscription_plan" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name_ko" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "interval" TEXT NOT NULL,
    "price_won" BIGINT NOT NULL,
    "trial_days" INTEGER NOT NULL DEFAULT 0,
    "vat_included" BOOLEAN NOT NULL DEFAULT true,
    "tax_exempt" BOOLEAN NOT NULL DEFAULT false,
    "due_after_days" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "subscription_plan_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "contract_plugin_id_status_idx" ON "contract"("plugin_id", "status");

-- CreateIndex
CREATE INDEX "contract_payer_id_idx" ON "contract"("payer_id");

-- CreateIndex
CREATE INDEX "contract_store_id_idx" ON "contract"("store_id");

-- CreateIndex
CREATE INDEX "contract_status_next_issue_on_idx" ON "contract"("status", "next_issue_on");

-- CreateIndex
CREATE UNIQUE INDEX "invoice_number_key" ON "invoice"("number");

-- CreateIndex
CREATE UNIQUE INDEX "invoice_idempotency_key_key" ON "invoice"("idempotency_key");

-- CreateIndex
CREATE UNIQUE INDEX "invoice_entry_id_key" ON "invoice"("entry_id");

-- CreateIndex
CREATE UNIQUE INDEX "invoice_void_entry_id_key" ON "invoice"("void_entry_id");

-- CreateIndex
CREATE INDEX "invoice_payer_id_due_on_idx" ON "invoice"("payer_id", "due_on");

-- CreateIndex
CREATE INDEX "invoice_plugin_id_issue_on_idx" ON "invoice"("plugin_id", "issue_on");

-- CreateIndex
CREATE INDEX "invoice_due_on_idx" ON "invoice"("due_on");

-- CreateIndex
CREATE INDEX "invoice_issue_on_idx" ON "invoice"("issue_on");

-- CreateIndex
CREATE INDEX "invoice_store_id_due_on_idx" ON "invoice"("store_id", "due_on");

-- CreateIndex
CREATE UNIQUE INDEX "invoice_contract_id_period_key_key" ON "invoice"("contract_id", "period_key");

-- CreateIndex
CREATE UNIQUE INDEX "invoice_line_invoice_id_position_key" ON "invoice_line"("invoice_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "payment_idempotency_key_key" ON "payment"("idempotency_key");

-- CreateIndex
CREATE UNIQUE INDEX "payment_entry_id_key" ON "payment"("entry_id");

-- CreateIndex
CREATE UNIQUE INDEX "payment_void_entry_id_key" ON "payment"("void_entry_id");

-- CreateIndex
CREATE INDEX "payment_payer_id_received_on_idx" ON "payment"("payer_id", "received_on");

-- CreateIndex
CREATE INDEX "payment_received_on_idx" ON "payment"("received_on");

-- CreateIndex
CREATE INDEX "payment_allocation_invoice_id_idx" ON "payment_allocation"("invoice_id");

-- CreateIndex
CREATE UNIQUE INDEX "payment_allocation_payment_id_invoice_id_key" ON "payment_allocation"("payment_id", "invoice_id");

-- CreateIndex
CREATE INDEX "billing_run_started_at_idx" ON "billing_run"("started_at");

-- CreateIndex
CREATE UNIQUE INDEX "donation_receipt_issue_serial_key" ON "donation_receipt_issue"("serial");

-- CreateIndex
CREATE UNIQUE INDEX "donation_receipt_issue_payer_id_year_key" ON "donation_receipt_issue"("payer_id", "year");

-- CreateIndex
CREATE INDEX "royalty_sales_report_month_idx" ON "royalty_sales_report"("month");

-- CreateIndex
CREATE UNIQUE INDEX "royalty_sales_report_store_id_month_key" ON "royalty_sales_report"("store_id", "month");

-- CreateIndex
CREATE UNIQUE INDEX "royalty_tax_invoice_invoice_id_key" ON "royalty_tax_invoice"("invoice_id");

-- CreateIndex
CREATE UNIQUE INDEX "subscription_plan_code_key" ON "subscription_plan"("code");

-- AddForeignKey
ALTER TABLE "contract" ADD CONSTRAINT "contract_payer_id_fkey" FOREIGN KEY ("payer_id") REFERENCES "payer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contract" ADD CONSTRAINT "contract_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "store"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoice" ADD CONSTRAINT "invoice_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contract"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoice" ADD CONSTRAINT "invoice_payer_id_fkey" FOREIGN KEY ("payer_id") REFERENCES "payer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoice" ADD CONSTRAINT "invoice_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "store"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoice_line" ADD CONSTRAINT "invoice_line_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment" ADD CONSTRAINT "payment_payer_id_fkey" FOREIGN KEY ("payer_id") REFERENCES "payer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment_allocation" ADD CONSTRAINT "payment_allocation_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment_allocation" ADD CONSTRAINT "payment_allocation_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "donor_tax_consent" ADD CONSTRAINT "donor_tax_consent_payer_id_fkey" FOREIGN KEY ("payer_id") REFERENCES "payer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "donation_receipt_issue" ADD CONSTRAINT "donation_receipt_issue_payer_id_fkey" FOREIGN KEY ("payer_id") REFERENCES "payer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "royalty_sales_report" ADD CONSTRAINT "royalty_sales_report_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "store"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- An issued invoice's lines and amounts never change: corrections are a void (reversing entry) and a new invoice.
CREATE TRIGGER invoice_line_append_only BEFORE UPDATE OR DELETE ON "invoice_line"
  FOR EACH ROW EXECUTE FUNCTION sunap_refuse_change();
CREATE TRIGGER payment_allocation_append_only BEFORE UPDATE OR DELETE ON "payment_allocation"
  FOR EACH ROW EXECUTE FUNCTION sunap_refuse_change();

CREATE FUNCTION sunap_invoice_fixed_columns() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'invoice % is permanent: void it instead', OLD.id USING ERRCODE = 'P0001';
  END IF;
  IF (NEW.number, NEW.contract_id, NEW.payer_id, NEW.period_key, NEW.issue_on, NEW.due_on, NEW.total_won, NEW.idempotency_key, NEW.entry_id)
     IS DISTINCT FROM (OLD.number, OLD.contract_id, OLD.payer_id, OLD.period_key, OLD.issue_on, OLD.due_on, OLD.total_won, OLD.idempotency_key, OLD.entry_id) THEN
    RAISE EXCEPTION 'invoice % was issued: only its open amount and void may change', OLD.id USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER invoice_fixed_columns BEFORE UPDATE OR DELETE ON "invoice"
  FOR EACH ROW EXECUTE FUNCTION sunap_invoice_fixed_columns();

ALTER TABLE "invoice" ADD CONSTRAINT "invoice_amounts" CHECK (total_won > 0 AND open_won <= total_won);
ALTER TABLE "payment" ADD CONSTRAINT "payment_amount_positive" CHECK (amount_won > 0);
ALTER TABLE "payment_allocation" ADD CONSTRAINT "payment_allocation_positive" CHECK (amount_won > 0);
ALTER TABLE "royalty_sales_report" ADD CONSTRAINT "royalty_sales_report_month" CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$' AND gross_sales_won >= 0);
