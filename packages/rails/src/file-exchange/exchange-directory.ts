import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { mkdir, open, readdir, readFile, rename, stat } from "node:fs/promises";
import path from "node:path";

/**
 * File-system steps of the exchange, each safe to interrupt: a file appears under its final name
 * only whole (written under a dot-name, flushed, then renamed in the same directory), and files
 * are only ever moved, never copied then deleted.
 */

/** Personal and account data: readable by the service account only. */
const FILE_MODE = 0o600;
const DIRECTORY_MODE = 0o700;

export async function ensureDirectory(directory: string): Promise<void> {
  await mkdir(directory, { recursive: true, mode: DIRECTORY_MODE });
}

/** Writes and flushes `bytes` to `file` (replacing it): the caller renames it into place. */
export async function writeDurable(file: string, bytes: Uint8Array | string): Promise<void> {
  const handle = await open(file, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC, FILE_MODE);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** `file` appears whole or not at all, even if the process dies half way. */
export async function writeAtomically(file: string, bytes: Uint8Array | string): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(4).toString("hex")}.tmp`);
  await writeDurable(temporary, bytes);
  await rename(temporary, file);
}

export async function readIfExists(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

export async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}

/** Regular files at the top of `directory`, by name; dot-names (files still being written) are left alone. */
export async function listFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith("."))
    .map((entry) => entry.name)
    .sort();
}

/** The first of `name`, `name.1`, `name.2` … not yet taken in `directory`. */
export async function freeName(directory: string, name: string): Promise<string> {
  for (let n = 0; ; n += 1) {
    const candidate = n === 0 ? name : `${name}.${n}`;
    if (!(await exists(path.join(directory, candidate)))) return candidate;
  }
}

/** How long ago the file was last written, in milliseconds. */
export async function ageMs(file: string, now: number): Promise<number> {
  return now - (await stat(file)).mtimeMs;
}
