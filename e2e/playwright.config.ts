import { existsSync } from "node:fs";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.E2E_PORT ?? 3210);
const pgPort = Number(process.env.E2E_PG_PORT ?? 54_330);
export const E2E_TODAY = "2026-11-24";

// The system's Chromium where there is one (Debian's, or a path given), Playwright's own otherwise.
const systemChromium = [process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE, "/usr/bin/chromium"].find((p) => p && existsSync(p));

export default defineConfig({
  testDir: ".",
  testMatch: "**/*.e2e.ts",
  outputDir: path.join(root, "e2e/artifacts/test-results"),
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_FILE ?? path.join(root, "e2e/artifacts/results.json") }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: "ko-KR",
    timezoneId: "Asia/Seoul",
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      ...(systemChromium && { executablePath: systemChromium }),
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1440, height: 900 } } }],
  // A server of its own: embedded PostgreSQL in a fresh folder, demo data, a pinned business date.
  webServer: {
    command: `rm -rf .data/e2e-${port} && env -u DATABASE_URL npx tsx apps/server/src/main.ts`,
    cwd: root,
    url: `http://127.0.0.1:${port}/readyz`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: { PORT: String(port), HOST: "127.0.0.1", SUNAP_DATA_DIR: `.data/e2e-${port}`, SUNAP_EMBEDDED_PG_PORT: String(pgPort), SUNAP_TODAY: E2E_TODAY, LOG_LEVEL: "warn" },
  },
});
