import { defineJob, recordAudit, type JobContext } from "@sunap/api";
import type { Keyring } from "@sunap/db";
import { queueThankYouMessages, type ThankYouRun } from "./thank-you.ts";

export const THANK_YOU_JOB = "donations.thank-you";

/**
 * Daily at 10:00 (the organisation's time zone): thanks every donor whose first gift was
 * collected since. Idempotent (see queueThankYouMessages), so a redelivery queues nothing twice.
 * Queuing needs the personal-data keyring (the recipient is stored encrypted); a worker that
 * does not hand one to its jobs gets a logged refusal rather than a retry loop.
 */
export const thankYouJob = defineJob<Record<string, never>, ThankYouRun | { skipped: string }>({
  name: THANK_YOU_JOB,
  cron: "0 10 * * *",
  retryLimit: 3,
  async handler(ctx) {
    const keyring = (ctx as JobContext & { keyring?: Keyring }).keyring;
    if (!keyring) {
      ctx.log.error("the worker gave this job no keyring: thank-you messages cannot be queued");
      return { skipped: "no keyring in the job context" };
    }
    return ctx.db.$transaction(async (tx) => {
      const run = await queueThankYouMessages(tx, keyring, { now: ctx.clock.now(), today: ctx.clock.today() });
      if (run.queued > 0) await recordAudit(tx, { id: null, email: `job:${THANK_YOU_JOB}`, ip: null }, { action: "donations.thank_you.run", entityType: "notify_message", after: run });
      return run;
    });
  },
});
