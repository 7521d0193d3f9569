-- AlterTable
ALTER TABLE "invoice" ADD COLUMN     "credited_won" BIGINT NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "credit_note" (
    "id" SERIAL NOT NULL,
    "number" TEXT NOT NULL,
    "invoice_id" INTEGER NOT NULL,
    "payer_id" INTEGER NOT NULL,
    "store_id" INTEGER,
    "issue_on" DATE NOT NULL,
    "total_won" BIGINT NOT NULL,
    "to_customer_credit_won" BIGINT NOT NULL,
    "reason" TEXT NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "entry_id" INTEGER NOT NULL,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "credit_note_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "credit_note_line" (
    "id" SERIAL NOT NULL,
    "credit_note_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "invoice_line_position" INTEGER,
    "label_ko" TEXT NOT NULL,
    "label_en" TEXT NOT NULL,
    "amount_won" BIGINT NOT NULL,
    "debit_account" TEXT NOT NULL,

    CONSTRAINT "credit_note_line_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "credit_note_sequence" (
    "year" INTEGER NOT NULL,
    "last_number" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "credit_note_sequence_pkey" PRIMARY KEY ("year")
);

-- CreateIndex
CREATE UNIQUE INDEX "credit_note_number_key" ON "credit_note"("number");

-- CreateIndex
CREATE UNIQUE INDEX "credit_note_idempotency_key_key" ON "credit_note"("idempotency_key");

-- CreateIndex
CREATE UNIQUE INDEX "credit_note_entry_id_key" ON "credit_note"("entry_id");

-- CreateIndex
CREATE INDEX "credit_note_invoice_id_idx" ON "credit_note"("invoice_id");

-- CreateIndex
CREATE INDEX "credit_note_payer_id_issue_on_idx" ON "credit_note"("payer_id", "issue_on");

-- CreateIndex
CREATE INDEX "credit_note_issue_on_idx" ON "credit_note"("issue_on");

-- CreateIndex
CREATE UNIQUE INDEX "credit_note_line_credit_note_id_position_key" ON "credit_note_line"("credit_note_id", "position");

-- AddForeignKey
ALTER TABLE "credit_note" ADD CONSTRAINT "credit_note_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credit_note" ADD CONSTRAINT "credit_note_payer_id_fkey" FOREIGN KEY ("payer_id") REFERENCES "payer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credit_note_line" ADD CONSTRAINT "credit_note_line_credit_note_id_fkey" FOREIGN KEY ("credit_note_id") REFERENCES "credit_note"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A credit note and its lines are permanent, like the invoice they credit.
CREATE TRIGGER credit_note_append_only BEFORE UPDATE OR DELETE ON "credit_note"
  FOR EACH ROW EXECUTE FUNCTION sunap_refuse_change();
CREATE TRIGGER credit_note_line_append_only BEFORE UPDATE OR DELETE ON "credit_note_line"
  FOR EACH ROW EXECUTE FUNCTION sunap_refuse_change();

ALTER TABLE "credit_note" ADD CONSTRAINT "credit_note_amounts" CHECK (total_won > 0 AND to_customer_credit_won >= 0 AND to_customer_credit_won <= total_won);
ALTER TABLE "credit_note_line" ADD CONSTRAINT "credit_note_line_positive" CHECK (amount_won > 0);
-- Never more taken back than was charged.
ALTER TABLE "invoice" ADD CONSTRAINT "invoice_credited_within_total" CHECK (credited_won >= 0 AND credited_won <= total_won);
