import type { Logger } from "pino";
import type { ZodType } from "zod";
import type { Clock } from "@sunap/core";
import type { Db, Keyring } from "@sunap/db";
import type { BillingRegistry } from "../billing-registry.ts";

/** What a job's handler is given. The worker builds one per delivery. */
export interface JobContext {
  db: Db;
  clock: Clock;
  /** Already bound to the job's name and id; never log the payload's personal data through it. */
  log: Logger;
  jobId: string;
  /** The server's plugins by id (billing rules, manifests): the same registry the API uses. */
  billing: BillingRegistry;
  /** The personal-data keyring, for jobs that queue messages (recipients are stored encrypted); the worker always gives it. */
  keyring?: Keyring;
  /** Aborted when the job runs past `expireInSeconds` or the worker stops: a long job stops at a safe point. */
  signal: AbortSignal;
}

/**
 * One kind of background job: a pg-boss queue, its retry policy, an optional cron schedule and
 * the handler. Core and plugin jobs are all declared this way and handed to the worker in one list.
 *
 * **Handlers must be idempotent.** pg-boss delivers at least once: a job is retried after an
 * error or a timeout, and a worker may die anywhere, so the same job can run twice or restart
 * after a crash half way. Running it again must leave the same state — derive idempotency keys
 * from the input (see the ledger), or make the work naturally repeatable (a delete by predicate).
 */
export interface JobDefinition<TData = unknown, TResult = unknown> {
  /** The pg-boss queue name, `<area>.<verb-noun>`, e.g. `housekeeping.expired-sessions`. */
  name: string;
  /**
   * Five-field cron expression, evaluated in the organisation's time zone. A scheduled run is
   * sent with `{}` as its data, so a job with both `cron` and `data` must accept an empty object.
   */
  cron?: string;
  /** Retries after the first attempt before the job is failed for good. Default 3. */
  retryLimit?: number;
  /** Seconds before a retry. Default 10. */
  retryDelay?: number;
  /** Doubles the delay on each retry (with jitter). Default true. */
  retryBackoff?: boolean;
  /** Seconds an attempt may run before it counts as failed (and is retried). Default 900. */
  expireInSeconds?: number;
  /** Schema of the payload. Data it rejects fails the job at once: retrying cannot fix bad input. */
  data?: ZodType<TData>;
  /** Its result is stored on the job (bigints as strings); keep it small and free of personal data. */
  handler(ctx: JobContext, data: TData): Promise<TResult>;
}

/** Identity at run time; gives the handler's `data` the type its schema parses to. */
export function defineJob<TData = undefined, TResult = void>(definition: JobDefinition<TData, TResult>): JobDefinition<TData, TResult> {
  return definition;
}
