import { defineJob } from "./job-definition.ts";

/**
 * Deletes sessions past their expiry. Sign-in already refuses them; this keeps the table small.
 * Idempotent by nature: a second run finds nothing more to delete.
 */
export const expiredSessionsJob = defineJob({
  name: "housekeeping.expired-sessions",
  cron: "*/15 * * * *",
  async handler({ db, clock }) {
    const { count } = await db.session.deleteMany({ where: { expiresAt: { lt: clock.now() } } });
    return { deleted: count };
  },
});
