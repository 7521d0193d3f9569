import { defineJob } from "./job-definition.ts";
import { pruneRateLimitWindows } from "../services/rate-limits.ts";

/** Deletes rate-limit windows no limit looks at any more (older than a day). Idempotent. */
export const rateLimitWindowsJob = defineJob({
  name: "housekeeping.rate-limit-windows",
  cron: "7 * * * *",
  async handler({ db, clock }) {
    return { deleted: await pruneRateLimitWindows(db, clock.now()) };
  },
});
