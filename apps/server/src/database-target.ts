import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, withDatabase, type EmbeddedCluster } from "@sunap/db";
import type { Config } from "./config.ts";
import { REPO_ROOT } from "./paths.ts";

export interface DatabaseTarget {
  url: string;
  embedded: boolean;
  /** Set when this process started the embedded cluster and so must stop it. */
  cluster?: EmbeddedCluster;
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

/**
 * DATABASE_URL when set; otherwise the embedded PostgreSQL under .data/ — reused when a running
 * `npm start` already serves it, started here when not.
 */
export async function resolveDatabase(config: Config): Promise<DatabaseTarget> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, embedded: false };
  const adminUrl = `postgresql://postgres:sunap-embedded@127.0.0.1:${config.SUNAP_EMBEDDED_PG_PORT}/postgres`;
  if (await reachable(adminUrl)) {
    await ensureDatabase(adminUrl, "sunap");
    return { url: withDatabase(adminUrl, "sunap"), embedded: true };
  }
  const cluster = await startEmbeddedPostgres({ dataDir: path.resolve(REPO_ROOT, config.SUNAP_DATA_DIR, "postgres"), port: config.SUNAP_EMBEDDED_PG_PORT });
  await ensureDatabase(cluster.adminUrl, "sunap");
  return { url: withDatabase(cluster.adminUrl, "sunap"), embedded: true, cluster };
}
