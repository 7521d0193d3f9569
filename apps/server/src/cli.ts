import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { DomainError, translate } from "@sunap/core";
import { createUser, recordAudit } from "@sunap/api";
import { applyMigrations, createDb } from "@sunap/db";
import { ConfigError, loadConfig } from "./config.ts";
import { resolveDatabase } from "./database-target.ts";

const USAGE = `Usage: npm run sunap -- <command> [options]

Commands:
  create-admin --email <e-mail> [--name <name>] [--password <password>]
      Creates an admin user (the first one on a new installation). Without --password a strong
      one is generated and printed once.
  migrate
      Applies pending database migrations and exits.

Uses DATABASE_URL when set, otherwise the embedded PostgreSQL under .data/.`;

async function createAdmin(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { email: { type: "string" }, name: { type: "string" }, password: { type: "string" } } });
  if (!values.email) throw new UsageError("create-admin needs --email");
  const generated = values.password === undefined;
  const password = values.password ?? `${randomBytes(12).toString("base64url")}7a`;
  await withDatabase(async (db) => {
    const user = await createUser(db, { email: values.email!, name: values.name ?? "Administrator", role: "admin", password, storeIds: [] }, (tx, event) =>
      recordAudit(tx, { id: null, email: "system:cli", ip: null }, event),
    );
    process.stdout.write(`Created admin ${user.email} (id ${user.id}).\n`);
    if (generated) process.stdout.write(`Password (shown once, change it after signing in): ${password}\n`);
  });
}

async function migrate(): Promise<void> {
  await withDatabase(async () => {});
}

class UsageError extends Error {}

async function withDatabase(work: (db: ReturnType<typeof createDb>) => Promise<void>): Promise<void> {
  const target = await resolveDatabase(loadConfig());
  const db = createDb(target.url, { max: 2 });
  try {
    const result = await applyMigrations(target.url);
    if (result.applied.length) process.stdout.write(`Applied migrations: ${result.applied.join(", ")}\n`);
    await work(db);
  } finally {
    await db.$disconnect();
    await target.cluster?.stop();
  }
}

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = { "create-admin": createAdmin, migrate };

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const run = command ? COMMANDS[command] : undefined;
  if (!run) {
    process.stdout.write(`${USAGE}\n`);
    process.exitCode = command ? 2 : 0;
    return;
  }
  await run(rest);
}

main().catch((error: unknown) => {
  const message =
    error instanceof DomainError ? translate(error.code, "en", error.params) + (error.field ? ` (${error.field})` : "")
    : error instanceof UsageError ? `${error.message}\n\n${USAGE}`
    : error instanceof ConfigError ? error.message
    : `Failed: ${(error as Error).message}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
