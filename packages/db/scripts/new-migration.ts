/**
 * `npm run db:migration -- <name>`: after editing prisma/schema/*.prisma, writes
 * prisma/migrations/<UTC YYYYMMDDHHMMSS>_<name>/migration.sql with the SQL that takes a database
 * with every existing migration applied to the new schema, or prints "no changes".
 * Offline and without DATABASE_URL: it works on a throw-away embedded PostgreSQL.
 */
import { chmod, mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, withDatabase } from "../src/embedded-postgres.ts";
import { applyMigrations, MIGRATIONS_DIR } from "../src/migrate.ts";
import { diffMigrationsToSchema } from "../src/prisma6/diff-migrations.ts";

const say = (text: string) => process.stdout.write(`${text}\n`);

function migrationName(argument: string | undefined): string {
  const name = (argument ?? "").trim().toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
  if (!name) {
    process.stderr.write("Usage: npm run db:migration -- <name>   (e.g. add_store_phone)\n");
    process.exit(2);
  }
  return name;
}

/** UTC YYYYMMDDHHMMSS, and later than every existing migration even if the clock is behind. */
async function nextTimestamp(): Promise<string> {
  const now = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const latest = (await readdir(MIGRATIONS_DIR)).map((entry) => entry.slice(0, 14)).filter((stamp) => /^\d{14}$/.test(stamp)).sort().at(-1);
  if (!latest || now > latest) return now;
  const next = new Date(Date.UTC(+latest.slice(0, 4), +latest.slice(4, 6) - 1, +latest.slice(6, 8), +latest.slice(8, 10), +latest.slice(10, 12), +latest.slice(12, 14) + 1));
  return next.toISOString().replace(/\D/g, "").slice(0, 14);
}

/** Our migrator runs each file in a transaction; check the new one applies that way too. */
async function checkApplies(adminUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "scratch"`);
  } finally {
    await admin.end();
  }
  await applyMigrations(withDatabase(adminUrl, "scratch"));
}

async function main(): Promise<number> {
  const name = migrationName(process.argv[2]);
  const temp = await mkdtemp(path.join(os.tmpdir(), "sunap-new-migration-"));
  await chmod(temp, 0o755); // PostgreSQL runs as the `postgres` OS user when we are root
  const cluster = await startEmbeddedPostgres({ dataDir: path.join(temp, "data"), persistent: false });
  try {
    const diff = await diffMigrationsToSchema({ serverUrl: cluster.adminUrl });
    if (diff.empty) {
      say("no changes");
      return 0;
    }
    const folder = `${await nextTimestamp()}_${name}`;
    const file = path.join(MIGRATIONS_DIR, folder, "migration.sql");
    await mkdir(path.dirname(file));
    await writeFile(file, diff.sql);
    say(`Created prisma/migrations/${folder}/migration.sql:\n\n${diff.sql}`);
    try {
      await checkApplies(cluster.adminUrl);
    } catch (error) {
      // E.g. a new enum value used in the same transaction: move it to a migration of its own.
      process.stderr.write(`\nBut it does not apply with packages/db's migrator (one transaction per file); edit it by hand:\n${(error as Error).message}\n`);
      return 1;
    }
    say("Add triggers or functions below the generated SQL if the change needs them.");
    return 0;
  } finally {
    await cluster.stop();
    await rm(temp, { recursive: true, force: true });
  }
}

// Exit explicitly: embedded-postgres's exit hook calls process.exit(0) on beforeExit, losing exitCode.
process.exit(await main());
