import { defineJob, recordAudit } from "@sunap/api";
import { queueThankYouMessages, type ThankYouRun } from "./thank-you.ts";

export const THANK_YOU_JOB = "donations.thank-you";

/**
 * Daily at 10:00 (the organisation's time zone): thanks every donor whose first gift was
 * collected since. Idempotent (see queueThankYouMessages), so a redelivery queues nothing twice.
 * Queuing needs the personal-data keyring (the recipient is stored encrypted); the worker hands
 * it to every job. Without one (a bare test context) the job logs a refusal rather than retrying.
 */
export const thankYouJob = defineJob<Record<string, never>, ThankYouRun | { skipped: string }>({
  name: THANK_YOU_JOB,
  cron: "0 10 * * *",
  retryLimit: 3,
  async handler(ctx) {
    const keyring = ctx.keyring;
    if (!keyring) {
      ctx.log.error("the worker gave this job no keyring: thank-you messages cannot be queued");
      return { skipped: "no keyring in the job context" };
    }
    return ctx.db.$transaction(async (tx) => {
      const run = await queueThankYouMessages(tx, keyring, { clock: ctx.clock });
      if (run.queued > 0) await recordAudit(tx, { id: null, email: `job:${THANK_YOU_JOB}`, ip: null }, { action: "donations.thank_you.run", entityType: "notify_message", after: run });
      return run;
    });
  },
});
