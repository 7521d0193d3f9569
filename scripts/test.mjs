#!/usr/bin/env node
// `npm test`: every suite in turn, each timed, then one summary line with the test counts.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const reports = path.join(root, ".data", "test-reports");
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const env = { ...process.env, FORCE_COLOR: process.env.CI ? "0" : "1" };
// Tests never touch the application's database: they make their own.
delete env.DATABASE_URL;

const suites = [
  { name: "lint", cmd: ["npx", "turbo", "run", "lint", "--output-logs=errors-only"] },
  { name: "typecheck", cmd: ["npx", "turbo", "run", "typecheck", "--output-logs=errors-only"] },
  {
    name: "unit + integration (vitest, real PostgreSQL)",
    cmd: ["npx", "vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${path.join(reports, "vitest.json")}`],
    counts: () => {
      const report = JSON.parse(readFileSync(path.join(reports, "vitest.json"), "utf8"));
      return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
    },
  },
  { name: "build (admin bundle)", cmd: ["npx", "turbo", "run", "build", "--output-logs=errors-only"] },
  {
    name: "e2e (Playwright, Chromium)",
    cmd: ["npx", "playwright", "test", "-c", "e2e/playwright.config.ts"],
    extraEnv: { PLAYWRIGHT_JSON_OUTPUT_FILE: path.join(reports, "playwright.json") },
    counts: () => {
      const { stats } = JSON.parse(readFileSync(path.join(reports, "playwright.json"), "utf8"));
      return { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped };
    },
  },
];

const results = [];
for (const suite of suites) {
  process.stdout.write(`\n=== ${suite.name} ===\n`);
  const started = Date.now();
  const run = spawnSync(suite.cmd[0], suite.cmd.slice(1), { cwd: root, stdio: "inherit", env: { ...env, ...suite.extraEnv } });
  const seconds = (Date.now() - started) / 1000;
  let counts;
  try {
    counts = suite.counts?.();
  } catch {
    counts = undefined;
  }
  // A failed test fails its suite even if the runner's exit code said otherwise.
  const ok = run.status === 0 && !(counts && counts.failed > 0);
  results.push({ name: suite.name, ok, seconds, counts });
  if (!ok) break;
}

process.stdout.write("\n=== summary ===\n");
let passed = 0;
let failed = 0;
let skipped = 0;
for (const r of results) {
  const detail = r.counts ? `  (${r.counts.passed} passed, ${r.counts.failed} failed${r.counts.skipped ? `, ${r.counts.skipped} skipped` : ""})` : "";
  process.stdout.write(`${r.ok ? "ok  " : "FAIL"}  ${r.seconds.toFixed(1).padStart(7)} s  ${r.name}${detail}\n`);
  if (r.counts) {
    passed += r.counts.passed;
    failed += r.counts.failed;
    skipped += r.counts.skipped;
  }
}
const allOk = results.length === suites.length && results.every((r) => r.ok);
if (!allOk && failed === 0) failed = 1; // a suite that failed without counts (lint, build) still fails the run
process.stdout.write(`total: ${results.reduce((s, r) => s + r.seconds, 0).toFixed(1)} s\n`);
process.stdout.write(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}\n`);
process.exit(allOk ? 0 : 1);
