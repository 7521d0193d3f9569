import type { JobResult, JobWithMetadata } from "pg-boss";
import type { Logger } from "pino";
import type { Clock } from "@sunap/core";
import type { Db, Keyring } from "@sunap/db";
import type { BillingRegistry, JobDefinition } from "@sunap/api";

/** A clock that can re-read the organisation's time zone and demo date before each job (the app's clock can). */
export type WorkerClock = Clock & { refresh?(db: Db): Promise<void> };

export interface RunJobDeps {
  db: Db;
  clock: WorkerClock;
  log: Logger;
  billing: BillingRegistry;
  keyring?: Keyring;
}

/**
 * Runs one delivery of a job and says how pg-boss should settle it: completed; failed (pg-boss
 * retries it per the queue's policy); or, for data the schema rejects, failed for good at once.
 * Logs name, id, attempt, duration and outcome — never the payload, which may hold personal data.
 */
export async function runJob(definition: JobDefinition, job: JobWithMetadata<unknown>, deps: RunJobDeps): Promise<JobResult> {
  const attempt = job.retryCount + 1;
  const log = deps.log.child({ job: definition.name, jobId: job.id, attempt });
  const started = performance.now();
  const durationMs = () => Math.round(performance.now() - started);

  let data: unknown = job.data;
  if (definition.data) {
    const parsed = definition.data.safeParse(job.data);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.map(String).join(".") || "(data)"}: ${issue.message}`).join("; ");
      const message = `invalid data for job ${definition.name}: ${problems}`;
      log.error({ outcome: "rejected", durationMs: durationMs(), problems }, "job data rejected; not retried");
      // `deadletter` fails it terminally: retrying the same bad input would only fail again.
      return { id: job.id, status: "deadletter", output: { message } };
    }
    data = parsed.data;
  }

  log.info({ outcome: "started" }, "job started");
  try {
    await deps.clock.refresh?.(deps.db);
    const result = await definition.handler({ db: deps.db, clock: deps.clock, log, billing: deps.billing, keyring: deps.keyring, jobId: job.id, signal: job.signal }, data);
    log.info({ outcome: "completed", durationMs: durationMs() }, "job completed");
    return { id: job.id, status: "completed", output: toJsonOutput(result) };
  } catch (error) {
    const err = error instanceof Error ? error : new Error(String(error));
    const willRetry = job.retryCount < job.retryLimit;
    log.error({ outcome: willRetry ? "retrying" : "failed", durationMs: durationMs(), err }, willRetry ? "job failed; pg-boss will retry it" : "job failed; no retries left");
    return { id: job.id, status: "failed", output: { name: err.name, message: err.message, stack: err.stack } };
  }
}

/** pg-boss stores the result as JSON: bigints (money) become strings instead of throwing. */
function toJsonOutput(result: unknown): object | undefined {
  if (result === undefined || result === null) return undefined;
  const json = JSON.stringify(result, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
  const parsed: unknown = JSON.parse(json);
  return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? parsed : { value: parsed };
}
