import { PgBoss } from "pg-boss";
import type { Logger } from "pino";
import type { Db, Keyring } from "@sunap/db";
import { EMPTY_BILLING_REGISTRY, type BillingRegistry, type JobDefinition } from "@sunap/api";
import { runJob, type WorkerClock } from "./run-job.ts";
import { syncSchedules } from "./sync-schedules.ts";

export interface WorkerOptions {
  /** PostgreSQL holding the queue; normally the application's own database. */
  connectionString: string;
  db: Db;
  clock: WorkerClock;
  log: Logger;
  jobs: readonly JobDefinition[];
  /** The server's plugins, handed to every job (default: none). */
  billing?: BillingRegistry;
  /** The personal-data keyring, handed to every job (jobs that queue messages need it). */
  keyring?: Keyring;
  /** The organisation's time zone: cron expressions are evaluated in it. */
  timeZone: string;
  /** Schema of pg-boss's tables. Default `pgboss`. */
  schema?: string;
  /** How often an idle worker looks for jobs. Default 2 s; pg-boss allows down to 0.5. */
  pollingIntervalSeconds?: number;
  /**
   * Whether this process sends the jobs crons call for (several processes may; pg-boss sends each
   * once). Default true; tests turn it off so a cron cannot fire in the middle of one.
   */
  sendScheduledJobs?: boolean;
}

export interface RunningWorker {
  boss: PgBoss;
  /** Lets running jobs finish for up to `timeoutMs` (default 30 s), then fails what is left so it is retried. */
  stop(timeoutMs?: number): Promise<void>;
}

/** Retry policy of a job that does not set one: a few retries, spaced out, within 15 minutes an attempt. */
export const JOB_DEFAULTS = { retryLimit: 3, retryDelay: 10, retryBackoff: true, expireInSeconds: 900 } as const;

/**
 * Starts pg-boss, creates (or updates) a queue per job, registers its worker and syncs the cron
 * schedules. Every worker process calls this with the same job list; pg-boss shares the work.
 */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const { db, clock, jobs } = options;
  const log = options.log.child({ component: "worker" });
  assertUniqueNames(jobs);

  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: options.schema ?? "pgboss",
    application_name: "sunap-worker",
    schedule: options.sendScheduledJobs ?? true,
  });
  // Unhandled, an 'error' event would crash the process; pg-boss recovers from these itself. Only
  // the message and code are logged: the error carries its pg client, connection settings and all.
  boss.on("error", (err: Error & { code?: string }) => log.error({ err: { message: err.message, code: err.code } }, "pg-boss error"));
  boss.on("warning", (warning) => log.warn({ type: (warning.data as { type?: string } | undefined)?.type }, warning.message));
  await boss.start();

  try {
    for (const job of jobs) {
      await ensureQueue(boss, job);
      await boss.work(
        job.name,
        { batchSize: 1, includeMetadata: true, perJobResults: true, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 },
        async (batch) => Promise.all(batch.map((delivery) => runJob(job, delivery, { db, clock, log, billing: options.billing ?? EMPTY_BILLING_REGISTRY, keyring: options.keyring }))),
      );
    }
    await syncSchedules(boss, jobs, options.timeZone, log);
  } catch (error) {
    await boss.stop({ graceful: false });
    throw error;
  }
  log.info({ jobs: jobs.map((job) => job.name), timeZone: options.timeZone }, "worker started");

  return {
    boss,
    async stop(timeoutMs = 30_000) {
      await boss.stop({ graceful: true, timeout: timeoutMs });
      log.info("worker stopped");
    },
  };
}

/** Creates the queue, or brings an existing one's retry policy in line with the definition. */
async function ensureQueue(boss: PgBoss, job: JobDefinition): Promise<void> {
  const policy = {
    retryLimit: job.retryLimit ?? JOB_DEFAULTS.retryLimit,
    retryDelay: job.retryDelay ?? JOB_DEFAULTS.retryDelay,
    retryBackoff: job.retryBackoff ?? JOB_DEFAULTS.retryBackoff,
    expireInSeconds: job.expireInSeconds ?? JOB_DEFAULTS.expireInSeconds,
  };
  if (await boss.getQueue(job.name)) await boss.updateQueue(job.name, policy);
  else await boss.createQueue(job.name, policy);
}

function assertUniqueNames(jobs: readonly JobDefinition[]): void {
  const seen = new Set<string>();
  for (const { name } of jobs) {
    if (seen.has(name)) throw new Error(`two jobs are named ${name}: a queue name must be unique`);
    seen.add(name);
  }
}
