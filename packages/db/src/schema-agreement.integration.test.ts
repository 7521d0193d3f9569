import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { diffMigrationsToSchema } from "./prisma6/diff-migrations.ts";
import { SCHEMA_DIR } from "./prisma6/inputs.ts";

// Prisma applies prisma/migrations to a shadow database on the test server and compares the result
// with prisma/schema. Our migrator runs the same files (global setup proves they apply).
describe("schema agreement", () => {
  it("the migrations produce exactly the database the Prisma schema describes", async () => {
    const diff = await diffMigrationsToSchema({ serverUrl: inject("pgAdminUrl") });
    expect(diff.sql, "prisma/schema differs from what the migrations build: run `npm run db:migration -- <name>`").toBe("");
    expect(diff.empty).toBe(true);
  });

  // The control: a diff that always came back empty would make the test above pass for nothing.
  it("notices a model that no migration creates", async () => {
    const schemaDir = await mkdtemp(path.join(os.tmpdir(), "sunap-schema-probe-"));
    try {
      await cp(SCHEMA_DIR, schemaDir, { recursive: true });
      await writeFile(path.join(schemaDir, "probe.prisma"), 'model SchemaProbe {\n  id Int @id\n\n  @@map("schema_probe")\n}\n');
      const diff = await diffMigrationsToSchema({ serverUrl: inject("pgAdminUrl"), schemaDir });
      expect(diff.empty).toBe(false);
      expect(diff.sql).toContain('CREATE TABLE "schema_probe"');
    } finally {
      await rm(schemaDir, { recursive: true, force: true });
    }
  });
});
