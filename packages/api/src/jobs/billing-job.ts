import type { Keyring } from "@sunap/db";
import { runBilling } from "../services/billing-engine.ts";
import { defineJob } from "./job-definition.ts";

export const BILLING_JOB = "billing.issue-invoices";

/**
 * Daily, early in the organisation's morning: issues every invoice that has come due. Idempotent
 * by construction (see runBilling); an aborted run throws so pg-boss retries it, and the retry
 * issues only what is still missing.
 */
export const createBillingJob = (keyring: Keyring) =>
  defineJob({
    name: BILLING_JOB,
    cron: "10 4 * * *",
    expireInSeconds: 3600,
    async handler(ctx) {
      const result = await runBilling({ db: ctx.db, registry: ctx.billing, keyring, clock: ctx.clock, trigger: "schedule", signal: ctx.signal, log: ctx.log });
      if (result.aborted) throw new Error(`billing run ${result.runId} was stopped before it finished; the retry issues the rest`);
      return { runId: result.runId, runOn: result.runOn, contracts: result.contracts, issued: result.issued, totalWon: result.totalWon, failures: result.failures.length };
    },
  });
