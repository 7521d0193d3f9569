import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { DomainError, translate } from "@sunap/core";
import { createUser, ENCRYPTED_COLUMNS, recordAudit, rotatePersonalDataKeys } from "@sunap/api";
import { applyMigrations, createDb, KeyringConfigError } from "@sunap/db";
import { formatScheduleTable, loanSchedule, scheduleToJson, type RepaymentMethod } from "@sunap/plugin-loan-repayment/server";
import { ConfigError, loadConfig } from "./config.ts";
import { resolveDatabase, type DatabaseTarget } from "./database-target.ts";
import { resolveKeyring } from "./keys.ts";
import { createLogger } from "./logger.ts";
import { serverPlugins } from "./plugins.ts";

const USAGE = `Usage: npm run sunap -- <command> [options]

Commands:
  create-admin --email <e-mail> [--name <name>] [--password <password>]
      Creates an admin user (the first one on a new installation). Without --password a strong
      one is generated and printed once.
  migrate
      Applies pending database migrations and exits.
  rotate-keys
      Re-encrypts personal data still on an old key under SUNAP_ENCRYPTION_ACTIVE_KEY. Add the new
      key to SUNAP_ENCRYPTION_KEYS, make it active, run this until nothing is left on the old key,
      then remove the old key. Safe to re-run.
  loan-schedule --principal <won> --rate <percent> --months <n> --method <method>
                [--disbursed <YYYY-MM-DD> --day <1-31>] [--json]
      Previews a loan's repayment schedule; needs no database. Methods: equal-installment
      (원리금균등), equal-principal (원금균등), bullet (만기일시). Without --disbursed every period
      is a whole month; --day defaults to the disbursement day. --json prints amounts as strings.

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

async function loanScheduleCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      principal: { type: "string" },
      rate: { type: "string" },
      months: { type: "string" },
      method: { type: "string" },
      disbursed: { type: "string" },
      day: { type: "string" },
      json: { type: "boolean", default: false },
    },
  });
  const missing = (["principal", "rate", "months", "method"] as const).filter((name) => values[name] === undefined);
  if (missing.length) throw new UsageError(`loan-schedule needs ${missing.map((name) => `--${name}`).join(", ")}`);
  // Whole numbers stay exact as Number; anything else reaches validation as NaN and is refused there.
  const whole = (text: string) => (/^\d+$/.test(text) ? Number(text) : Number.NaN);
  const schedule = loanSchedule({
    principalWon: values.principal!,
    annualRatePercent: values.rate!,
    termMonths: whole(values.months!),
    method: values.method as RepaymentMethod,
    ...(values.disbursed !== undefined && { disbursedOn: values.disbursed }),
    ...(values.day !== undefined && { repaymentDay: whole(values.day) }),
  });
  process.stdout.write(values.json ? `${JSON.stringify(scheduleToJson(schedule), null, 2)}\n` : `${formatScheduleTable(schedule)}\n`);
}

async function migrate(): Promise<void> {
  await withDatabase(async () => {});
}

async function rotateKeys(): Promise<void> {
  await withDatabase(async (db, target) => {
    const keyring = await resolveKeyring(loadConfig(), target.embedded, createLogger("warn"));
    process.stdout.write(`Active key: ${keyring.activeKeyId}\n`);
    const tables = [...ENCRYPTED_COLUMNS, ...serverPlugins.flatMap((plugin) => plugin.encryptedColumns ?? [])];
    // One line per table, rewritten after each batch; the summary follows once every table is done.
    let current: string | undefined;
    const results = await rotatePersonalDataKeys(
      db,
      keyring,
      (table, p) => {
        if (current !== undefined && current !== table) process.stdout.write("\n");
        current = table;
        process.stdout.write(`  ${table}: ${p.rowsScanned} rows scanned, ${p.rowsUpdated} re-encrypted\r`);
      },
      tables,
    );
    process.stdout.write("\n");
    for (const [table, result] of Object.entries(results)) {
      process.stdout.write(`${table}: ${result.rowsScanned} rows, ${result.rowsUpdated} re-encrypted; values before by key ${JSON.stringify(result.valuesByKeyId)}; rotated ${JSON.stringify(result.rotatedByKeyId)}${result.rowsChangedMeanwhile ? `; ${result.rowsChangedMeanwhile} changed meanwhile (run again)` : ""}\n`);
    }
  });
}

class UsageError extends Error {}

async function withDatabase(work: (db: ReturnType<typeof createDb>, target: DatabaseTarget) => Promise<void>): Promise<void> {
  const target = await resolveDatabase(loadConfig());
  const db = createDb(target.url, { max: 2 });
  try {
    const result = await applyMigrations(target.url);
    if (result.applied.length) process.stdout.write(`Applied migrations: ${result.applied.join(", ")}\n`);
    await work(db, target);
  } finally {
    await db.$disconnect();
    await target.cluster?.stop();
  }
}

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = { "create-admin": createAdmin, migrate, "rotate-keys": rotateKeys, "loan-schedule": loanScheduleCommand };

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
    : error instanceof ConfigError || error instanceof KeyringConfigError ? error.message
    : `Failed: ${(error as Error).message}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
