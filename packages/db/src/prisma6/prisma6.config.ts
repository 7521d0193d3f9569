import { defineConfig } from "prisma6/config";
import { Prisma6Pg } from "./prisma6-pg.ts";

/**
 * Config for Prisma 6's CLI (`runPrisma6` passes it with --config): its WebAssembly schema engine
 * works through the pg adapter, on the server named by SUNAP_PRISMA6_SERVER_URL, where it creates
 * its shadow databases. Prisma 7's own config is /prisma.config.ts.
 */
const serverUrl = process.env.SUNAP_PRISMA6_SERVER_URL;
if (!serverUrl) throw new Error("SUNAP_PRISMA6_SERVER_URL is not set; run prisma6 through runPrisma6()");

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new Prisma6Pg(serverUrl),
});
