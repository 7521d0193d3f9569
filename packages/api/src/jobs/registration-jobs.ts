import type { Keyring } from "@sunap/db";
import { collectRegistrationResults, submitPendingRegistrations } from "../services/registration-pipeline.ts";
import { loadCmsProvider, type CmsProviderFactory } from "../services/registration-provider.ts";
import { defineJob, type JobDefinition } from "./job-definition.ts";
import { createRetentionJob } from "./retention-job.ts";

/**
 * Writes pending registrations and cancellations into an EB13 file and hands it to the CMS
 * provider. Idempotent: a file is prepared once (its rows point at it) and re-sending the same
 * bytes is a no-op at the provider, so a retry or a crash half way repeats nothing.
 */
export const createRegistrationSubmitJob = (keyring: Keyring, cmsProvider?: CmsProviderFactory) =>
  defineJob({
    name: "cms.registrations-submit",
    cron: "*/10 * * * *",
    expireInSeconds: 600,
    async handler(ctx) {
      return submitPendingRegistrations({ db: ctx.db, keyring, clock: ctx.clock, provider: await loadCmsProvider(ctx.db, keyring, ctx.clock, cmsProvider) });
    },
  });

/** Fetches EB14 result files and applies each once (processed file ids are kept). */
export const createRegistrationCollectJob = (keyring: Keyring, cmsProvider?: CmsProviderFactory) =>
  defineJob({
    name: "cms.registrations-collect",
    cron: "5-59/10 * * * *",
    expireInSeconds: 600,
    async handler(ctx) {
      const { applied, replayed } = await collectRegistrationResults({ db: ctx.db, keyring, clock: ctx.clock, provider: await loadCmsProvider(ctx.db, keyring, ctx.clock, cmsProvider) });
      const sum = (key: "registered" | "rejected" | "cancelled") => applied.reduce((n, a) => n + a[key], 0);
      return { files: applied.length, replayed, registered: sum("registered"), rejected: sum("rejected"), cancelled: sum("cancelled") };
    },
  });

/**
 * The consent and registration jobs. Factories, as they need the keyring (account numbers go
 * into the files; results are told to payers), which job contexts do not carry, and the
 * configured CMS rail (the sandbox bank when none is given).
 */
export function createConsentJobs(keyring: Keyring, options: { cmsProvider?: CmsProviderFactory } = {}): JobDefinition[] {
  return [createRegistrationSubmitJob(keyring, options.cmsProvider), createRegistrationCollectJob(keyring, options.cmsProvider), createRetentionJob(keyring)] as JobDefinition[];
}
