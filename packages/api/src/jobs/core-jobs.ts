import type { JobDefinition } from "./job-definition.ts";
import { expiredSessionsJob } from "./expired-sessions.ts";
import { rateLimitWindowsJob } from "./rate-limit-windows.ts";

/** The jobs of the core; the worker runs these plus every plugin's `jobs`. */
export const coreJobs: JobDefinition[] = [expiredSessionsJob, rateLimitWindowsJob];
