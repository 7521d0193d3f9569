-- CreateEnum
CREATE TYPE "payer_kind" AS ENUM ('individual', 'business');

-- CreateEnum
CREATE TYPE "payer_status" AS ENUM ('active', 'left');

-- CreateTable
CREATE TABLE "payer" (
    "id" SERIAL NOT NULL,
    "payer_code" TEXT NOT NULL,
    "kind" "payer_kind" NOT NULL,
    "name" TEXT NOT NULL,
    "birth_date_enc" TEXT,
    "business_number_enc" TEXT,
    "representative" TEXT,
    "phone_enc" TEXT NOT NULL,
    "phone_bidx" TEXT NOT NULL,
    "email" TEXT,
    "address" TEXT,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "plugins" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "store_id" INTEGER,
    "status" "payer_status" NOT NULL DEFAULT 'active',
    "left_on" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "payer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payer_account" (
    "id" SERIAL NOT NULL,
    "payer_id" INTEGER NOT NULL,
    "bank_code" TEXT NOT NULL,
    "account_number_enc" TEXT NOT NULL,
    "last4_bidx" TEXT NOT NULL,
    "holder_name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payer_account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "personal_data_access" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "user_id" INTEGER,
    "email" TEXT,
    "ip" TEXT,
    "action" TEXT NOT NULL,
    "payer_id" INTEGER,
    "reason" TEXT NOT NULL,

    CONSTRAINT "personal_data_access_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "payer_payer_code_key" ON "payer"("payer_code");

-- CreateIndex
CREATE INDEX "payer_phone_bidx_idx" ON "payer"("phone_bidx");

-- CreateIndex
CREATE INDEX "payer_store_id_idx" ON "payer"("store_id");

-- CreateIndex
CREATE INDEX "payer_name_idx" ON "payer"("name");

-- CreateIndex
CREATE INDEX "payer_account_payer_id_idx" ON "payer_account"("payer_id");

-- CreateIndex
CREATE INDEX "payer_account_last4_bidx_idx" ON "payer_account"("last4_bidx");

-- CreateIndex
CREATE INDEX "personal_data_access_payer_id_at_idx" ON "personal_data_access"("payer_id", "at");

-- CreateIndex
CREATE INDEX "personal_data_access_at_idx" ON "personal_data_access"("at");

-- AddForeignKey
ALTER TABLE "payer" ADD CONSTRAINT "payer_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "store"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payer_account" ADD CONSTRAINT "payer_account_payer_id_fkey" FOREIGN KEY ("payer_id") REFERENCES "payer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------
-- Hand-written: the access log (PIPA 접속기록) is append-only, like the audit log.
-- ---------------------------------------------------------------------------
CREATE TRIGGER personal_data_access_append_only BEFORE UPDATE OR DELETE ON "personal_data_access"
  FOR EACH ROW EXECUTE FUNCTION sunap_refuse_change();
CREATE TRIGGER personal_data_access_no_truncate BEFORE TRUNCATE ON "personal_data_access"
  FOR EACH STATEMENT EXECUTE FUNCTION sunap_refuse_change();
