import { defineConfig } from "prisma/config";

// Prisma 7 reads the connection from here; only `prisma generate` uses this file,
// since migrations are applied by packages/db (see packages/db/src/migrate.ts).
export default defineConfig({
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations" },
});
