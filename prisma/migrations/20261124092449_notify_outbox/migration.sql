-- CreateEnum
CREATE TYPE "notify_channel" AS ENUM ('sms', 'alimtalk', 'email');

-- CreateEnum
CREATE TYPE "notify_status" AS ENUM ('queued', 'sent', 'failed', 'cancelled');

-- CreateEnum
CREATE TYPE "notify_delivery" AS ENUM ('sms', 'lms', 'alimtalk', 'email');

-- CreateTable
CREATE TABLE "notify_message" (
    "id" SERIAL NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "channel" "notify_channel" NOT NULL,
    "template_code" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'ko',
    "recipient_enc" TEXT NOT NULL,
    "recipient_masked" TEXT NOT NULL,
    "recipient_bidx" TEXT,
    "subject" TEXT,
    "body" TEXT NOT NULL,
    "secret_enc" TEXT,
    "provider_template" TEXT,
    "buttons" JSONB,
    "payer_id" INTEGER,
    "related_type" TEXT,
    "related_id" TEXT,
    "status" "notify_status" NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3),
    "claimed_until" TIMESTAMPTZ(3),
    "claim_token" TEXT,
    "last_error" TEXT,
    "provider" TEXT,
    "provider_message_id" TEXT,
    "delivered_as" "notify_delivery",
    "sent_at" TIMESTAMPTZ(3),
    "idempotency_key" TEXT NOT NULL,

    CONSTRAINT "notify_message_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "notify_message_idempotency_key_key" ON "notify_message"("idempotency_key");

-- CreateIndex
CREATE INDEX "notify_message_status_next_attempt_at_idx" ON "notify_message"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "notify_message_recipient_bidx_created_at_idx" ON "notify_message"("recipient_bidx", "created_at");

-- CreateIndex
CREATE INDEX "notify_message_payer_id_idx" ON "notify_message"("payer_id");

-- CreateIndex
CREATE INDEX "notify_message_related_type_related_id_idx" ON "notify_message"("related_type", "related_id");

-- CreateIndex
CREATE INDEX "notify_message_created_at_idx" ON "notify_message"("created_at");

-- A message marked sent stays sent: no code path may re-queue it, so it is never sent twice by us.
CREATE FUNCTION notify_message_sent_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'sent' AND NEW.status IS DISTINCT FROM 'sent' THEN
    RAISE EXCEPTION 'notify_message %: a sent message stays sent', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER notify_message_sent_is_final BEFORE UPDATE OF status ON "notify_message"
  FOR EACH ROW EXECUTE FUNCTION notify_message_sent_is_final();
