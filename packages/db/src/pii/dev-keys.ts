import { randomBytes } from "node:crypto";
import { link, mkdir, readFile, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { generateDevKeyring, KeyringConfigError, keyringFromConfig, type Keyring, type KeyringConfig } from "./keyring.ts";

/** What the embedded demo mode logs when it uses (or has just created) the generated keys. */
export const DEV_KEYS_WARNING =
  "Using development encryption keys generated into {file}. They protect demo data only: " +
  "configure SUNAP_ENCRYPTION_KEYS, SUNAP_ENCRYPTION_ACTIVE_KEY and SUNAP_BLIND_INDEX_KEY for real data.";

export interface DevKeys {
  config: Required<KeyringConfig>;
  keyring: Keyring;
  /** True when this call generated the file (first start), false when it already existed. */
  created: boolean;
}

/**
 * The embedded demo mode's keys: read from `filePath`, or generated into it (mode 0600) on
 * first start. Server and worker may start together, so the file is created atomically
 * (written aside, then hard-linked into place, which fails if it exists): exactly one process
 * creates it, and no process ever reads a half-written file.
 */
export async function loadOrCreateDevKeys(filePath: string): Promise<DevKeys> {
  const existing = await readDevKeys(filePath);
  if (existing) return { ...existing, created: false };

  await mkdir(path.dirname(filePath), { recursive: true, mode: 0o700 });
  const { keyring, config } = generateDevKeyring();
  const body = { _warning: "Development keys for the embedded demo only. Never use them for real personal data.", ...config };
  const aside = `${filePath}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  await writeFile(aside, JSON.stringify(body, null, 2) + "\n", { mode: 0o600, flag: "wx" });
  try {
    await link(aside, filePath);
    return { config, keyring, created: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const winner = await readDevKeys(filePath); // another process got there first: use its keys
    if (!winner) throw error;
    return { ...winner, created: false };
  } finally {
    await unlink(aside).catch(() => undefined);
  }
}

async function readDevKeys(filePath: string): Promise<Omit<DevKeys, "created"> | undefined> {
  let text: string;
  try {
    text = await readFile(filePath, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new KeyringConfigError([{ variable: filePath, message: "is not valid JSON; delete it to generate new demo keys (the demo data encrypted with the old ones becomes unreadable)" }]);
  }
  const record = (parsed ?? {}) as Record<string, unknown>;
  const pick = (name: keyof KeyringConfig) => (typeof record[name] === "string" ? record[name] : "");
  const config: Required<KeyringConfig> = {
    SUNAP_ENCRYPTION_KEYS: pick("SUNAP_ENCRYPTION_KEYS"),
    SUNAP_ENCRYPTION_ACTIVE_KEY: pick("SUNAP_ENCRYPTION_ACTIVE_KEY"),
    SUNAP_BLIND_INDEX_KEY: pick("SUNAP_BLIND_INDEX_KEY"),
  };
  try {
    return { config, keyring: keyringFromConfig(config) };
  } catch (error) {
    if (!(error instanceof KeyringConfigError)) throw error;
    throw new KeyringConfigError(error.problems.map((p) => ({ variable: `${p.variable} in ${filePath}`, message: p.message })));
  }
}
