export { createDb, type Db, type Tx, type DbOrTx } from "./prisma-client.ts";
export { Prisma } from "./generated/prisma/client.ts";
export type * from "./generated/prisma/models.ts";
export { applyMigrations, MIGRATIONS_DIR, type MigrationResult } from "./migrate.ts";
export { startEmbeddedPostgres, freePort, withDatabase, type EmbeddedCluster } from "./embedded-postgres.ts";
export * from "./ledger-repository.ts";
export * from "./chart-repository.ts";
export * from "./pii/index.ts";
export { PgSandboxBankStore, SANDBOX_BANK_FIELD_CONTEXT } from "./sandbox-bank-store-pg.ts";
