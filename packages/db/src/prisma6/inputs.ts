import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { MIGRATIONS_DIR } from "../migrate.ts";

export const SCHEMA_DIR = path.resolve(MIGRATIONS_DIR, "../schema");

export interface Prisma6Inputs {
  schemaDir: string;
  migrationsDir: string;
  remove(): Promise<void>;
}

/**
 * Copies the schema and migrations into a temporary folder in the form Prisma 6 accepts: its
 * datasource needs `url = env(...)` (Prisma 7 rejects that line, so prisma/ keeps it out), and
 * `--from-migrations` needs a migration_lock.toml (our migrator does not use one). Copying also
 * keeps a run from seeing files someone is editing halfway.
 */
export async function preparePrisma6Inputs(options: { schemaDir?: string; migrationsDir?: string } = {}): Promise<Prisma6Inputs> {
  const root = await mkdtemp(path.join(os.tmpdir(), "sunap-prisma6-"));
  const schemaDir = path.join(root, "schema");
  const migrationsDir = path.join(root, "migrations");
  try {
    await mkdir(schemaDir);
    let datasources = 0;
    for (const file of (await readdir(options.schemaDir ?? SCHEMA_DIR)).filter((name) => name.endsWith(".prisma"))) {
      const text = await readFile(path.join(options.schemaDir ?? SCHEMA_DIR, file), "utf8");
      const withUrl = text.replace(/^(\s*datasource\s+\w+\s*\{)([^}]*)\}/m, (block, head: string, body: string) => {
        datasources += 1;
        return /^\s*url\s*=/m.test(body) ? block : `${head}${body}  url = env("DATABASE_URL")\n}`;
      });
      await writeFile(path.join(schemaDir, file), withUrl);
    }
    if (datasources !== 1) throw new Error(`Expected one datasource block in ${options.schemaDir ?? SCHEMA_DIR}, found ${datasources}`);
    await cp(options.migrationsDir ?? MIGRATIONS_DIR, migrationsDir, { recursive: true });
    await writeFile(path.join(migrationsDir, "migration_lock.toml"), 'provider = "postgresql"\n');
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
  return { schemaDir, migrationsDir, remove: () => rm(root, { recursive: true, force: true }) };
}
