import { readFile } from "node:fs/promises";
import path from "node:path";
import { preparePrisma6Inputs } from "./inputs.ts";
import { runPrisma6 } from "./run-prisma6.ts";

export interface SchemaDiff {
  /** True when the migrations already produce the schema. */
  empty: boolean;
  /** The SQL that takes a database with every migration applied to the schema ("" when empty). */
  sql: string;
}

const EMPTY_MARKER = "-- This is an empty migration.";

/**
 * `prisma6 migrate diff --from-migrations … --to-schema-datamodel … --script`: Prisma applies the
 * migrations to a throw-away shadow database on `serverUrl`, introspects it and compares it with the
 * schema. Triggers and functions are invisible to it, so hand-written SQL never shows up here.
 * (`--from-url` is not an option: Prisma 6 refuses it when the engine works through an adapter.)
 */
export async function diffMigrationsToSchema(options: { serverUrl: string; schemaDir?: string; migrationsDir?: string }): Promise<SchemaDiff> {
  const inputs = await preparePrisma6Inputs(options);
  try {
    const output = path.join(path.dirname(inputs.schemaDir), "diff.sql");
    const result = await runPrisma6(
      ["migrate", "diff", "--from-migrations", inputs.migrationsDir, "--to-schema-datamodel", inputs.schemaDir, "--script", "--exit-code", "--output", output],
      options,
    );
    // --exit-code: 0 empty, 2 changes, anything else an error.
    const script = result.exitCode === 0 || result.exitCode === 2 ? await readFile(output, "utf8").catch(() => "") : "";
    if (result.exitCode === 0 && script.includes(EMPTY_MARKER)) return { empty: true, sql: "" };
    // Misconfigured, the CLI falls back to a native engine that is not there and prints nothing.
    if (result.exitCode === 2 && script.trim() !== "") return { empty: false, sql: `${script.trim()}\n` };
    throw new Error(`prisma6 migrate diff failed (exit ${result.exitCode}):\n${result.stderr}${result.stdout}${script}`);
  } finally {
    await inputs.remove();
  }
}
