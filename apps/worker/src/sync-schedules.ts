import type { PgBoss } from "pg-boss";
import type { Logger } from "pino";
import type { JobDefinition } from "@sunap/api";

/**
 * Makes pg-boss's schedules match the job list: each job with a `cron` scheduled in the
 * organisation's time zone; schedules of jobs that are gone, or no longer have a cron, removed.
 * Safe to run again, e.g. after the organisation's time zone changes.
 */
export async function syncSchedules(boss: PgBoss, jobs: readonly JobDefinition[], timeZone: string, log: Logger): Promise<void> {
  const cronByName = new Map(jobs.filter((job) => job.cron).map((job) => [job.name, job.cron as string]));
  for (const [name, cron] of cronByName) {
    await boss.schedule(name, cron, {}, { tz: timeZone });
  }
  for (const schedule of await allSchedules(boss)) {
    if (!cronByName.has(schedule.name)) {
      await boss.unschedule(schedule.name, schedule.key);
      log.info({ job: schedule.name, key: schedule.key }, "unscheduled a cron whose job is no longer defined");
    }
  }
}

async function allSchedules(boss: PgBoss) {
  const pageSize = 1000;
  const all = [];
  for (let page = await boss.getSchedules(undefined, undefined, { limit: pageSize }); ; ) {
    all.push(...page);
    const last = page.at(-1);
    if (page.length < pageSize || !last) return all;
    page = await boss.getSchedules(undefined, undefined, { limit: pageSize, after: { name: last.name, key: last.key } });
  }
}
