import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
/** Prisma 6.19's CLI, installed as the `prisma6` alias; its executable is also named `prisma`, so call it by path. */
const CLI = createRequire(import.meta.url).resolve("prisma6/build/index.js");
const CONFIG = path.join(here, "prisma6.config.ts");
const REPO_ROOT = path.resolve(here, "../../../..");

export interface Prisma6Result {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs Prisma 6's CLI in a child process with our config (the pg adapter with its shims), so its
 * WebAssembly schema engine works offline. `serverUrl` is the PostgreSQL server it works on.
 */
export function runPrisma6(args: string[], options: { serverUrl: string }): Promise<Prisma6Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args, "--config", CONFIG], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        SUNAP_PRISMA6_SERVER_URL: options.serverUrl,
        // The engine is the WebAssembly one; these stop the CLI from downloading native engines.
        PRISMA_SCHEMA_ENGINE_BINARY: "/bin/true",
        PRISMA_QUERY_ENGINE_LIBRARY: CLI,
        CHECKPOINT_DISABLE: "1",
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ exitCode: code ?? (signal ? 128 : 1), stdout, stderr }));
  });
}
