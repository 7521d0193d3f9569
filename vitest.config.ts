import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["apps/*/src/**/*.test.{ts,tsx}", "packages/*/src/**/*.test.ts", "plugins/*/src/**/*.test.{ts,tsx}", "plugins/*/scenarios/**/*.test.ts"],
    globalSetup: ["packages/db/test/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    reporters: ["default"],
  },
});
