export { startWorker, JOB_DEFAULTS, type WorkerOptions, type RunningWorker } from "./start-worker.ts";
export { syncSchedules } from "./sync-schedules.ts";
export { organizationTimeZone, DEFAULT_TIME_ZONE } from "./organization-time-zone.ts";
export type { WorkerClock } from "./run-job.ts";
