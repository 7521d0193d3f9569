export { defineJob, type JobContext, type JobDefinition } from "./job-definition.ts";
export { expiredSessionsJob } from "./expired-sessions.ts";
export { coreJobs } from "./core-jobs.ts";
export { createBillingJob, BILLING_JOB } from "./billing-job.ts";
