import path from "node:path";
import pg from "pg";
import type { Logger } from "pino";
import { CORE_ACCOUNTS } from "@sunap/core";
import { AppClock, BillingRegistry, coreJobs, createBillingJob, createConsentJobs, createNotifyDispatchJob } from "@sunap/api";
import { applyMigrations, createDb, syncChartOfAccounts, type Db, type Keyring } from "@sunap/db";
import { startWorker, type RunningWorker } from "@sunap/worker";
import type { FastifyInstance } from "fastify";
import type { Config } from "./config.ts";
import { buildHttpServer } from "./http-server.ts";
import { serverPlugins } from "./plugins.ts";
import { needsDemoSeed, seedDemo } from "./demo-seed.ts";
import { REPO_ROOT } from "./paths.ts";
import { selectProviders } from "./providers.ts";


export interface RuntimeOptions {
  config: Config;
  databaseUrl: string;
  keyring: Keyring;
  demoMode: boolean;
  /** Seed demo data when the database has no users yet. */
  seedDemo: boolean;
  runServer: boolean;
  runWorker: boolean;
  log: Logger;
}

export interface Runtime {
  db: Db;
  keyring: Keyring;
  clock: AppClock;
  http?: FastifyInstance;
  worker?: RunningWorker;
  url?: string;
  seeded: boolean;
  stop(): Promise<void>;
}

/** Fails fast, with the reason, when the database cannot be reached. */
async function connect(databaseUrl: string): Promise<Db> {
  const probe = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 });
  try {
    await probe.connect();
  } catch (error) {
    const where = new URL(databaseUrl);
    const reason = (error as Error).message || (error as { code?: string }).code || "no answer";
    throw new Error(`Cannot reach PostgreSQL at ${where.hostname}:${where.port || 5432} (database "${where.pathname.slice(1)}"): ${reason}`, { cause: error });
  } finally {
    await probe.end().catch(() => {});
  }
  return createDb(databaseUrl);
}

/** Migrates, syncs the chart of accounts, seeds demo data if asked, then runs server and/or worker. */
export async function startRuntime(options: RuntimeOptions): Promise<Runtime> {
  const { config, log } = options;
  // Before anything else: a server that would reach no one must not start.
  const providers = selectProviders(config, options.demoMode, log);
  const db = await connect(options.databaseUrl);
  const migrated = await applyMigrations(options.databaseUrl);
  if (migrated.applied.length) log.info({ applied: migrated.applied }, "migrations applied");
  await syncChartOfAccounts(db, [...CORE_ACCOUNTS, ...serverPlugins.flatMap((p) => p.manifest.accounts.map((a) => ({ ...a, pluginId: p.manifest.id })))]);

  const billing = new BillingRegistry(serverPlugins);
  const clock = new AppClock("Asia/Seoul", options.demoMode, config.SUNAP_TODAY ?? null);
  await clock.refresh(db);
  let seeded = false;
  if (options.seedDemo && (await needsDemoSeed(db))) {
    await seedDemo(db, options.keyring, serverPlugins, clock);
    await clock.refresh(db);
    seeded = true;
    log.info("demo data seeded");
  }

  let worker: RunningWorker | undefined;
  if (options.runWorker) {
    worker = await startWorker({ connectionString: options.databaseUrl, db, clock, log, jobs: [...coreJobs, createNotifyDispatchJob(options.keyring, { providers: providers.notify }), createBillingJob(options.keyring), ...createConsentJobs(options.keyring, { cmsProvider: providers.cms }), ...serverPlugins.flatMap((p) => p.jobs)], billing, keyring: options.keyring, timeZone: clock.timeZone });
  }

  let http: FastifyInstance | undefined;
  let url: string | undefined;
  if (options.runServer) {
    http = await buildHttpServer({
      db,
      keyring: options.keyring,
      clock,
      log,
      settings: { demoMode: options.demoMode, sessionTtlHours: config.SESSION_TTL_HOURS, cookieSecure: config.COOKIE_SECURE, cmsProvider: providers.cms },
      plugins: billing.manifests,
      billing,
      adminDist: config.SUNAP_ADMIN_DIST ?? path.join(REPO_ROOT, "apps/admin/dist"),
      // The queue lives in the same database (pg-boss's own schema): ready when its tables answer.
      queueReady: () => db.$queryRaw`SELECT 1 FROM pgboss.version`.then(() => true),
    });
    await http.listen({ port: config.PORT, host: config.HOST });
    url = `http://localhost:${config.PORT}`;
  }

  return {
    db,
    keyring: options.keyring,
    clock,
    http,
    worker,
    url,
    seeded,
    async stop() {
      await http?.close();
      await worker?.stop();
      await db.$disconnect();
    },
  };
}
