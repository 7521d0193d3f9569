import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "./config.ts";
import { createLogger } from "./logger.ts";
import { startRuntime, type Runtime } from "./runtime.ts";
import { resolveDatabase } from "./database-target.ts";
import { resolveKeyring } from "./keys.ts";
import { DEMO_LOGINS } from "./demo-seed.ts";

/**
 * `npm start`. Without DATABASE_URL: an embedded PostgreSQL under .data/, demo mode, demo data on
 * first start. With DATABASE_URL: that server, no demo data unless `--demo`. `--server-only` and
 * `--worker-only` split the two halves for scale-out.
 */
async function main(): Promise<void> {
  const { values: args } = parseArgs({ options: { demo: { type: "boolean" }, "server-only": { type: "boolean" }, "worker-only": { type: "boolean" } } });
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL);
  const target = await resolveDatabase(config);
  const cluster = target.cluster;
  const embedded = target.embedded;
  if (cluster) log.info({ port: cluster.port }, "embedded PostgreSQL started");
  const demoMode = embedded || Boolean(args.demo) || Boolean(config.SUNAP_DEMO);
  let keyring;
  try {
    keyring = await resolveKeyring(config, embedded, log);
  } catch (error) {
    await cluster?.stop().catch(() => {});
    throw error;
  }
  let runtime: Runtime | undefined;
  const shutdown = async (signal: string) => {
    log.info({ signal }, "shutting down");
    await runtime?.stop().catch((error: unknown) => log.error({ err: error }, "stop failed"));
    await cluster?.stop().catch(() => {});
    process.exit(0);
  };
  // The embedded cluster's own exit hook would exit at once; ours stops the server and worker first, then the cluster.
  process.removeAllListeners("SIGINT");
  process.removeAllListeners("SIGTERM");
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  try {
    runtime = await startRuntime({
      config,
      databaseUrl: target.url,
      keyring,
      demoMode,
      seedDemo: embedded || Boolean(args.demo),
      runServer: !args["worker-only"],
      runWorker: !args["server-only"],
      log,
    });
  } catch (error) {
    await cluster?.stop().catch(() => {});
    throw error;
  }
  printBanner(runtime, demoMode);
}

function printBanner(runtime: Runtime, demoMode: boolean): void {
  const lines = ["", "  Sunap 수납 is ready."];
  if (runtime.url) lines.push(`  Admin console: ${runtime.url}`);
  if (runtime.worker) lines.push("  Worker: running (pg-boss)");
  lines.push(`  Business date: ${runtime.clock.today()} (${runtime.clock.timeZone})${runtime.clock.isPinned() ? " — pinned" : ""}`);
  if (demoMode) {
    lines.push("", "  Demo logins (demo mode only):");
    for (const login of DEMO_LOGINS) lines.push(`    ${login.role.padEnd(13)} ${login.email.padEnd(22)} ${login.password}`);
  }
  lines.push("", "  Stop with Ctrl+C.", "");
  process.stdout.write(`${lines.join("\n")}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`\n${error instanceof ConfigError ? error.message : `Sunap could not start: ${(error as Error).message}`}\n\n`);
  process.exit(1);
});
