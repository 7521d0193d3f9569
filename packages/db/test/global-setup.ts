import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, withDatabase } from "../src/embedded-postgres.ts";
import { applyMigrations } from "../src/migrate.ts";

/**
 * One PostgreSQL for the whole run: the embedded one in a temporary folder, or the server
 * named by TEST_DATABASE_URL. Never DATABASE_URL: tests create and drop databases.
 */
export default async function setup(project: TestProject) {
  let adminUrl: string;
  let stopCluster: (() => Promise<void>) | undefined;
  let tempDir: string | undefined;
  if (process.env.TEST_DATABASE_URL) {
    adminUrl = process.env.TEST_DATABASE_URL;
  } else {
    tempDir = await mkdtemp(path.join(os.tmpdir(), "sunap-test-pg-"));
    await chmod(tempDir, 0o755); // PostgreSQL runs as its own OS user when we are root
    const cluster = await startEmbeddedPostgres({ dataDir: path.join(tempDir, "data"), persistent: false });
    adminUrl = cluster.adminUrl;
    stopCluster = cluster.stop;
  }
  const template = `sunap_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${template}"`);
  await admin.end();
  await applyMigrations(withDatabase(adminUrl, template));
  project.provide("pgAdminUrl", adminUrl);
  project.provide("pgTemplate", template);

  return async () => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'sunap_test_%' OR datname = $1`, [template]);
    for (const row of rows) await client.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
    await client.end();
    await stopCluster?.();
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  };
}
