import { readdirSync, statSync } from "node:fs";
import path from "node:path";

/** The repository's root, for tests that scan the source. */
export const REPO_ROOT = path.resolve(import.meta.dirname, "../../../..");

/** Every TypeScript source file under `dir`, tests, dependencies and generated code left out. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "node_modules" || name === "generated" || name === "dist") return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}
