import type { Keyring } from "@sunap/db";
import { runRetention } from "../services/retention-service.ts";
import { defineJob } from "./job-definition.ts";

/**
 * Daily: redacts the personal data of payers whose relationship ended more than the retention
 * period ago (default 5 years) and deletes their evidence files' bytes, through the one database
 * function allowed to, which audits each payer. Idempotent: a redacted payer is not found again.
 */
export const createRetentionJob = (keyring: Keyring) =>
  defineJob({
    name: "retention.redact-personal-data",
    cron: "30 3 * * *",
    expireInSeconds: 1800,
    async handler(ctx) {
      return runRetention(ctx.db, keyring, ctx.clock.today());
    },
  });
