-- CreateTable
CREATE TABLE "banking_calendar_adjustment" (
    "date" DATE NOT NULL,
    "kind" TEXT NOT NULL,
    "name_ko" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "banking_calendar_adjustment_pkey" PRIMARY KEY ("date")
);

-- CreateTable
CREATE TABLE "cms_setting" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "debit_cutoff" TEXT NOT NULL DEFAULT '17:00',
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cms_setting_pkey" PRIMARY KEY ("id")
);

-- A row either closes a day or reopens a shipped closure; the cut-off is a time of day.
ALTER TABLE "banking_calendar_adjustment" ADD CONSTRAINT "banking_calendar_adjustment_kind_check" CHECK ("kind" IN ('closed', 'open'));
ALTER TABLE "cms_setting" ADD CONSTRAINT "cms_setting_single_row" CHECK ("id" = 1);
ALTER TABLE "cms_setting" ADD CONSTRAINT "cms_setting_debit_cutoff_check" CHECK ("debit_cutoff" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$');
